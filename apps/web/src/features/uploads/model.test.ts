import { describe, expect, it } from 'vitest';
import type { SheetVersionView } from '@profmonitor/domain';
import { missingReports, sheetLabel, versionsBySheet } from './model';

describe('upload history', () => {
  it('lists per organization the sheets it has not sent, by name', () => {
    const missing = missingReports({
      period: '2024/2025',
      sheets: [
        {
          sheet: 'coverage',
          name: 'Охват',
          reported: 1,
          expected: 3,
          value: 1 / 3,
          missing: [
            { code: 'SCH08', name: 'Школа № 8' },
            { code: 'SCH06', name: 'Школа № 6' },
          ],
        },
        {
          sheet: 'teachers',
          name: 'Педагоги',
          reported: 2,
          expected: 3,
          value: 2 / 3,
          missing: [{ code: 'SCH08', name: 'Школа № 8' }],
        },
      ],
    });
    expect(missing).toEqual([
      { code: 'SCH06', name: 'Школа № 6', sheets: ['Охват'] },
      { code: 'SCH08', name: 'Школа № 8', sheets: ['Охват', 'Педагоги'] },
    ]);
  });

  it('groups sheet versions by sheet, newest first, and names sheets as the workbook does', () => {
    const v = (sheet: string, version: number) => ({ sheet, version }) as SheetVersionView;
    expect(versionsBySheet([v('coverage', 1), v('graduates', 1), v('coverage', 2)])).toEqual([
      ['coverage', [v('coverage', 2), v('coverage', 1)]],
      ['graduates', [v('graduates', 1)]],
    ]);
    expect(sheetLabel('graduates')).toBe('Выпускники');
    expect(sheetLabel('Лист7')).toBe('Лист7');
  });
});
