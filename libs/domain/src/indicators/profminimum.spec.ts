import type { ProfminimumRow } from '../reports/sheets/profminimum';
import { profminimumRatio } from './profminimum';

const row = (grade: number, level: ProfminimumRow['level'], futureTicket: number | null): ProfminimumRow => ({
  grade,
  students: 50,
  level,
  covered: 45,
  futureTicket,
  hours: null,
});

describe('profminimumRatio: one school measured as the engine measures it', () => {
  const school = { reported: true, grades: [row(6, 'Базовый', 10), row(7, 'Основной', null)] };

  it.each([
    ['profminimum_coverage', 90, 100],
    ['profminimum_above_basic', 45, 100],
    ['future_ticket', 10, 50], // only the row with «Билет в будущее» filled
  ] as const)('gives %s = %p / %p', (id, numerator, denominator) => {
    expect(profminimumRatio(school, id, '2024/2025')).toEqual({
      numerator,
      denominator,
      value: numerator / denominator,
    });
  });

  it('has no value for a school without the sheet, nor for a ticket column left blank everywhere', () => {
    expect(profminimumRatio({ reported: false, grades: [] }, 'profminimum_coverage', '2024/2025')).toBeNull();
    const blank = { reported: true, grades: [row(7, 'Основной', null)] };
    expect(profminimumRatio(blank, 'future_ticket', '2024/2025')).toBeNull();
  });
});
