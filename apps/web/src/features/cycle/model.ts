import {
  INDICATORS,
  indicatorById,
  type CycleAddresseeView,
  type CycleAnalysisView,
  type CycleDecisionView,
  type CycleEffectivenessView,
  type CycleGroupMoveView,
  type CycleMeasureView,
  type CycleRecommendationView,
  type IndicatorId,
  type IndicatorValueView,
  type OrganizationView,
  type Status,
  type Target,
} from '@profmonitor/domain';
import type { Column } from '@/components/table/columns';
import { answerState, ANSWER_STATE_TEXT, type AnswerState } from '@/lib/cycle';
import { formatDate } from '@/lib/format';
import {
  formatChange,
  formatValue,
  pooledCompleteness,
  scaleOf,
  statusLabel,
  type Scale,
} from '@/lib/indicators';

// The committee's management cycle page as pure functions of the API's answers: the rows and
// columns of its tables, the effectiveness in numbers and words. The components only lay these out.

/** An indicator's name, or its id when the definitions do not know it. */
export const indicatorName = (id: string): string => indicatorById(id)?.name ?? id;

/** One indicator of the level in the period: its value and status as the overview shows them, and the analysis. */
export interface IndicatorRow {
  id: IndicatorId;
  name: string;
  scale: Scale;
  value: number | null;
  target: Target;
  status: Status | null;
  analysis: CycleAnalysisView | null;
}

/**
 * Every indicator in the order of the definitions, from the level's pooled values of the period
 * (completeness, given per sheet, pooled into one value as the overview pools it).
 */
export function indicatorRows(
  values: readonly IndicatorValueView[],
  analyses: readonly CycleAnalysisView[],
  period: string,
): IndicatorRow[] {
  const pooled = values.filter((v) => v.org === null && v.period === period);
  return INDICATORS.map((definition): IndicatorRow => {
    const own = pooled.filter((v) => v.id === definition.id);
    const figure =
      definition.kind === 'completeness'
        ? pooledCompleteness(own)
        : (own[0] ?? {
            value: null,
            target: definition.defaultTarget,
            status: definition.defaultTarget.kind === 'none' ? null : ('нет данных' as const),
          });
    return {
      id: definition.id,
      name: definition.name,
      scale: scaleOf(definition.id),
      value: figure.value,
      target: figure.target,
      status: figure.status,
      analysis: analyses.find((a) => a.indicator === definition.id) ?? null,
    };
  });
}

export const indicatorColumns: Column<IndicatorRow>[] = [
  { id: 'name', header: 'Показатель', kind: 'text', rowHeader: true, value: (r) => r.name },
  {
    id: 'value',
    header: 'Значение',
    // The mismatch index is no share: it sorts as a number and prints as «0,51».
    kind: 'number',
    value: (r) => r.value,
    render: (r) => formatValue(r.value, r.scale),
  },
  { id: 'status', header: 'Статус', kind: 'text', value: (r) => statusLabel(r.status) },
  { id: 'analysis', header: 'Анализ комитета', kind: 'text', value: (r) => r.analysis?.text ?? null },
];

/** What the files hold: the value as the page prints it beside the number. */
export const indicatorExportColumns: Column<IndicatorRow>[] = [
  ...indicatorColumns.slice(0, 2),
  {
    id: 'valueText',
    header: 'Значение (как на странице)',
    kind: 'text',
    value: (r) => formatValue(r.value, r.scale),
  },
  ...indicatorColumns.slice(2),
  // Not on the page, whose table fits a tablet: the analysis's versions say when.
  { id: 'writtenAt', header: 'Анализ записан', kind: 'date', value: (r) => r.analysis?.writtenAt ?? null },
];

/** One addressee of a recommendation: the list's row, so that each organization's answer sorts and exports. */
export interface AddresseeRow {
  key: string;
  recommendation: CycleRecommendationView;
  addressee: CycleAddresseeView;
  state: AnswerState;
}

/** A row per recommendation and addressee, newest recommendation first (the API's order). */
export const addresseeRows = (
  recommendations: readonly CycleRecommendationView[],
  today: string,
): AddresseeRow[] =>
  recommendations.flatMap((recommendation) =>
    recommendation.addressees.map((addressee) => ({
      key: `${recommendation.id}:${addressee.org}`,
      recommendation,
      addressee,
      state: answerState(addressee, recommendation.due, today),
    })),
  );

export const addresseeColumns: Column<AddresseeRow>[] = [
  { id: 'org', header: 'Организация', kind: 'text', rowHeader: true, value: (r) => r.addressee.name },
  {
    id: 'indicator',
    header: 'Показатель',
    kind: 'text',
    value: (r) => indicatorName(r.recommendation.indicator),
  },
  { id: 'text', header: 'Рекомендация', kind: 'text', value: (r) => r.recommendation.text },
  { id: 'due', header: 'Срок', kind: 'date', value: (r) => r.recommendation.due },
  { id: 'state', header: 'Состояние', kind: 'text', value: (r) => ANSWER_STATE_TEXT[r.state] },
  { id: 'answer', header: 'Ответ организации', kind: 'text', value: (r) => r.addressee.answer?.text ?? null },
  {
    id: 'answeredAt',
    header: 'Ответ получен',
    kind: 'date',
    value: (r) => r.addressee.answer?.answeredAt ?? null,
  },
];

/** «01.03.2025» or «01.03.2025 — 15.03.2025». */
export const measureDates = (measure: Pick<CycleMeasureView, 'from' | 'until'>): string =>
  measure.until === null || measure.until === measure.from
    ? formatDate(measure.from)
    : `${formatDate(measure.from)} — ${formatDate(measure.until)}`;

export const measureColumns = (names: ReadonlyMap<string, string>): Column<CycleMeasureView>[] => [
  { id: 'text', header: 'Мероприятие', kind: 'text', rowHeader: true, value: (m) => m.text },
  { id: 'from', header: 'Когда', kind: 'date', value: (m) => m.from, render: measureDates },
  { id: 'responsible', header: 'Ответственный', kind: 'text', value: (m) => m.responsible },
  {
    id: 'orgs',
    header: 'Для организаций',
    kind: 'text',
    value: (m) => m.orgs.map((code) => names.get(code) ?? code).join(', '),
  },
];

export const decisionColumns: Column<CycleDecisionView>[] = [
  { id: 'text', header: 'Решение', kind: 'text', rowHeader: true, value: (d) => d.text },
  { id: 'date', header: 'Дата', kind: 'date', value: (d) => d.date },
  { id: 'basis', header: 'Основание', kind: 'text', value: (d) => d.basis },
  { id: 'createdBy', header: 'Записал', kind: 'text', value: (d) => d.createdBy },
];

/** The recommendations whose effectiveness can be looked at: those of a period before the one shown. */
export const earlierRecommendations = (
  recommendations: readonly CycleRecommendationView[],
  periods: readonly string[],
  period: string,
): CycleRecommendationView[] => {
  const index = periods.indexOf(period);
  return recommendations.filter((r) => {
    const at = periods.indexOf(r.period);
    return at !== -1 && (index === -1 || at < index);
  });
};

/** One group of the effectiveness table. */
export interface EffectivenessRow {
  group: string;
  organizations: number;
  before: number | null;
  after: number | null;
  change: number | null;
}

const ADDRESSED = 'Получившие рекомендацию';
const OTHERS = 'Остальные организации';

export function effectivenessRows(view: CycleEffectivenessView): EffectivenessRow[] {
  const row = (group: string, move: CycleGroupMoveView): EffectivenessRow => ({
    group,
    organizations: move.before.organizations,
    before: move.before.value,
    after: move.after?.value ?? null,
    change: move.change,
  });
  return [row(ADDRESSED, view.addressed), row(OTHERS, view.others)];
}

export function effectivenessColumns(view: CycleEffectivenessView): Column<EffectivenessRow>[] {
  const scale = scaleOf(view.indicator as IndicatorId);
  // Shares as percentages; the index (no share) as a number the page prints with two decimals.
  const kind = scale === 'percent' ? 'percent' : 'number';
  const shown = (value: number | null) => formatValue(value, scale);
  return [
    { id: 'group', header: 'Организации', kind: 'text', rowHeader: true, value: (r) => r.group },
    { id: 'organizations', header: 'Сколько', kind: 'number', value: (r) => r.organizations },
    { id: 'before', header: view.period, kind, value: (r) => r.before, render: (r) => shown(r.before) },
    {
      id: 'after',
      header: view.nextPeriod ?? 'следующий период',
      kind,
      value: (r) => r.after,
      render: (r) => shown(r.after),
    },
    {
      id: 'change',
      header: scale === 'percent' ? 'Изменение, п.п.' : 'Изменение',
      kind: 'number',
      // Percentage points as printed (6.2), so that the files hold the page's numbers.
      value: (r) =>
        r.change === null ? null : scale === 'percent' ? Math.round(r.change * 1000) / 10 : r.change,
      render: (r) => formatChange(r.change, scale) ?? 'нет данных',
    },
  ];
}

/** The effectiveness in one line, as the analytic report says it (libs/domain reports-text). */
export { effectivenessHeadline } from '@profmonitor/domain';

/** Whether an organization reports in a period (its first and last periods included; null: open). */
export const activeIn = (
  organization: Pick<OrganizationView, 'activeFrom' | 'activeTo'>,
  period: string,
): boolean =>
  (organization.activeFrom === null || organization.activeFrom <= period) &&
  (organization.activeTo === null || organization.activeTo >= period);

/** One earlier recommendation in the effectiveness summary: its numbers once the API has given them. */
export interface EffectivenessSummaryRow {
  recommendation: CycleRecommendationView;
  view: CycleEffectivenessView | null;
  /** The API's answer failed: the detail below says why. */
  failed: boolean;
}

/** A change as the summary sorts and exports it: п.п. as printed (6.2) for shares, the index's as is. */
function shownChange(view: CycleEffectivenessView | null, group: 'addressed' | 'others'): number | null {
  const change = view?.[group].change ?? null;
  if (change === null) return null;
  return scaleOf(view!.indicator as IndicatorId) === 'percent' ? Math.round(change * 1000) / 10 : change;
}

const changeText = ({ view, failed }: EffectivenessSummaryRow, group: 'addressed' | 'others'): string =>
  view === null
    ? failed
      ? 'не получено'
      : '…'
    : (formatChange(view[group].change, scaleOf(view.indicator as IndicatorId)) ?? 'нет данных');

/** Every earlier recommendation at once: how its addressees moved against the others. */
export const effectivenessSummaryColumns: Column<EffectivenessSummaryRow>[] = [
  {
    id: 'text',
    header: 'Рекомендация',
    kind: 'text',
    rowHeader: true,
    value: (r) => r.recommendation.text,
  },
  { id: 'period', header: 'Период', kind: 'text', value: (r) => r.recommendation.period },
  {
    id: 'indicator',
    header: 'Показатель',
    kind: 'text',
    value: (r) => indicatorName(r.recommendation.indicator),
  },
  {
    id: 'addressed',
    header: 'Адресатам, изменение',
    kind: 'number',
    value: (r) => shownChange(r.view, 'addressed'),
    render: (r) => changeText(r, 'addressed'),
  },
  {
    id: 'others',
    header: 'Остальным, изменение',
    kind: 'number',
    value: (r) => shownChange(r.view, 'others'),
    render: (r) => changeText(r, 'others'),
  },
];
