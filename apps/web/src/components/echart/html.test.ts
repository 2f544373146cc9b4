// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { HOSTILE_NAME as HOSTILE, HOSTILE_NAME_ESCAPED as ESCAPED } from '@/test/hostile-name';
import { escapeHtml, html, joinHtml } from '@profmonitor/charts';

/** What the browser makes of markup put into the page, as ECharts puts a tooltip in. */
function parsed(markup: string): HTMLElement {
  const element = document.createElement('div');
  element.innerHTML = markup;
  return element;
}

describe('escapeHtml', () => {
  it('writes & < > " \' as entities and leaves other text alone', () => {
    expect(escapeHtml(HOSTILE)).toBe(ESCAPED);
    expect(escapeHtml('Гимназия № 2: 90,4 %')).toBe('Гимназия № 2: 90,4 %');
  });

  it('escapes text that looks escaped already: it is text, not markup', () => {
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

describe('html', () => {
  it('escapes every value put into it and keeps its own markup', () => {
    const markup = html`${HOSTILE}<br /><b>${HOSTILE}</b>${42}`;
    expect(markup.toString()).toBe(`${ESCAPED}<br /><b>${ESCAPED}</b>42`);
    const shown = parsed(markup.markup);
    expect(shown.querySelector('img')).toBeNull();
    expect([...shown.querySelectorAll('*')].map((e) => e.tagName)).toEqual(['BR', 'B']);
    expect(shown.textContent).toBe(`${HOSTILE}${HOSTILE}42`);
  });

  it('keeps markup made by html as it is, once escaped, alone or in a list', () => {
    const name = html`<b>${HOSTILE}</b>`;
    expect(html`${name}!`.markup).toBe(`<b>${ESCAPED}</b>!`);
    expect(html`${[name, html`<br />`, name]}`.markup).toBe(`<b>${ESCAPED}</b><br /><b>${ESCAPED}</b>`);
  });

  it('joins lines with a separator of its own', () => {
    expect(joinHtml([html`${'a<b'}`, html`${'c'}`], html`<br />`).markup).toBe('a&lt;b<br />c');
    expect(joinHtml([], html`<br />`).markup).toBe('');
  });
});
