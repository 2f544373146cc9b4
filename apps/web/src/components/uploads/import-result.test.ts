import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { importResult } from '@/test/fixtures';
import { issueRows, nextStep, resultFromError } from './import-result';

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
});
