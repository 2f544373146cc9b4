// The Russian number formats of the charts (and of the web's tables, which re-export them);
// percentages come from '@profmonitor/domain' (formatPercent), so that exports print them alike.

const NO_DATA = 'нет данных';
/** The typographic minus: «−3,1 п.п.» lines up with «+6,2 п.п.», a hyphen does not. */
const MINUS = '\u2212';

const numberFormat = new Intl.NumberFormat('ru-RU');

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
