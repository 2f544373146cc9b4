import { FormulaWithoutResult } from '@profmonitor/domain';
import { FORMULA_ERROR, excelSerialToDate, isDateFormat, toCellValue } from './cell-value';

describe('isDateFormat', () => {
  it.each([
    ['dd.mm.yyyy', true],
    ['mm-dd-yy', true],
    ['[$-419]D MMMM YYYY', true],
    ['h:mm', true],
    ['General', false],
    ['0.00', false],
    ['#,##0\\ "руб."', false],
    ['[Red]0;[Blue]-0', false],
    ['0%', false],
    [undefined, false],
  ])('%s → %s', (format, expected) => {
    expect(isDateFormat(format)).toBe(expected);
  });
});

describe('toCellValue', () => {
  it('keeps plain values and drops what is not a value', () => {
    expect(toCellValue('  текст ', undefined, false)).toBe('  текст ');
    expect(toCellValue(0, undefined, false)).toBe(0);
    expect(toCellValue(false, undefined, false)).toBe(false);
    expect(toCellValue(Number.NaN, undefined, false)).toBeNull();
    expect(toCellValue(new Date(Number.NaN), undefined, false)).toBeNull();
    expect(toCellValue({ unknown: 1 }, undefined, false)).toBeNull();
    expect(toCellValue(undefined, undefined, false)).toBeNull();
  });

  it('unwraps formulas, rich text, hyperlinks and errors', () => {
    expect(toCellValue({ formula: 'A1', result: 0 }, undefined, false)).toBe(0);
    expect(toCellValue({ formula: 'A1' }, undefined, false)).toEqual(new FormulaWithoutResult('A1'));
    expect(toCellValue({ formula: 'NA()', result: Number.NaN }, undefined, false)).toBe(FORMULA_ERROR);
    expect(toCellValue({ formula: 'A1', result: { error: '#N/A' } }, undefined, false)).toBe('#N/A');
    expect(toCellValue({ formula: 'A1', result: 45536 }, 'dd.mm.yyyy', false)).toEqual(
      new Date('2024-09-01'),
    );
    expect(toCellValue({ richText: [{ text: 'а' }, { text: 'б' }, {}] }, undefined, false)).toBe('аб');
    expect(
      toCellValue({ text: { richText: [{ text: 'сайт' }] }, hyperlink: 'https://x' }, undefined, false),
    ).toBe('сайт');
  });
});

describe('excelSerialToDate', () => {
  it('reads both date systems', () => {
    expect(excelSerialToDate(45536, false)).toEqual(new Date('2024-09-01'));
    expect(excelSerialToDate(45536 - 1462, true)).toEqual(new Date('2024-09-01'));
    expect(excelSerialToDate(1e20, false)).toBeNull();
  });
});
