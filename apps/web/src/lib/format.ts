// Percentages come from '@profmonitor/domain' (formatPercent) and numbers from the chart library,
// so that the API's exports and report print them alike; the date formats live here.
export { formatIndex, formatNumber, formatSigned } from '@profmonitor/charts';

const dateTimeFormat = new Intl.DateTimeFormat('ru-RU', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

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
