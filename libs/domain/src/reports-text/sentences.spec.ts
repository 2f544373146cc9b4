import {
  effectivenessHeadline,
  indicatorSentence,
  NBSP,
  reportChange,
  reportTarget,
  reportValue,
  type IndicatorSentenceInput,
} from './sentences';

const COVERAGE = 'Охват обучающихся 8–11 классов программами профессионального самоопределения';

const base: IndicatorSentenceInput = {
  name: COVERAGE,
  scale: 'percent',
  value: 0.778,
  target: { kind: 'atLeast', threshold: 0.8 },
  status: 'не достигнуто',
  change: 0.062,
  organizations: [],
  schoolsOnly: true,
};

/** The sentence with no-break spaces shown as «~», so that expectations show where they are. */
const sentence = (input: Partial<IndicatorSentenceInput>) =>
  indicatorSentence({ ...base, ...input }).replaceAll(NBSP, '~');

describe('report values', () => {
  it('prints shares with a comma and a no-break space before %, the index with two decimals', () => {
    expect(reportValue(0.778, 'percent')).toBe(`77,8${NBSP}%`);
    expect(reportValue(0.50255, 'percent')).toBe(`50,3${NBSP}%`);
    expect(reportValue(0.512, 'index')).toBe('0,51');
    expect(reportValue(null, 'percent')).toBe('нет данных');
  });

  it('prints changes in percentage points with a sign and the typographic minus', () => {
    expect(reportChange(0.062, 'percent')).toBe(`+6,2${NBSP}п.п.`);
    expect(reportChange(-0.031, 'percent')).toBe(`\u22123,1${NBSP}п.п.`);
    expect(reportChange(0.0001, 'percent')).toBe(`0,0${NBSP}п.п.`);
    expect(reportChange(-0.04, 'index')).toBe('\u22120,04');
    expect(reportChange(null, 'percent')).toBeNull();
  });

  it('prints targets as a committee writes them', () => {
    expect(reportTarget({ kind: 'atLeast', threshold: 0.8 })).toBe(`≥${NBSP}80${NBSP}%`);
    expect(reportTarget({ kind: 'atLeast', threshold: 0.855 })).toBe(`≥${NBSP}85,5${NBSP}%`);
    expect(reportTarget({ kind: 'growth' })).toBe('рост');
    expect(reportTarget({ kind: 'none' })).toBe('—');
  });
});

describe('indicatorSentence', () => {
  it('reads a value against a threshold, its change and the schools below the target', () => {
    const organizations = [
      { name: 'МБОУ «СОШ № 1»', status: 'не достигнуто' as const },
      { name: 'МБОУ «СОШ № 2»', status: 'достигнуто' as const },
      { name: 'Гимназия № 44', status: 'не достигнуто' as const },
      { name: 'Школа без отчёта', status: 'нет данных' as const },
    ];
    expect(sentence({ organizations })).toBe(
      `${COVERAGE} составил 77,8~% при цели 80~%; цель не достигнута; за год +6,2~п.п.; ` +
        'ниже цели 2 из 3 школ: МБОУ «СОШ № 1», Гимназия № 44.',
    );
  });

  it('closes a participial clause of the name with a comma', () => {
    expect(sentence({ name: 'Доля обучающихся 8–11 классов, прошедших профессиональные пробы' })).toMatch(
      /^Доля обучающихся 8–11 классов, прошедших профессиональные пробы, составила 77,8~%/,
    );
  });

  it('agrees the verb with the name and counts organizations when not all are schools', () => {
    expect(
      sentence({
        name: 'Доля организаций с разделом на сайте',
        value: 1,
        target: { kind: 'atLeast', threshold: 1 },
        status: 'достигнуто',
        change: 0,
        organizations: [{ name: 'Колледж', status: 'достигнуто' }],
        schoolsOnly: false,
      }),
    ).toBe(
      'Доля организаций с разделом на сайте составила 100,0~% при цели 100~%; цель достигнута; за год 0,0~п.п.; ' +
        'ниже цели — ни одной из 1 организации.',
    );
  });

  it('says «нет данных» without a value, and why a growth target cannot be judged', () => {
    expect(sentence({ value: null, status: 'нет данных', change: null })).toBe(
      `${COVERAGE}: нет данных за период.`,
    );
    expect(sentence({ target: { kind: 'growth' }, status: 'нет данных', change: null, value: 0.4 })).toBe(
      `${COVERAGE} составил 40,0~% при цели — рост к прошлому году; ` +
        'достижение цели оценить нельзя: нет данных за прошлый год; сравнить с прошлым годом нельзя: нет данных.',
    );
  });

  it('names schools without growth, the index scale and informational indicators', () => {
    expect(
      sentence({
        target: { kind: 'growth' },
        status: 'достигнуто',
        organizations: [
          { name: 'А', status: 'не достигнуто' },
          { name: 'Б', status: 'достигнуто' },
        ],
      }),
    ).toContain('цель достигнута; за год +6,2~п.п.; без роста 1 из 2 школ: А.');
    expect(
      sentence({
        name: 'Индекс несоответствия выбора выпускников потребности в кадрах',
        scale: 'index',
        value: 0.513,
        target: { kind: 'decrease' },
        status: 'не достигнуто',
        change: 0.021,
      }),
    ).toBe(
      'Индекс несоответствия выбора выпускников потребности в кадрах составил 0,51 при цели — снижение к прошлому году; ' +
        'цель не достигнута; за год +0,02.',
    );
    expect(sentence({ target: { kind: 'none' }, status: null })).toBe(
      `${COVERAGE} составил 77,8~%; показатель информационный, цель не ставится; за год +6,2~п.п.`,
    );
  });
});

describe('effectivenessHeadline', () => {
  const group = (before: number | null, after: number | null, organizations = 2) => ({
    before: { organizations, numerator: null, denominator: null, value: before },
    after: after === null ? null : { organizations, numerator: null, denominator: null, value: after },
    change: before !== null && after !== null ? after - before : null,
  });
  const view = {
    recommendation: 1,
    indicator: 'coverage_8_11',
    period: '2023/2024',
    nextPeriod: '2024/2025',
    addressed: group(0.6, 0.72),
    others: group(0.7, 0.71, 6),
  };

  it('says how both groups moved, the verb once when they moved alike', () => {
    expect(effectivenessHeadline(view)).toBe(
      `В организациях, получивших рекомендацию, значение выросло на 12,0${NBSP}п.п., в остальных — на 1,0${NBSP}п.п.`,
    );
    expect(effectivenessHeadline({ ...view, others: group(0.7, 0.669) })).toBe(
      `В организациях, получивших рекомендацию, значение выросло на 12,0${NBSP}п.п., в остальных — снизилось на 3,1${NBSP}п.п.`,
    );
    expect(effectivenessHeadline({ ...view, others: group(0.7, 0.7002) })).toBe(
      `В организациях, получивших рекомендацию, значение выросло на 12,0${NBSP}п.п., в остальных — не изменилось.`,
    );
  });

  it('reads the mismatch index as an index', () => {
    expect(
      effectivenessHeadline({
        ...view,
        indicator: 'demand_mismatch',
        addressed: group(0.51, 0.43),
        others: group(0.5, 0.47),
      }),
    ).toBe('В организациях, получивших рекомендацию, значение снизилось на 0,08, в остальных — на 0,03.');
  });

  it('says when the next period has no data yet, or the others have none', () => {
    expect(effectivenessHeadline({ ...view, nextPeriod: null })).toBe(
      'Данных за период после 2023/2024 ещё нет: эффективность рекомендации оценить нельзя.',
    );
    expect(effectivenessHeadline({ ...view, others: group(null, null, 0) })).toBe(
      `В организациях, получивших рекомендацию, значение выросло на 12,0${NBSP}п.п.; у остальных организаций данных нет.`,
    );
    expect(effectivenessHeadline({ ...view, addressed: group(0.6, null) })).toBe(
      `В организациях, получивших рекомендацию, значение сравнить нельзя: нет данных, в остальных — выросло на 1,0${NBSP}п.п.`,
    );
  });
});
