// docs/indicators.md: the indicator methodology, generated from the table of definitions
// (libs/domain/src/indicators/definitions.ts) with the explanations below; the worked example is
// computed by the same engine the server runs.
import {
  computeIndicators,
  describeTarget,
  formatPercent,
  IN_DEMAND_SHARE,
  INDICATORS,
  periodOf,
  schoolWorkbook,
  OPTIONAL_SHEETS,
  REQUIRED_SHEET_IDS,
  SHEET_APPLIES_TO,
  statusOf,
  type CoverageRow,
  type IndicatorDefinition,
  type IndicatorId,
  type OptionalSheetId,
  type SheetId,
} from '@profmonitor/domain';

/** What each indicator means, in words: the table holds the formulas, not the reasons. */
const EXPLANATIONS: Partial<Record<IndicatorId, string>> = {
  coverage_8_11:
    'Of the students of grades 8 to 11, the share covered by career self-determination programmes. Each `Охват` row of grade 8..11 adds its `Охвачено программами профессионального самоопределения` to the numerator and its `Обучающихся` to the denominator; rows of other grades count for nothing. A school reports every grade it has among 8..11; a grade it does not have is simply absent from both sums.',
  trials_8_11:
    'As `coverage_8_11`, with `Прошли профессиональные пробы` in the numerator: the share of students of grades 8..11 who took part in professional trials.',
  teachers_trained:
    'Every row of `Педагоги` is one teacher in the denominator. A teacher counts in the numerator when the row names a course, with at least 16 hours, that ended within the three years up to the end of the period: after the same day three years earlier (29 February falls back to 28 February) and on or before 31 August of the period.',
  website_section:
    'One organization is one unit: 1 in the denominator when its `Титул` is accepted for the period, 1 in the numerator when that `Титул` says Да for the website section.',
  agreements:
    'One organization is one unit: in the denominator when it has `Партнёры` or `Титул` accepted (an organization that sent only its title page has, as far as we know, no agreements), in the numerator when at least one agreement was in force during the period: signed on or before 31 August of its second year, and `Действует до` empty or on or after 1 September of its first year.',
  conscious_choice:
    'Graduates of grades 9 and 11 (`Класс` 9 or 11; college graduates are not counted) are the denominator; those with `Осознанный выбор` = Да are the numerator.',
  local_spo_in_demand: `Graduates of grades 9 and 11 are the denominator; the numerator counts those who went to a college (\`Направление\` СПО) in the city or the region (\`Территория\` Город or Регион) in an area of professional activity that is in demand in the period. The in-demand areas are the committee's explicit list for the period when one is set; otherwise the areas holding at least ${formatPercent(IN_DEMAND_SHARE)} of all vacancies of the period's labor demand (the latest accepted \`Потребность в кадрах\` workbook dated in the period, territory Город when the period has one, else Регион). With neither a list nor labor demand the indicator has no value («нет данных»), never 0.`,
  employed_in_specialty:
    'College graduates on the labor market: rows with `Класс` СПО and `Направление` Работа or «Не учится и не работает» are the denominator (those who went on studying or to the army are not on the market); of them, those with `Направление` Работа and `По специальности` = Да are the numerator.',
  stay_local:
    'Continuing graduates of any class (`Направление` СПО, ВУЗ or Работа) are the denominator; those with `Территория` Город are the numerator.',
  grade9_to_10:
    'Graduates of grade 9 are the denominator; those whose `Направление` is «10 класс» are the numerator. Informational: it has no target and no status.',
  demand_mismatch: `Not a ratio: the dissimilarity index D = ½ · Σₐ |gₐ/G − vₐ/V| over the areas a of professional activity. gₐ is the number of continuing graduates (any \`Класс\`, \`Направление\` СПО, ВУЗ or Работа) with \`Территория\` Город or Регион whose area is a, G = Σ gₐ; vₐ is the number of vacancies in area a in the period's labor demand (chosen as for \`local_spo_in_demand\`), V = Σ vₐ. D = 0 when the graduates' choices are spread over the areas exactly as the vacancies are, D = 1 when they share no area. No value when G = 0 or V = 0, or without labor demand. An organization's index compares its own graduates with the period's demand; the municipality's pools the gₐ of every organization before dividing. Beside the index, the per-area table (gₐ, vₐ, both shares and their difference, the gap) is what the employment center reads: a positive gap is a surplus of graduates, a negative one a deficit.`,
  profminimum_coverage:
    "Read from the optional `Профминимум` sheet (schools; one row per grade 6..11): Σ `Охвачено профминимумом` over Σ `Обучающихся` of its rows. A school that did not send the sheet has no value — not 0 — and the explanation of the municipality names it among the schools not reporting it; the municipality pools over the schools that sent it. A `Профминимум` with its header and no rows — the template as downloaded — is not stored: it counts as not sent. A college's `Профминимум` is not loaded.",
  profminimum_above_basic:
    'The same denominator as `profminimum_coverage` (Σ `Обучающихся` of every row of `Профминимум`); the numerator sums `Охвачено профминимумом` over the rows with `Уровень` Основной or Продвинутый only: the students taught above the basic level (at least 60 hours a year), which regional ministries now expect.',
  future_ticket:
    'Only the rows where `Участники «Билета в будущее»` is filled count, in both parts: Σ of that column over Σ `Обучающихся` of the same rows. A school that sent `Профминимум` without filling the column contributes 0 / 0 (no value of its own); grades it left empty do not lower its share.',
  timeliness:
    "Measured for the municipality and the region only, and only for a period whose reporting campaign has a deadline (`campaign.md`): of the active reporting organizations, the share whose report was on time — every sheet completeness requires of it had an accepted version received on or before the deadline, judged by the calendar date in the municipality's time zone (the deadline day itself is on time). Only each sheet's first accepted version counts: a later replacement does not make an on-time report late, and a report returned and corrected after the deadline stays on time. An archive imported with `--received-at` counts at the time it was originally received. An organization that has sent nothing, or not every required sheet, by the deadline is not on time. Without a campaign there is no value («нет данных»), never 0. Per organization there is no value: the campaign page and the explanation show whether each report was on time, when it became complete and how many days late it is. Moving the deadline judges every report again.",
  completeness:
    "Measured for the municipality only, one value per sheet of the school workbook: of the active reporting organizations that the sheet applies to (the registry's schools and colleges whose `Действует с`/`Действует по` cover the period), the share with that sheet accepted for the period.",
};

const sheetName = (id: SheetId) =>
  [schoolWorkbook.titleSheet!, ...schoolWorkbook.sheets].find((sheet) => sheet.id === id)!.name;

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function sourceSheets(indicator: IndicatorDefinition): string {
  if (indicator.kind === 'completeness') return 'every sheet of `Отчёт организации`';
  if (indicator.kind === 'timeliness')
    return 'when each required sheet of `Отчёт организации` was first accepted, against the campaign’s deadline';
  return indicator.sheets.map((id) => `\`${sheetName(id)}\``).join(' or ');
}

function appliesTo(indicator: IndicatorDefinition): string {
  if (indicator.kind === 'completeness') return 'the municipality';
  if (indicator.kind === 'timeliness') return 'the municipality and the region, in periods with a deadline';
  return indicator.appliesTo.map((type) => (type === 'Школа' ? 'schools' : 'colleges')).join(' and ');
}

function rowsCounted(indicator: IndicatorDefinition): string {
  if (indicator.kind === 'ratio' && indicator.rows && indicator.rows.sheet !== 'title') {
    return `row by row over \`${sheetName(indicator.rows.sheet)}\`: each row adds its share to the numerator and the denominator (the rows behind a value can be listed)`;
  }
  if (indicator.kind === 'ratio') return 'one unit per organization';
  if (indicator.kind === 'mismatch') return 'graduates by area against vacancies by area';
  if (indicator.kind === 'timeliness') return 'organizations, one report each';
  return 'organizations, per sheet';
}

function indicatorSection(indicator: IndicatorDefinition): string {
  const facts = [
    ['Name in the app', indicator.name],
    ['Numerator', indicator.numeratorText],
    ['Denominator', indicator.denominatorText],
    ['Source sheets', sourceSheets(indicator)],
    ['Measured for', appliesTo(indicator)],
    ['Counted', rowsCounted(indicator)],
    ['Default target', describeTarget(indicator.defaultTarget)],
    ['Origin', indicator.source],
  ];
  return [
    `### \`${indicator.id}\``,
    EXPLANATIONS[indicator.id] ?? `${indicator.numeratorText} / ${indicator.denominatorText}.`,
    ['| | |', '| --- | --- |', ...facts.map(([k, v]) => `| ${k} | ${cell(v)} |`)].join('\n'),
  ].join('\n\n');
}

/** The worked example, computed by the engine: the pooled value is not the mean of the percentages. */
function workedExample(): string {
  const grade = (grade: number, students: number, covered: number, trials: number): CoverageRow => ({
    grade,
    students,
    covered,
    trials,
    diagnostics: null,
    excursions: null,
  });
  const a = [grade(8, 50, 40, 10), grade(9, 50, 45, 20), grade(10, 25, 20, 15), grade(11, 25, 25, 25)];
  const b = [grade(8, 50, 30, 5), grade(9, 50, 30, 5)];
  const values = computeIndicators({
    period: periodOf(2023),
    organizations: [
      { code: 'A', type: 'Школа', sheets: { coverage: a } },
      { code: 'B', type: 'Школа', sheets: { coverage: b } },
    ],
    demand: null,
    inDemand: null,
  });
  const value = (id: IndicatorId, org: string | null) =>
    values.find((v) => v.indicator === id && v.organization === org)!;
  const show = (id: IndicatorId, org: string | null) => {
    const v = value(id, org);
    return `${v.numerator}/${v.denominator} = ${v.value!.toFixed(4)} (${formatPercent(v.value)})`;
  };
  const mean = (value('coverage_8_11', 'A').value! + value('coverage_8_11', 'B').value!) / 2;
  const target = INDICATORS.find((i) => i.id === 'coverage_8_11')!.defaultTarget;
  const rows = (rows: CoverageRow[]) =>
    rows
      .map((r) => `grade ${r.grade}: ${r.students} students, ${r.covered} covered, ${r.trials} trials`)
      .join('; ');
  return [
    '## Worked example',
    'Computed by the engine itself when this page is generated, for the period 2023/2024.',
    `- School A, \`Охват\`: ${rows(a)}. \`coverage_8_11\` = ${show('coverage_8_11', 'A')}; \`trials_8_11\` = ${show('trials_8_11', 'A')}.`,
    `- School B has grades 8 and 9 only: ${rows(b)}. \`coverage_8_11\` = ${show('coverage_8_11', 'B')}.`,
    `- The municipality: \`coverage_8_11\` = ${show('coverage_8_11', null)}, against the target ${describeTarget(target)}: «${statusOf(value('coverage_8_11', null).value, target, null)}». The mean of the two schools' percentages, ${mean.toFixed(4)} (${formatPercent(mean)}), tells another story and is not used: the larger school weighs more, as its students do.`,
  ].join('\n\n');
}

/** docs/indicators.md. */
export function indicatorsReference(): string {
  const whom = (types: readonly string[]) =>
    types.map((t) => (t === 'Школа' ? 'schools' : 'colleges')).join(' and ');
  const applies = REQUIRED_SHEET_IDS.map((id) => `\`${sheetName(id)}\` — ${whom(SHEET_APPLIES_TO[id])}`).join(
    '; ',
  );
  const optional = (Object.keys(OPTIONAL_SHEETS) as OptionalSheetId[])
    .map((id) => `\`${sheetName(id)}\` (${whom(OPTIONAL_SHEETS[id])})`)
    .join(', ');
  return `${[
    '# Indicators: the methodology',
    '<!-- Generated from libs/domain/src/indicators/definitions.ts and scripts/docs/indicators-reference.ts by `npm run docs`. Do not edit by hand. -->',
    'Each indicator is a ratio `numerator / denominator` (one, the mismatch index, is a distance between two distributions) computed from the accepted workbooks of one organization for one academic year (the period: 1 September to 31 August), and for the municipality. Two people computing a value by hand from the same workbooks must get the same number; every value therefore comes with its numerator, its denominator, the organizations that contributed and, for ratios summed over rows, the rows behind it (`GET /api/indicators/:id/explanation`, `…/rows`).',
    '## Rules for every indicator',
    [
      '- **A value** is a fraction 0..1, stored and answered by the API unrounded; the app shows a percentage with one decimal and a decimal comma (`78,4 %`).',
      '- **No data is not zero.** A denominator of 0, or an organization without the source sheet, gives no value (`null`, shown as «нет данных»), never 0.',
      '- **Current versions only.** An organization contributes the current accepted version of each sheet for the period; a rejected sheet contributes nothing, and a later version replaces the earlier one.',
      "- **Levels: organization → municipality → region.** Each reporting organization (a school or a college of the registry, active in the period) has its own values. A municipality's value (the registry's `Муниципалитет`) is **pooled**: the sum of its organizations' numerators over the sum of their denominators, over the organizations that have the source sheet accepted for the period; never the mean of their percentages (see the worked example). The region's value is pooled the same way over every organization of the database — never the mean of the municipalities. With one municipality in the registry the region is that municipality and is not shown twice: the only pooled value carries the municipality's name. In the API and the CLI a value is `{org, municipality}`: an organization's has its code and its municipality, a municipality's `org: null` and its name, the region's `org: null, municipality: null`. Each organization is measured against its own municipality's labor demand and in-demand areas (see below); the region pools those numerators.",
      "- **Targets per level.** A municipality's committee sets its municipality's targets; the region sets the region's, which a municipality without its own follows; an organization's status uses its municipality's target.",
      `- **Which sheets apply to whom**: ${applies}. An organization is measured only on the indicators that apply to its type. Optional: ${optional} — it counts in neither completeness nor timeliness; an organization that did not send it has no value for its indicators (not 0, and the explanation names it as not reporting), and the municipality pools over the organizations that sent it.`,
      "- **Precomputed.** An accepted school workbook recomputes its organization from its rows and moves its municipality's and the region's pooled values by its difference within the import's transaction; a labor-demand workbook or a change of the in-demand areas recomputes its period; opening a reporting campaign, moving its deadline or closing it pools its period's levels again (timeliness). Pages only read stored values.",
    ].join('\n'),
    '## Targets and status',
    [
      'Each indicator has a target, set per period by the committee (the defaults below apply until then; earlier targets are kept):',
      '',
      '- `≥ X`: met (достигнуто) when the value is at least X.',
      "- `рост` (growth): met when the value is greater than the previous period's value of the same organization (or of the municipality); no status («нет данных») when that value is missing.",
      "- `снижение` (decrease): met when the value is less than the previous period's value.",
      '- `—`: informational, no status.',
      '',
      'The status is one of «достигнуто», «не достигнуто», «нет данных»; none for informational indicators.',
    ].join('\n'),
    '## The indicators',
    'In the tables, "graduates of 9 and 11" are rows of `Выпускники` with `Класс` 9 or 11, and "continuing" means `Направление` СПО, ВУЗ or Работа.',
    INDICATORS.map(indicatorSection).join('\n\n'),
    workedExample(),
  ].join('\n\n')}\n`;
}
