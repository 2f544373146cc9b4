import { describe, expect, it } from 'vitest';
import type { ProfminimumSchoolView } from '@profmonitor/domain';
import { HOSTILE_NAME, HOSTILE_NAME_ESCAPED } from '@/test/hostile-name';
import {
  PROFMINIMUM_COLORS,
  profminimumBars,
  profminimumChartLabel,
  profminimumChartOption,
} from '@profmonitor/charts';

// The series and axes of the option, without ECharts' wide union types.
type Series = {
  type: string;
  name: string;
  stack: string;
  data: (number | '-')[];
  itemStyle: { color: string };
};
const seriesOf = (option: { series?: unknown }) => option.series as Series[];
const axisOf = (axis: unknown) => axis as { type: string; data?: string[] };
const tooltipOf = (option: { tooltip?: unknown }) =>
  (option.tooltip as { formatter: (params: { dataIndex: number }) => string }).formatter;

const school = (partial: Partial<ProfminimumSchoolView>): ProfminimumSchoolView => ({
  org: 'S1',
  name: 'Школа № 1',
  municipality: 'Город',
  reported: true,
  grades: [],
  basicOnly: false,
  ...partial,
});

// Hand-made: grade 6 basic 40 of 50, grade 8 main 55 of 55, grade 10 advanced 20 of 30 (no 7, 9, 11).
const first = school({
  grades: [
    { grade: 8, students: 55, level: 'Основной', covered: 55, futureTicket: 30, hours: 60 },
    { grade: 6, students: 50, level: 'Базовый', covered: 40, futureTicket: null, hours: 40 },
    { grade: 10, students: 30, level: 'Продвинутый', covered: 20, futureTicket: 20, hours: 80 },
  ],
});
const second = school({
  org: 'S2',
  name: 'Лицей № 2',
  grades: [{ grade: 9, students: 25, level: 'Базовый', covered: 25, futureTicket: 5, hours: 42 }],
  basicOnly: true,
});
const silent = school({ org: 'S3', name: 'Школа № 3', reported: false });

describe('profminimum chart', () => {
  it('one school: a bar per grade in order, the covered at the grade’s level and the rest not covered', () => {
    const option = profminimumChartOption({ schools: [first] });
    expect(axisOf(option.yAxis).data).toEqual(['6 кл.', '8 кл.', '10 кл.']);
    expect(axisOf(option.xAxis).type).toBe('value');
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual(['Базовый', 'Основной', 'Продвинутый', 'Не охвачено']);
    expect(series.every((s) => s.type === 'bar' && s.stack === 'students')).toBe(true);
    expect(series.map((s) => s.data)).toEqual([
      [40, '-', '-'],
      ['-', 55, '-'],
      ['-', '-', 20],
      [10, '-', 10],
    ]);
    expect(series.map((s) => s.itemStyle.color)).toEqual(Object.values(PROFMINIMUM_COLORS));
  });

  it('vertical: the grades on the x axis, every one named; a small multiple without its own legend', () => {
    const option = profminimumChartOption({ schools: [first], orientation: 'vertical', legend: false });
    expect(axisOf(option.xAxis).data).toEqual(['6 кл.', '8 кл.', '10 кл.']);
    expect((option.xAxis as { axisLabel: { interval: number } }).axisLabel.interval).toBe(0);
    expect(axisOf(option.yAxis).type).toBe('value');
    expect(option.legend).toMatchObject({ show: false });
    expect(profminimumChartOption({ schools: [first] }).legend).toMatchObject({ show: true });
  });

  it('a school that did not send the sheet has no bar at all (no value, not 0)', () => {
    expect(profminimumBars([first, silent, second], 'school').map((bar) => bar.key)).toEqual(['S1', 'S2']);
    expect(profminimumBars([silent])).toEqual([]);
  });

  it('per school: the grades summed, level by level', () => {
    const [bar] = profminimumBars([first], 'school');
    expect(bar.students).toBe(135);
    expect(bar.counts).toEqual({ Базовый: 40, Основной: 55, Продвинутый: 20, 'Не охвачено': 20 });
  });

  it('several schools by grade: the school named on every bar', () => {
    const bars = profminimumBars([first, second], 'grade', new Map([['S1', 'Школа № 1']]));
    expect(bars.map((bar) => bar.label)).toEqual([
      'Школа № 1 · 6 кл.',
      'Школа № 1 · 8 кл.',
      'Школа № 1 · 10 кл.',
      'S2 · 9 кл.',
    ]);
    expect(bars[3].name).toBe('Лицей № 2, 9 класс');
  });

  it('the tooltip counts the students in Russian and writes the school’s name as text, never markup', () => {
    const option = profminimumChartOption({
      schools: [{ ...second, name: HOSTILE_NAME }, first],
      by: 'school',
    });
    expect(tooltipOf(option)({ dataIndex: 0 })).toBe(
      `<b>${HOSTILE_NAME_ESCAPED}</b><br />обучающихся: 25<br />Базовый: 25`,
    );
    expect(tooltipOf(option)({ dataIndex: 1 })).toBe(
      '<b>Школа № 1</b><br />обучающихся: 135<br />Базовый: 40<br />Основной: 55<br />Продвинутый: 20<br />не охвачено: 20',
    );
  });

  it('says the same in words', () => {
    expect(profminimumChartLabel(profminimumBars([second]))).toBe(
      'Профминимум: обучающиеся по уровням. 9 класс: обучающихся 25, базовый 25, основной 0, продвинутый 0, не охвачено 0.',
    );
  });
});
