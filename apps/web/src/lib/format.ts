// Percentages come from '@profmonitor/domain' (formatPercent), so that the API's exports and
// the UI print them alike; the rest of the Russian number and date formats live here.

const NO_DATA = 'нет данных';
/** The typographic minus: «−3,1 п.п.» lines up with «+6,2 п.п.», a hyphen does not. */
const MINUS = '\u2212';

const numberFormat = new Intl.NumberFormat('ru-RU');
const dateTimeFormat = new Intl.DateTimeFormat('ru-RU', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** 12345.5 → «12 345,5» (Russian grouping with a no-break space); null → «нет данных». */
export function formatNumber(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return NO_DATA;
  return numberFormat.format(value);
}

/** An index 0..1 with two decimals: 0.512 → «0,51»; null → «нет данных». */
export function formatIndex(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return NO_DATA;
  return value.toFixed(2).replace('.', ',');
}

/** A signed number with a comma: 6.2 → «+6,2», −3.1 → «−3,1», 0 → «0,0». */
export function formatSigned(value: number, fractionDigits: number): string {
  const text = Math.abs(value).toFixed(fractionDigits).replace('.', ',');
  if (Number(text.replace(',', '.')) === 0) return text;
  return (value > 0 ? '+' : MINUS) + text;
}

/** '2024-08-31' → «31.08.2024». The date is not parsed into a Date, so no time zone can shift it. */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  return `${day}.${month}.${year}`;
}

/** A moment (an upload's time) in the browser's time zone: «31.08.2024, 14:05». */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

/** The Russian form of a word for a count: plural(5, 'организация', 'организации', 'организаций') → «организаций». */
export { plural } from '@profmonitor/domain';
