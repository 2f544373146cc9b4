import {
  plural,
  REPORT_STATES,
  SHEET_APPLIES_TO,
  type CampaignChangeView,
  type CampaignView,
  type PeriodView,
  type ReportEventView,
  type ReportSheetView,
  type ReportState,
  type ReportStatusView,
  type SessionUserView,
  type SheetId,
} from '@profmonitor/domain';
import type { Column } from '@/components/table/columns';
import { daysLeftText } from '@/lib/campaign';
import { formatDate } from '@/lib/format';
import { severalMunicipalities } from '@/lib/levels';

// The committee's campaign page as pure functions of the API's answers: what a row says, which
// rows a filter keeps, which reports the bulk action takes, the day counts. The components only
// lay these out.

/** «5 дн.»: the short form the committee reads in tables. */
const days = (count: number) => `${count} дн.`;

/**
 * The days left as the campaign page says them: «осталось 5 дн.», «сегодня последний день», and
 * past the deadline how long ago: «срок прошёл 3 дн. назад».
 */
export const daysText = (daysLeft: number): string =>
  daysLeft < 0 ? `срок прошёл ${days(-daysLeft)} назад` : daysLeftText(daysLeft);

/**
 * The grid's short words for on time or late (lib/campaign's sentences are for a school's page):
 * «Вовремя», «Опоздание 3 дн.», or null while neither can be said (no campaign, not due yet). */
export function timelinessText(report: Pick<ReportStatusView, 'onTime' | 'late'>): string | null {
  if (report.onTime) return 'Вовремя';
  if (report.late !== null) return `Опоздание ${days(report.late)}`;
  return null;
}

/** How late, as the column sorts it: 0 on time, the days late, blank otherwise. */
export const lateDays = (report: Pick<ReportStatusView, 'onTime' | 'late'>): number | null =>
  report.onTime ? 0 : report.late;

/** What the state filter offers: a state, every report, or the question «кто не сдал и кто опоздал?». */
export type StateFilter = ReportState | 'all' | 'unsent-or-late';

export interface ReportFilter {
  state: StateFilter;
  /** An organization type (Школа, Колледж); '' for every type. */
  type: string;
  /** Only the reports late (completed after the deadline, or still missing after it). */
  lateOnly: boolean;
}

export const NO_FILTER: ReportFilter = { state: 'all', type: '', lateOnly: false };

/** Whether a filter leaves any report out. */
export const isFiltered = (filter: ReportFilter): boolean =>
  filter.state !== NO_FILTER.state ||
  filter.type !== NO_FILTER.type ||
  filter.lateOnly !== NO_FILTER.lateOnly;

/** The filter that answers «кто ещё не сдал и кто опоздал?». */
export const UNSENT_OR_LATE: ReportFilter = { ...NO_FILTER, state: 'unsent-or-late' };

const isLate = (report: ReportStatusView) => report.late !== null;

function matchesState(report: ReportStatusView, state: StateFilter): boolean {
  if (state === 'all') return true;
  if (state === 'unsent-or-late') return report.state === 'не сдан' || isLate(report);
  return report.state === state;
}

/** The reports a filter keeps, in their given order. */
export function filterReports(
  reports: readonly ReportStatusView[],
  filter: ReportFilter,
): ReportStatusView[] {
  return reports.filter(
    (report) =>
      matchesState(report, filter.state) &&
      (filter.type === '' || report.type === filter.type) &&
      (!filter.lateOnly || isLate(report)),
  );
}

/** How many reports are in each state (every state present, zeros too). */
export function countByState(reports: readonly ReportStatusView[]): Record<ReportState, number> {
  const counts = Object.fromEntries(REPORT_STATES.map((state) => [state, 0])) as Record<ReportState, number>;
  for (const report of reports) counts[report.state] += 1;
  return counts;
}

/** The organization types among the reports, in Russian order. */
export const typesOf = (reports: readonly ReportStatusView[]): string[] =>
  [...new Set(reports.map((report) => report.type))].sort((a, b) => a.localeCompare(b, 'ru'));

/** The reports «Принять все сданные без предупреждений» takes: `сдан`, no warning on the last upload. */
export const bulkEligible = (reports: readonly ReportStatusView[]): ReportStatusView[] =>
  reports.filter((report) => report.state === 'сдан' && (report.lastUpload?.warnings.length ?? 0) === 0);

/** Only a complete report waiting for the committee can be accepted. */
export const canAccept = (report: Pick<ReportStatusView, 'state'>): boolean => report.state === 'сдан';

/** A report sent (whole or in part) or accepted can be returned with a comment. */
export const canReturn = (report: Pick<ReportStatusView, 'state'>): boolean =>
  report.state === 'сдан' || report.state === 'сдан частично' || report.state === 'принят';

/** The sheet columns of the grid: every sheet some report requires, in workbook order, with its name. */
export function sheetColumnsOf(reports: readonly ReportStatusView[]): { sheet: SheetId; name: string }[] {
  const names = new Map<SheetId, string>();
  for (const report of reports) for (const sheet of report.sheets) names.set(sheet.sheet, sheet.name);
  return (Object.keys(SHEET_APPLIES_TO) as SheetId[])
    .filter((sheet) => names.has(sheet))
    .map((sheet) => ({ sheet, name: names.get(sheet)! }));
}

/** A report's sheet; undefined when the sheet is not required of its organization (a college's Охват). */
export const sheetOf = (report: ReportStatusView, sheet: SheetId): ReportSheetView | undefined =>
  report.sheets.find((s) => s.sheet === sheet);

const dayFormat = new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric' });

/** The calendar day of a moment in the browser's time zone (the committee's): «31.08.2024». */
export function formatDay(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dayFormat.format(date);
}

const MUNICIPALITY_COLUMN: Column<ReportStatusView> = {
  id: 'municipality',
  header: 'Муниципалитет',
  kind: 'text',
  value: (r) => r.municipality,
};

/**
 * The grid's columns as they sort, filter and export (the page adds how each cell looks). Texts
 * a search finds: the name, type and state; the code is found through the table's search text.
 */
export function reportColumns(
  sheets: readonly { sheet: SheetId; name: string }[],
  { municipality = false }: { municipality?: boolean } = {},
): Column<ReportStatusView>[] {
  return [
    { id: 'name', header: 'Организация', kind: 'text', rowHeader: true, value: (r) => r.name },
    { id: 'code', header: 'Код', kind: 'text', value: (r) => r.org },
    { id: 'type', header: 'Тип', kind: 'text', value: (r) => r.type },
    ...(municipality ? [MUNICIPALITY_COLUMN] : []),
    { id: 'state', header: 'Состояние', kind: 'text', value: (r) => r.state },
    { id: 'timeliness', header: 'Срок', kind: 'number', value: lateDays },
    ...sheets.map(({ sheet, name }): Column<ReportStatusView> => ({
      id: `sheet-${sheet}`,
      header: name,
      kind: 'date',
      value: (r) => sheetOf(r, sheet)?.uploadedAt ?? null,
    })),
    {
      id: 'lastUpload',
      header: 'Последняя загрузка',
      kind: 'date',
      value: (r) => r.lastUpload?.uploadedAt ?? null,
    },
    {
      id: 'warnings',
      header: 'Предупреждений',
      kind: 'number',
      value: (r) => (r.lastUpload ? r.lastUpload.warnings.length : null),
    },
    { id: 'comment', header: 'Комментарий комитета', kind: 'text', value: (r) => r.review?.comment ?? null },
  ];
}

/**
 * The files' columns: those of the grid, with the timeliness in words beside its days and the
 * last upload's file named.
 */
export function reportExportColumns(
  columns: readonly Column<ReportStatusView>[],
): Column<ReportStatusView>[] {
  return columns.flatMap((column): Column<ReportStatusView>[] => {
    if (column.id === 'timeliness')
      return [
        { id: 'timelinessText', header: 'Вовремя / опоздание', kind: 'text', value: timelinessText },
        { id: 'lateDays', header: 'Дней опоздания', kind: 'number', value: (r) => r.late },
      ];
    if (column.id === 'lastUpload')
      return [
        column,
        { id: 'file', header: 'Файл', kind: 'text', value: (r) => r.lastUpload?.fileName ?? null },
      ];
    return [column];
  });
}

/**
 * The period the page opens on when the address names none: the newest with an open campaign,
 * else the newest there is. Campaigns come newest first, periods oldest first.
 */
export function defaultPeriod(
  periods: readonly PeriodView[],
  campaigns: readonly Pick<CampaignView, 'period' | 'open'>[],
): string | null {
  const known = new Set(periods.map((p) => p.code));
  return campaigns.find((c) => c.open && known.has(c.period))?.period ?? periods.at(-1)?.code ?? null;
}

/**
 * Who opens, moves and closes a campaign: the ministry, and a committee alone in the registry
 * (with several municipalities only the region does; a bound committee reviews its reports).
 */
export const managesCampaign = (user: Pick<SessionUserView, 'role' | 'municipalityCount'>): boolean =>
  user.role === 'region' || (user.role === 'committee' && !severalMunicipalities(user));

/** A line of the deadline history: «Срок перенесён с 31.05.2025 на 07.06.2025». */
export function changeText(
  change: Pick<CampaignChangeView, 'action' | 'deadline' | 'previousDeadline'>,
): string {
  switch (change.action) {
    case 'open':
      return `Сбор объявлен, срок ${formatDate(change.deadline)}`;
    case 'deadline':
      return change.previousDeadline
        ? `Срок перенесён с ${formatDate(change.previousDeadline)} на ${formatDate(change.deadline)}`
        : `Срок перенесён на ${formatDate(change.deadline)}`;
    case 'close':
      return 'Сбор закрыт';
    case 'reopen':
      return 'Сбор возобновлён';
  }
}

const EVENT_KINDS: Record<ReportEventView['kind'], string> = {
  upload: 'Загрузка',
  accepted: 'Принят комитетом',
  returned: 'Возвращён на доработку',
};

/** What happened to a report, in a word: «Загрузка», «Принят комитетом». */
export const eventText = (kind: ReportEventView['kind']): string => EVENT_KINDS[kind] ?? kind;

/** «3 организации», «1 организация». */
export const organizationsCount = (count: number): string =>
  `${count} ${plural(count, 'организация', 'организации', 'организаций')}`;
