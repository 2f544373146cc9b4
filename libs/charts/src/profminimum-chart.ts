import { PROFMINIMUM_LEVELS, type ProfminimumLevel, type ProfminimumSchoolView } from '@profmonitor/domain';
import type { ChartOption } from './chart-option';
import { formatNumber } from './format';
import { html, type SafeHtml } from './html';
import { STATUS_COLORS } from './indicators';
import { axisLabel, type OrganizationNames } from './organizations';
import { rowTooltip } from './tooltip';

/** The stacks of a bar: the three levels, lowest first, then the students not covered. */
export type ProfminimumStack = ProfminimumLevel | 'Не охвачено';
export const PROFMINIMUM_STACKS: readonly ProfminimumStack[] = [...PROFMINIMUM_LEVELS, 'Не охвачено'];

/**
 * The stacks' colours: the levels in the dashboard's blue, deeper as the level rises, and the
 * students not covered in the grey of «нет данных».
 */
export const PROFMINIMUM_COLORS: Record<ProfminimumStack, string> = {
  Базовый: '#a9c3e6',
  Основной: '#5b8bc9',
  Продвинутый: STATUS_COLORS.info,
  'Не охвачено': '#d5dbe1',
};

/** One bar: a grade of a school, or a whole school; students by level and not covered. */
export interface ProfminimumBar {
  key: string;
  /** What the axis shows; `name` is the full one, for tooltips. */
  label: string;
  name: string;
  students: number;
  counts: Record<ProfminimumStack, number>;
}

/** One bar per grade of each school, or one per school (its grades summed). */
export type ProfminimumBarsBy = 'grade' | 'school';

const emptyCounts = (): Record<ProfminimumStack, number> => ({
  Базовый: 0,
  Основной: 0,
  Продвинутый: 0,
  'Не охвачено': 0,
});

function schoolLabel(school: ProfminimumSchoolView, names?: OrganizationNames): string {
  return names ? axisLabel(names, school.org) : school.name;
}

/**
 * The bars of the schools that sent the sheet; a school that did not has no bar (it has no
 * value, which is not 0: the page names it instead). With several schools a grade's bar is
 * labelled with the school too.
 */
export function profminimumBars(
  schools: readonly ProfminimumSchoolView[],
  by: ProfminimumBarsBy = 'grade',
  names?: OrganizationNames,
): ProfminimumBar[] {
  const reported = schools.filter((school) => school.reported);
  if (by === 'school') {
    return reported.map((school) => {
      const counts = emptyCounts();
      let students = 0;
      for (const row of school.grades) {
        counts[row.level] += row.covered;
        counts['Не охвачено'] += Math.max(0, row.students - row.covered);
        students += row.students;
      }
      return { key: school.org, label: schoolLabel(school, names), name: school.name, students, counts };
    });
  }
  const several = reported.length > 1;
  return reported.flatMap((school) =>
    [...school.grades]
      .sort((a, b) => a.grade - b.grade)
      .map((row) => {
        const counts = emptyCounts();
        counts[row.level] = row.covered;
        counts['Не охвачено'] = Math.max(0, row.students - row.covered);
        const grade = `${row.grade} класс`;
        return {
          key: `${school.org}:${row.grade}`,
          label: several ? `${schoolLabel(school, names)} · ${row.grade} кл.` : `${row.grade} кл.`,
          name: several ? `${school.name}, ${grade}` : grade,
          students: row.students,
          counts,
        };
      }),
  );
}

/** Enough room for every bar to keep a readable label. */
export const profminimumChartHeight = (bars: number): number => Math.max(180, 96 + bars * 30);

/** A bar's tooltip: what it is, its students, and how many at each level and not covered. */
export function profminimumTooltip(bar: ProfminimumBar): SafeHtml {
  const stacks = PROFMINIMUM_STACKS.filter((stack) => bar.counts[stack] > 0).map((stack) => {
    const name = stack === 'Не охвачено' ? 'не охвачено' : stack;
    return html`<br />${name}: ${formatNumber(bar.counts[stack])}`;
  });
  const students = formatNumber(bar.students);
  return html`<b>${bar.name}</b><br />обучающихся: ${students}${stacks}`;
}

/** The same figures in words, for screen readers and a chart that failed to load. */
export function profminimumChartLabel(bars: readonly ProfminimumBar[]): string {
  const lines = bars.map(
    (bar) =>
      `${bar.name}: обучающихся ${formatNumber(bar.students)}, ${PROFMINIMUM_STACKS.map(
        (stack) => `${stack.toLowerCase()} ${formatNumber(bar.counts[stack])}`,
      ).join(', ')}.`,
  );
  return ['Профминимум: обучающиеся по уровням.', ...lines].join(' ');
}

/**
 * The career guidance minimum as stacked bars of students: Базовый / Основной / Продвинутый /
 * «Не охвачено» (students less covered), one bar per grade of each school or per school.
 * Horizontal by default (long school names read on the axis); vertical for one school's grades.
 */
export function profminimumChartOption({
  schools,
  by = 'grade',
  orientation = 'horizontal',
  names,
  legend = true,
}: {
  schools: readonly ProfminimumSchoolView[];
  by?: ProfminimumBarsBy;
  orientation?: 'horizontal' | 'vertical';
  names?: OrganizationNames;
  /** False for small multiples, which share one key drawn beside them. */
  legend?: boolean;
}): ChartOption {
  const bars = profminimumBars(schools, by, names);
  const categories = bars.map((bar) => bar.label);
  const valueAxis = {
    type: 'value' as const,
    min: 0,
    minInterval: 1,
    axisLabel: { formatter: (value: number) => formatNumber(value) },
  };
  const horizontal = orientation === 'horizontal';
  const categoryAxis = horizontal
    ? {
        type: 'category' as const,
        inverse: true,
        data: categories,
        axisLabel: { width: 220, overflow: 'truncate' as const },
        axisTick: { show: false },
      }
    : // Every grade named under its bar, however narrow the chart (small multiples).
      { type: 'category' as const, data: categories, axisTick: { show: false }, axisLabel: { interval: 0 } };
  const top = legend ? 40 : 12;
  return {
    grid: horizontal
      ? { left: 8, right: 24, top, bottom: 16, outerBoundsContain: 'axisLabel' }
      : { left: 8, right: 16, top, bottom: 20, outerBoundsContain: 'axisLabel' },
    legend: { show: legend, top: 0, data: [...PROFMINIMUM_STACKS] },
    tooltip: { trigger: 'item', formatter: rowTooltip(bars, profminimumTooltip) },
    xAxis: horizontal ? { ...valueAxis, position: 'top' } : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: PROFMINIMUM_STACKS.map((stack) => ({
      type: 'bar',
      name: stack,
      stack: 'students',
      barMaxWidth: 22,
      itemStyle: { color: PROFMINIMUM_COLORS[stack] },
      emphasis: { focus: 'series' },
      // A level a grade is not taught at is an empty segment ('-'), not a zero-width one.
      data: bars.map((bar) => (bar.counts[stack] > 0 ? bar.counts[stack] : '-')),
    })),
  };
}
