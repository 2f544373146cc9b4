import { describe, expect, it } from 'vitest';
import { profminimumRatio } from '@profmonitor/domain';
import { gradeCoverage } from '@/components/profminimum/profminimum';
import { valueView } from '@/test/fixtures';
import {
  basicOnlySchools,
  gradeRows,
  levelsText,
  notReported,
  reportedSchools,
  schoolCoverageValues,
  schoolRow,
} from './model';
import { PROFMINIMUM, SCH01, SCH03, SCH07 } from '@/test/profminimum';

const P = '2024/2025';

describe('a school’s Профминимум figures', () => {
  it('are the indicators’ own ratios, counted by hand', () => {
    expect(profminimumRatio(SCH01, 'profminimum_coverage', P)).toEqual({
      numerator: 115,
      denominator: 135,
      value: 115 / 135,
    });
    expect(profminimumRatio(SCH01, 'profminimum_above_basic', P)).toMatchObject({
      numerator: 75,
      denominator: 135,
    });
    // «Билет в будущее» counts only the rows where it is filled in (grades 8 and 10).
    expect(profminimumRatio(SCH01, 'future_ticket', P)).toMatchObject({ numerator: 50, denominator: 85 });
    expect(profminimumRatio(SCH07, 'profminimum_above_basic', P)).toEqual({
      numerator: 0,
      denominator: 50,
      value: 0,
    });
  });

  it('have no value, not 0, without the sheet or with «Билет в будущее» blank in every row', () => {
    expect(profminimumRatio(SCH03, 'profminimum_coverage', P)).toBeNull();
    expect(profminimumRatio(SCH07, 'future_ticket', P)).toBeNull();
    expect(schoolRow(SCH03, P)).toMatchObject({
      reported: false,
      students: null,
      coverage: null,
      aboveBasic: null,
      futureTicket: null,
      levels: null,
      basicOnly: false,
    });
  });

  it('sum its grades and name its levels with their grades, lowest first', () => {
    expect(schoolRow(SCH01, P)).toMatchObject({
      students: 135,
      levels: 'Базовый: 6; Основной: 8; Продвинутый: 10',
      basicOnly: false,
    });
    expect(levelsText(SCH07.grades)).toBe('Базовый: 9, 11');
    expect(gradeCoverage({ ...SCH01.grades[0], students: 0, covered: 0 })).toBeNull();
  });
});

describe('the page’s lists', () => {
  it('name the schools without the sheet and those at the basic level only, by name', () => {
    expect(notReported(PROFMINIMUM).map((s) => s.org)).toEqual(['SCH03']);
    expect(basicOnlySchools(PROFMINIMUM).map((s) => s.org)).toEqual(['SCH07']);
    expect(reportedSchools(PROFMINIMUM).map((s) => s.org)).toEqual(['SCH01', 'SCH07']);
    // A school that did not send the sheet is never «basic only», whatever the flag says.
    expect(basicOnlySchools({ ...PROFMINIMUM, schools: [{ ...SCH03, basicOnly: true }] })).toEqual([]);
  });

  it('list every grade of the schools that sent it, with its school, grades in order', () => {
    expect(gradeRows(PROFMINIMUM).map((row) => `${row.org}:${row.grade}`)).toEqual([
      'SCH01:6',
      'SCH01:8',
      'SCH01:10',
      'SCH07:9',
      'SCH07:11',
    ]);
  });

  it('keep the schools’ coverage for the heatmap, not the levels’ nor another indicator’s', () => {
    const values = [
      valueView({ id: 'profminimum_coverage', org: 'SCH01', value: 0.85 }),
      valueView({ id: 'profminimum_coverage', value: 0.87 }),
      valueView({ id: 'future_ticket', org: 'SCH01', value: 0.5 }),
    ];
    expect(schoolCoverageValues(values)).toEqual([values[0]]);
  });
});
