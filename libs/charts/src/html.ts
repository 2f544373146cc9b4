/**
 * Markup for ECharts' HTML tooltips, which put what a formatter returns into the page as HTML.
 * The names in a chart are user data (a registry may call a school `<img onerror=…>`), so
 * markup is written only with the `html` template, which escapes every value put into it.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML shows it: `& < > " '` as entities, safe in element content and in quoted attributes. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => ESCAPES[char]);

/** Markup that is safe to show: its fixed parts written by us, every value in it escaped. */
export class SafeHtml {
  // Only `html` makes one, so a SafeHtml never holds unescaped text.
  private constructor(readonly markup: string) {}

  toString(): string {
    return this.markup;
  }

  /** @see html */
  static template(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
    return new SafeHtml(strings.reduce((out, string, index) => out + markupOf(values[index - 1]) + string));
  }
}

/** What may be put into `html`: text and numbers are escaped, markup made by `html` is kept. */
export type HtmlValue = string | number | SafeHtml | readonly SafeHtml[];

function markupOf(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return value.map(markupOf).join('');
  return escapeHtml(String(value));
}

/**
 * The tagged template for tooltip markup: html`<b>${name}</b>` escapes `name`, and keeps the
 * markup of an `html` value (or a list of them) put into it as it is.
 */
export const html = SafeHtml.template;

/** Pieces of markup joined by a separator, e.g. the lines of a tooltip by html`<br />`. */
export const joinHtml = (parts: readonly SafeHtml[], separator: SafeHtml): SafeHtml =>
  html`${parts.flatMap((part, index) => (index === 0 ? [part] : [separator, part]))}`;
