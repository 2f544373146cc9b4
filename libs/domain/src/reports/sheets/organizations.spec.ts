import { activeIn, expectedToReport } from './organizations';

describe('who is expected to report in a period', () => {
  const school = (activeFromYear: number | null, activeToYear: number | null) => ({
    type: 'Школа' as const,
    activeFromYear,
    activeToYear,
  });

  it('is active from «Действует с» to «Действует по», both included; an empty one is open', () => {
    expect(activeIn(school(null, null), 1990)).toBe(true);
    expect(activeIn(school(2023, null), 2023)).toBe(true);
    expect(activeIn(school(2023, null), 2022)).toBe(false);
    expect(activeIn(school(null, 2023), 2023)).toBe(true);
    expect(activeIn(school(null, 2023), 2024)).toBe(false);
    expect(activeIn(school(2021, 2023), 2022)).toBe(true);
    expect(activeIn(school(2024, 2022), 2023)).toBe(false);
  });

  it('expects reports from schools and colleges only, in their active years', () => {
    expect(expectedToReport(school(2020, 2022), 2021)).toBe(true);
    expect(expectedToReport(school(2020, 2022), 2023)).toBe(false);
    expect(expectedToReport({ ...school(null, null), type: 'Колледж' }, 2023)).toBe(true);
    expect(expectedToReport({ ...school(null, null), type: 'Дополнительное образование' }, 2023)).toBe(false);
  });
});
