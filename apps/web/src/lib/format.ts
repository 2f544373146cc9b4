const NO_DATA = 'нет данных';

const numberFormat = new Intl.NumberFormat('ru-RU');
const percentFormat = new Intl.NumberFormat('ru-RU', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/** 0.784 → «78,4 %»; null → «нет данных». */
export function formatPercent(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return NO_DATA;
  // Intl puts a no-break space before «%»; the report texts use a plain one.
  return percentFormat.format(fraction).replace(/\s%$/, ' %');
}

/** 12345.5 → «12 345,5» (Russian grouping with a no-break space). */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** '2024-08-31' → «31.08.2024». The date is not parsed into a Date, so no time zone can shift it. */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  return `${day}.${month}.${year}`;
}
