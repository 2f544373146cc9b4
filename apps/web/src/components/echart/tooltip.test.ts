// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { HOSTILE_NAME as HOSTILE, HOSTILE_NAME_ESCAPED as ESCAPED } from '@/test/hostile-name';
import { html, itemTooltip, rowTooltip } from '@profmonitor/charts';

/** What the browser makes of a tooltip: ECharts puts the formatter's string in as HTML. */
function shown(markup: string): HTMLElement {
  const element = document.createElement('div');
  element.innerHTML = markup;
  return element;
}

describe('tooltip formatters', () => {
  const rows = [{ name: HOSTILE }];
  const describeRow = (row: { name: string }) => html`<b>${row.name}</b>`;

  it('turn the hovered item, or the first of a list, into escaped markup', () => {
    const formatter = itemTooltip<{ name: string }>((item) => describeRow(item));
    expect(formatter({ name: HOSTILE })).toBe(`<b>${ESCAPED}</b>`);
    expect(formatter([{ name: HOSTILE }, { name: 'второй' }])).toBe(`<b>${ESCAPED}</b>`);
    expect(formatter([])).toBe('');
  });

  it('describe the row of the hovered bar, and nothing past the rows', () => {
    const formatter = rowTooltip(rows, describeRow);
    expect(shown(formatter({ dataIndex: 0 })).textContent).toBe(HOSTILE);
    expect(shown(formatter({ dataIndex: 0 })).querySelector('img')).toBeNull();
    expect(formatter({ dataIndex: 1 })).toBe('');
  });
});
