import type { Locator, Page } from 'playwright-core';

/** Text as a person reads it: no-break spaces are spaces. */
const plain = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * ECharts' HTML tooltip: a child of the chart's container beside the canvas's own root, which
 * ECharts shows and hides but keeps.
 */
export const chartTooltip = (chart: Locator): Locator => chart.locator(':scope > div:not(:has(canvas))');

type Found = { x: number; y: number } | { seen: string[] };

/**
 * Finds, inside the page, a point of a canvas chart whose element's tooltip reads `text`:
 * row by row, it moves a synthetic pointer over zrender's root (thousands of moves, too many
 * for the browser's protocol) and stops on the first element whose tooltip names it. zrender
 * tells that the pointer is on an element by its cursor, so that a tooltip still fading out
 * from the previous element (ECharts hides it after a delay) is not taken for this one.
 */
function findPoint(chart: HTMLElement, { text, step }: { text: string; step: number }): Found {
  const root = chart.querySelector<HTMLElement>(':scope > div:has(canvas)');
  const tooltip = chart.querySelector<HTMLElement>(':scope > div:not(:has(canvas))');
  if (!root) throw new Error('The chart has no canvas.');
  const box = root.getBoundingClientRect();
  const seen = new Set<string>();
  // Where the first element was found: the plot's left edge, where every bar starts.
  let start = 0;
  for (let y = box.top + step / 2; y < box.bottom; y += step) {
    for (let x = box.left + start; x < box.right; x += step) {
      root.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: y, bubbles: true }));
      if (root.style.cursor !== 'pointer') continue;
      if (start === 0) start = x - box.left;
      const shown = (tooltip ?? chart.querySelector<HTMLElement>(':scope > div:not(:has(canvas))'))
        ?.innerText;
      if (shown?.replace(/\s+/g, ' ').includes(text)) return { x, y };
      seen.add(shown ?? '');
      break;
    }
  }
  return { seen: [...seen] };
}

/**
 * Points the mouse at the element of a canvas chart whose tooltip reads `text`, as a person
 * would, once the page has found where it is; returns the tooltip it shows, or fails naming
 * the tooltips the chart has.
 */
export async function hoverUntilTooltip(
  page: Page,
  chart: Locator,
  text: string,
  { step = 4 }: { step?: number } = {},
): Promise<Locator> {
  await chart.scrollIntoViewIfNeeded();
  const found = await chart.evaluate(findPoint, { text, step });
  if ('seen' in found) {
    throw new Error(
      `No tooltip reads «${text}»; the chart's tooltips read:\n${found.seen.map(plain).join('\n')}`,
    );
  }
  await page.mouse.move(0, 0);
  await page.mouse.move(found.x, found.y);
  const tooltip = chartTooltip(chart).first();
  await tooltip.filter({ hasText: text }).waitFor();
  return tooltip;
}
