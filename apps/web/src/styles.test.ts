import { describe, expect, it } from 'vitest';
import css from './styles.css?raw';

// Issue 12, finding 14.1: axe-core measured the «нет данных» badge at 4.06:1. WCAG 2 AA asks
// 4.5:1 for normal text, and the badges are small (13 px) text. This reads the colours from the
// stylesheet itself, so a palette edit that drops any badge or the muted text below AA fails here.

const AA_NORMAL_TEXT = 4.5;

type Rgb = readonly [number, number, number];

/** Without comments, which may hold `;` or `{` and would confuse the parsers below. */
const source = css.replace(/\/\*[\s\S]*?\*\//g, '');

/** `--name: value;` declarations of `:root`, the palette. */
function customProperties(text: string): Map<string, string> {
  const root = /:root\s*\{([^}]*)\}/.exec(text);
  if (!root) throw new Error('styles.css has no :root block with the palette');
  const properties = new Map<string, string>();
  for (const [, name, value] of root[1].matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) {
    properties.set(name, value.trim());
  }
  return properties;
}

/** Every `.badge--x { … }` rule with its colour and background (a selector list counts for each). */
function badgeRules(text: string): { selector: string; color?: string; background?: string }[] {
  return [...text.matchAll(/([^{}]+)\{([^{}]*)\}/g)].flatMap(([, selectors, body]) =>
    selectors
      .split(',')
      .map((selector) => selector.trim())
      .filter((selector) => /^\.badge--[\w-]+$/.test(selector))
      .map((selector) => ({
        selector,
        color: /(?:^|;)\s*color\s*:\s*([^;]+)/.exec(body)?.[1].trim(),
        background: /(?:^|;)\s*background(?:-color)?\s*:\s*([^;]+)/.exec(body)?.[1].trim(),
      })),
  );
}

const palette = customProperties(source);

/** A value with its `var(--x)` references replaced, as the browser would compute it. */
function resolve(value: string, seen: string[] = []): string {
  return value.replace(/var\(\s*(--[\w-]+)\s*(?:,\s*([^)]+))?\)/g, (_, name: string, fallback?: string) => {
    if (seen.includes(name)) throw new Error(`styles.css: ${[...seen, name].join(' → ')} refers to itself`);
    const declared = palette.get(name) ?? fallback;
    if (declared === undefined) throw new Error(`styles.css: ${name} is used but not declared in :root`);
    return resolve(declared, [...seen, name]);
  });
}

/** `#rgb`, `#rrggbb`, `rgb(r g b)` or `rgb(r, g, b)`; a translucent colour has no contrast of its own. */
function parseColor(value: string): Rgb {
  const text = value.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(text);
  if (hex) {
    const digits = hex[1].length === 3 ? [...hex[1]].map((digit) => digit + digit) : hex[1].match(/../g)!;
    return digits.map((pair) => parseInt(pair, 16)) as unknown as Rgb;
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)\s*(?:[,/]\s*([\d.]+)(%?))?\s*\)$/.exec(text);
  if (rgb) {
    const alpha = rgb[4] === undefined ? 1 : Number(rgb[4]) / (rgb[5] ? 100 : 1);
    if (alpha < 1) throw new Error(`«${value}» is translucent: its contrast depends on what lies under it`);
    return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  }
  throw new Error(`«${value}» is not a colour this test can read (#hex or rgb())`);
}

/** WCAG 2 relative luminance. */
function luminance(color: Rgb): number {
  const [r, g, b] = color.map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrastRatio(foreground: string, background: string): number {
  const [lighter, darker] = [luminance(parseColor(foreground)), luminance(parseColor(background))].sort(
    (a, b) => b - a,
  );
  return (lighter + 0.05) / (darker + 0.05);
}

type Pair = { name: string; color: string; background: string };

const badges = badgeRules(source);

const pairs: Pair[] = [
  ...badges.map(({ selector, color, background }) => {
    if (!color || !background) throw new Error(`${selector} must set both color and background`);
    return { name: selector, color, background };
  }),
  ...['--color-bg', '--color-surface'].map((surface) => ({
    name: `muted text on ${surface}`,
    color: 'var(--color-muted)',
    background: `var(${surface})`,
  })),
];

describe('styles.css colour contrast (WCAG 2 AA)', () => {
  it('reads the palette and the badge rules', () => {
    expect(badges.map((badge) => badge.selector)).toEqual(
      expect.arrayContaining(['.badge--ok', '.badge--fail', '.badge--nodata', '.badge--info']),
    );
  });

  it('computes contrast as WCAG 2 defines it', () => {
    expect(contrastRatio('#000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('rgb(118 118 118)', '#fff')).toBeCloseTo(4.54, 2);
    expect(() => contrastRatio('rgb(255 255 255 / 85%)', '#000')).toThrow(/translucent/);
  });

  it.each(pairs)('$name reaches 4.5:1', ({ name, color, background }) => {
    const ratio = contrastRatio(resolve(color), resolve(background));
    expect(
      ratio,
      `${name} (${color} on ${background}) is ${ratio.toFixed(2)}:1, WCAG AA asks ${AA_NORMAL_TEXT}:1`,
    ).toBeGreaterThanOrEqual(AA_NORMAL_TEXT);
  });
});
