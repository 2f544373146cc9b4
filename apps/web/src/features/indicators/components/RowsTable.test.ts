import { describe, expect, it } from 'vitest';
import type { ExplanationRowView } from '@profmonitor/domain';
import { cellColumns, cellText } from './RowsTable';

describe('rows behind a value', () => {
  it('shows cells as a reader expects them', () => {
    expect(cellText('Осознанный выбор', true)).toBe('Да');
    expect(cellText('Класс', 11)).toBe('11');
    expect(cellText('Область профессиональной деятельности', '20')).toBe('20 Электроэнергетика');
    expect(cellText('Организация', null)).toBe('');
  });

  it('takes the columns in the order they first appear', () => {
    const rows = [{ cells: { Класс: 9, Направление: 'СПО' } }, { cells: { Класс: 11, Территория: 'Город' } }];
    expect(cellColumns(rows as unknown as ExplanationRowView[])).toEqual([
      'Класс',
      'Направление',
      'Территория',
    ]);
  });
});
