import { isDateFormat } from './cell-value';

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
