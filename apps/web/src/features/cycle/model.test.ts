import { describe, expect, it } from 'vitest';
import { INDICATORS } from '@profmonitor/domain';
import { answerState, todayIso } from '@/lib/cycle';
import { valueView } from '@/test/fixtures';
import { effectivenessChartLabel, effectivenessChartOption } from './charts/effectiveness-chart';
import {
  activeIn,
  addresseeColumns,
  addresseeRows,
  earlierRecommendations,
  effectivenessColumns,
  effectivenessHeadline,
  effectivenessRows,
  effectivenessSummaryColumns,
  indicatorColumns,
  indicatorExportColumns,
  indicatorRows,
  measureDates,
} from './model';
import { ANALYSIS, EARLIER, EFFECTIVENESS, PERIOD, RECOMMENDATION } from './test-data';

describe('indicatorRows', () => {
  const values = [
    valueView({ value: 0.784, numerator: 784, denominator: 1000, status: 'не достигнуто' }),
    valueView({ org: 'SCH01', value: 0.9 }),
    valueView({ period: EARLIER, value: 0.5 }),
    valueView({
      id: 'completeness',
      sheet: 'coverage',
      numerator: 7,
      denominator: 8,
      value: 7 / 8,
      status: 'достигнуто',
    }),
    valueView({
      id: 'completeness',
      sheet: 'teachers',
      numerator: 5,
      denominator: 8,
      value: 5 / 8,
      status: 'не достигнуто',
    }),
  ];
  const rows = indicatorRows(values, [ANALYSIS], PERIOD);

  it('gives every indicator in the definitions’ order, the level’s value of the period only', () => {
    expect(rows.map((r) => r.id)).toEqual(INDICATORS.map((d) => d.id));
    const coverage = rows.find((r) => r.id === 'coverage_8_11')!;
    expect(coverage).toMatchObject({ value: 0.784, status: 'не достигнуто', analysis: ANALYSIS });
  });

  it('pools completeness over its sheets as the overview does, a miss on any sheet a miss', () => {
    expect(rows.find((r) => r.id === 'completeness')).toMatchObject({
      value: 12 / 16,
      status: 'не достигнуто',
    });
  });

  it('says «нет данных» where nothing is known, «справочно» for an indicator without a target', () => {
    const none = indicatorRows([], [], PERIOD);
    const value = indicatorColumns.find((c) => c.id === 'value')!;
    const status = indicatorColumns.find((c) => c.id === 'status')!;
    const withTarget = none.find((r) => r.target.kind !== 'none')!;
    expect(value.render!(withTarget)).toBe('нет данных');
    expect(status.value(withTarget)).toBe('нет данных');
    const informational = none.find((r) => r.target.kind === 'none');
    if (informational) expect(status.value(informational)).toBe('справочно');
    expect(value.render!(rows.find((r) => r.id === 'coverage_8_11')!)).toBe('78,4 %');
  });

  it('exports the value as a number and as printed, and when the analysis was written', () => {
    const coverage = rows.find((r) => r.id === 'coverage_8_11')!;
    expect(indicatorExportColumns.map((c) => [c.header, c.value(coverage)])).toEqual([
      ['Показатель', coverage.name],
      ['Значение', 0.784],
      ['Значение (как на странице)', '78,4 %'],
      ['Статус', 'не достигнуто'],
      ['Анализ комитета', ANALYSIS.text],
      ['Анализ записан', ANALYSIS.writtenAt],
    ]);
  });
});

describe('recommendations', () => {
  it('is answered, waiting until its due date (that day included), overdue after it', () => {
    expect(answerState({ answer: null }, '2024-03-01', '2024-03-01')).toBe('waiting');
    expect(answerState({ answer: null }, '2024-03-01', '2024-03-02')).toBe('overdue');
    expect(answerState(RECOMMENDATION.addressees[0], '2024-03-01', '2025-01-01')).toBe('answered');
  });

  it('lists each addressee with its answer or «ответа нет», overdue marked', () => {
    const rows = addresseeRows([RECOMMENDATION], '2024-06-01');
    const state = addresseeColumns.find((c) => c.id === 'state')!;
    const answer = addresseeColumns.find((c) => c.id === 'answer')!;
    expect(rows.map((r) => [r.addressee.org, state.value(r), answer.value(r)])).toEqual([
      ['SCH01', 'ответ дан', 'Провели профпробы в феврале.'],
      ['SCH07', 'ответа нет, срок прошёл', null],
    ]);
    expect(addresseeRows([RECOMMENDATION], '2024-02-01')[1]!.state).toBe('waiting');
  });

  it('offers for the effectiveness only the recommendations of periods before the one shown', () => {
    const later = { ...RECOMMENDATION, id: 8, period: PERIOD };
    const periods = [EARLIER, PERIOD];
    expect(earlierRecommendations([later, RECOMMENDATION], periods, PERIOD).map((r) => r.id)).toEqual([7]);
    expect(earlierRecommendations([later, RECOMMENDATION], periods, EARLIER)).toEqual([]);
  });

  it('knows today in the browser’s own calendar', () => {
    expect(todayIso(new Date(2025, 0, 5, 23, 30))).toBe('2025-01-05');
  });
});

describe('measures and organizations', () => {
  it('prints a day or a range of days', () => {
    expect(measureDates({ from: '2025-03-01', until: null })).toBe('01.03.2025');
    expect(measureDates({ from: '2025-03-01', until: '2025-03-15' })).toBe('01.03.2025 — 15.03.2025');
  });

  it('offers the organizations reporting in the period', () => {
    expect(activeIn({ activeFrom: null, activeTo: null }, PERIOD)).toBe(true);
    expect(activeIn({ activeFrom: PERIOD, activeTo: null }, EARLIER)).toBe(false);
    expect(activeIn({ activeFrom: null, activeTo: EARLIER }, PERIOD)).toBe(false);
    expect(activeIn({ activeFrom: EARLIER, activeTo: PERIOD }, PERIOD)).toBe(true);
  });
});

describe('effectiveness', () => {
  it('says how both groups moved, the verb once when they moved alike', () => {
    expect(effectivenessHeadline(EFFECTIVENESS)).toBe(
      'В организациях, получивших рекомендацию, значение выросло на 12,0\u00a0п.п., в остальных — на 1,0\u00a0п.п.',
    );
    const fell = {
      ...EFFECTIVENESS,
      others: { ...EFFECTIVENESS.others, change: -0.031 },
    };
    expect(effectivenessHeadline(fell)).toBe(
      'В организациях, получивших рекомендацию, значение выросло на 12,0\u00a0п.п., в остальных — снизилось на 3,1\u00a0п.п.',
    );
  });

  it('says when the next period has no data yet, or the others have none', () => {
    expect(effectivenessHeadline({ ...EFFECTIVENESS, nextPeriod: null })).toBe(
      `Данных за период после ${EARLIER} ещё нет: эффективность рекомендации оценить нельзя.`,
    );
    const noOthers = {
      ...EFFECTIVENESS,
      others: {
        before: { organizations: 0, numerator: null, denominator: null, value: null },
        after: null,
        change: null,
      },
    };
    expect(effectivenessHeadline(noOthers)).toBe(
      'В организациях, получивших рекомендацию, значение выросло на 12,0\u00a0п.п.; у остальных организаций данных нет.',
    );
  });

  it('tabulates both groups with the periods as headers and the change in п.п. as printed', () => {
    const columns = effectivenessColumns(EFFECTIVENESS);
    expect(columns.map((c) => c.header)).toEqual([
      'Организации',
      'Сколько',
      EARLIER,
      PERIOD,
      'Изменение, п.п.',
    ]);
    const rows = effectivenessRows(EFFECTIVENESS);
    expect(rows.map((r) => columns.map((c) => (c.render ? c.render(r) : c.value(r))))).toEqual([
      ['Получившие рекомендацию', 2, '60,0 %', '72,0 %', '+12,0 п.п.'],
      ['Остальные организации', 6, '70,0 %', '71,0 %', '+1,0 п.п.'],
    ]);
    expect(rows.map((r) => columns[4]!.value(r))).toEqual([12, 1]);
  });

  it('sums up every earlier recommendation, its numbers once the API has given them', () => {
    const rows = [
      { recommendation: RECOMMENDATION, view: EFFECTIVENESS, failed: false },
      { recommendation: { ...RECOMMENDATION, id: 8 }, view: null, failed: false },
      { recommendation: { ...RECOMMENDATION, id: 9 }, view: null, failed: true },
    ];
    const shown = rows.map((r) =>
      effectivenessSummaryColumns.map((c) => (c.render ? c.render(r) : c.value(r))),
    );
    expect(shown[0]).toEqual([
      RECOMMENDATION.text,
      EARLIER,
      'Охват обучающихся 8–11 классов программами профессионального самоопределения',
      '+12,0 п.п.',
      '+1,0 п.п.',
    ]);
    expect(shown[1]!.slice(3)).toEqual(['…', '…']);
    expect(shown[2]!.slice(3)).toEqual(['не получено', 'не получено']);
    expect(effectivenessSummaryColumns.map((c) => c.value(rows[0]!)).slice(3)).toEqual([12, 1]);
  });

  it('draws both groups in both periods, and says the same in words', () => {
    const option = effectivenessChartOption(EFFECTIVENESS);
    expect(option.xAxis).toMatchObject({ data: [EARLIER, PERIOD] });
    expect((option.series as { name: string; data: unknown[] }[]).map((s) => [s.name, s.data])).toEqual([
      ['Получившие рекомендацию', [0.6, 0.72]],
      ['Остальные организации', [0.7, 0.71]],
    ]);
    expect(effectivenessChartLabel(EFFECTIVENESS)).toContain(`Получившие рекомендацию: ${EARLIER} — 60,0`);
  });
});
