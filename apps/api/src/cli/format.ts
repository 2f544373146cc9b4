import {
  SHEET_NAMES,
  describeTarget,
  formatPercent,
  indicatorById,
  type AreaGapView,
  type DemandView,
  type IndicatorValueView,
} from '@profmonitor/domain';
import type { ImportResult, PlacedIssue } from '../reports/import/import-result';

const OUTCOME = {
  accepted: 'принят',
  partial: 'принят частично',
  rejected: 'отклонён',
  duplicate: 'уже загружен, без изменений',
};

const place = (sheet: string, issue: PlacedIssue) =>
  [sheet, issue.row ? `строка ${issue.row}` : null, issue.column ? `«${issue.column}»` : null]
    .filter(Boolean)
    .join(', ');

/** The import result as a person reads it in a terminal. */
export function formatImportResult(result: ImportResult): string {
  const whose = [result.organization, result.territory, result.period].filter(Boolean).join(', ');
  const lines = [
    `${result.accepted ? '✓' : '✗'} ${result.file}: ${OUTCOME[result.outcome]}${whose ? ` (${whose})` : ''}`,
  ];
  for (const { message } of result.errors) lines.push(`  ошибка: ${message}`);
  for (const { message } of result.warnings) lines.push(`  предупреждение: ${message}`);
  for (const sheet of result.sheets) {
    lines.push(`  лист «${sheet.sheet}»: ${sheet.accepted ? `принят, строк: ${sheet.rows}` : 'отклонён'}`);
    for (const issue of sheet.errors)
      lines.push(`    ошибка (${place(sheet.sheet, issue)}): ${issue.message}`);
    for (const issue of sheet.warnings)
      lines.push(`    предупреждение (${place(sheet.sheet, issue)}): ${issue.message}`);
  }
  return lines.join('\n');
}

/** The CLI's JSON element of a value: numerator and denominator absent for the mismatch index, sheet only for completeness. */
export function indicatorJson(v: IndicatorValueView) {
  return {
    id: v.id,
    org: v.org,
    municipality: v.municipality,
    period: v.period,
    ...(v.sheet ? { sheet: v.sheet } : {}),
    value: v.value,
    ...(v.id === 'demand_mismatch' ? {} : { numerator: v.numerator, denominator: v.denominator }),
    target: v.target,
    status: v.status,
  };
}

/** Values as a table for the terminal: the pooled levels first (the region, each municipality), then each organization. */
export function formatIndicators(values: IndicatorValueView[]): string {
  const show = (v: IndicatorValueView) =>
    v.id === 'demand_mismatch'
      ? v.value === null
        ? 'нет данных'
        : v.value.toFixed(3).replace('.', ',')
      : formatPercent(v.value);
  const lines: string[] = [];
  const owner = (v: IndicatorValueView) =>
    v.org ?? (v.municipality === null ? 'Регион' : `Муниципалитет «${v.municipality}»`);
  for (const heading of [...new Set(values.map(owner))]) {
    lines.push(heading);
    for (const v of values.filter((x) => owner(x) === heading)) {
      const name = `${indicatorById(v.id)?.name ?? v.id}${v.sheet ? ` — лист «${SHEET_NAMES[v.sheet]}»` : ''}`;
      const ratio =
        v.numerator !== null && v.id !== 'demand_mismatch' ? ` (${v.numerator}/${v.denominator})` : '';
      lines.push(
        `  ${show(v).padStart(10)}${ratio.padEnd(14)} цель ${describeTarget(v.target).padEnd(10)} ${v.status ?? ''}  ${name}`,
      );
    }
  }
  return lines.join('\n');
}

/** The CLI's JSON of `demand`: the shape the issue names, nothing more. */
export function demandJson(view: DemandView) {
  return {
    period: view.period,
    territory: view.territory,
    municipality: view.municipality,
    date: view.date,
    mismatch: view.mismatch,
    areas: view.areas.map(
      ({ area, name, graduates, vacancies, graduatesShare, vacanciesShare, gap, inDemand }) => ({
        area,
        name,
        graduates,
        vacancies,
        graduatesShare,
        vacanciesShare,
        gap,
        inDemand,
      }),
    ),
  };
}

const index = (x: number | null) => (x === null ? 'нет данных' : x.toFixed(3).replace('.', ','));
const points = (x: number | null) =>
  x === null
    ? '—'
    : `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x * 100)
        .toFixed(1)
        .replace('.', ',')} п. п.`;

/** The demand table for the terminal: the index, then an area per line, the largest gap first. */
export function formatDemand(view: DemandView): string {
  const source = view.date
    ? `вакансии: ${view.territory}, на ${view.date.split('-').reverse().join('.')}`
    : view.territory
      ? `вакансий (${view.territory}) за этот год нет`
      : 'вакансий за этот год нет';
  const area = (a: AreaGapView) => `${a.area} «${a.name}»`;
  const lines = [
    `${view.period}${view.org ? `, ${view.org}` : ''}, ${view.municipality ?? 'регион'} — ${source}`,
    `Индекс несоответствия: ${index(view.mismatch)}; выпускников: ${view.graduates}, вакансий: ${view.vacancies ?? 'нет данных'}`,
    `Остаются в городе: ${formatPercent(view.stayLocal.value)}${view.stayLocal.denominator ? ` (${view.stayLocal.numerator} из ${view.stayLocal.denominator})` : ''}`,
    ...(view.surplus
      ? [
          `Больше всего выпускников сверх потребности: ${area(view.surplus)}, ${formatPercent(view.surplus.graduatesShare)} выпускников против ${formatPercent(view.surplus.vacanciesShare)} вакансий.`,
        ]
      : []),
    ...(view.deficit
      ? [
          `Больше всего не хватает выпускников: ${area(view.deficit)}, ${formatPercent(view.deficit.vacanciesShare)} вакансий против ${formatPercent(view.deficit.graduatesShare)} выпускников.`,
        ]
      : []),
    '',
    `${'Область'.padEnd(28)} ${'Выпускн.'.padStart(8)} ${'Вакансий'.padStart(8)} ${'Доля вып.'.padStart(9)} ${'Доля вак.'.padStart(9)} ${'Разрыв'.padStart(12)}  Востреб.`,
  ];
  for (const a of view.areas) {
    lines.push(
      [
        `${a.area} ${a.name}`.slice(0, 28).padEnd(28),
        String(a.graduates).padStart(8),
        String(a.vacancies ?? '—').padStart(8),
        formatPercent(a.graduatesShare).padStart(9),
        formatPercent(a.vacanciesShare).padStart(9),
        points(a.gap).padStart(12),
        ` ${a.inDemand ? 'да' : ''}`,
      ].join(' '),
    );
  }
  return lines.join('\n');
}
