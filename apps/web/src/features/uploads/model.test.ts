import { describe, expect, it } from 'vitest';
import type { SheetVersionView } from '@profmonitor/domain';
import { ApiError } from '@/lib/api-client';
import { importResult } from '@/test/fixtures';
import { issueRows, missingReports, nextStep, resultFromError, sheetLabel, versionsBySheet } from './model';

describe('upload results', () => {
  it('lists the file’s own issues first, then each sheet’s with row and column', () => {
    const result = importResult({ errors: [{ message: 'Нет листа «Титул».' }] });
    expect(issueRows(result, 'errors')).toEqual([
      { sheet: null, row: null, column: null, message: 'Нет листа «Титул».' },
      { sheet: 'Выпускники', row: 7, column: 'Направление', message: expect.stringContaining('Космос') },
    ]);
    expect(issueRows(result, 'warnings')).toHaveLength(1);
  });

  it('tells what to do next, naming the rejected sheets', () => {
    expect(nextStep(importResult())).toBe(
      'Принятые листы сохранены. Лист «Выпускники» не принят: исправьте ошибки ниже и загрузите файл снова.',
    );
    expect(nextStep(importResult({ outcome: 'accepted' }))).toBe('Данные сохранены, показатели пересчитаны.');
  });

  it('finds the result inside a refused upload’s error, and nothing in other errors', () => {
    const result = importResult({ outcome: 'rejected' });
    expect(resultFromError(new ApiError('Отчёт не принят', 422, { statusCode: 422, result }))).toBe(result);
    expect(resultFromError(new ApiError('Файл слишком большой.', 413, { statusCode: 413 }))).toBeNull();
    expect(resultFromError(new Error('сбой'))).toBeNull();
  });

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
