import { rowHeight } from './export.service';

// 15 points a line of the default 11-point font, 2 points of padding.
describe('rowHeight', () => {
  it('one line for short text and empty cells', () => {
    expect(rowHeight(['Лист', '', 'Значение'], [12, 10, 11], 11)).toBe(17);
  });

  it('wraps at word boundaries within the column’s width (one character kept for padding)', () => {
    // Width 11 holds 10 characters: «Доля» + «педагогов» do not fit together.
    expect(rowHeight(['Доля педагогов', 'x'], [11, 11], 11)).toBe(2 * 15 + 2);
    expect(rowHeight(['ab cd ef gh'], [6], 11)).toBe(2 * 15 + 2);
  });

  it('a word wider than its column takes as many lines as it is broken into', () => {
    // 17 letters in 10-character lines: 2 lines, after «Доля» on a line of its own.
    expect(rowHeight(['Доля профессионального'], [11], 11)).toBe(3 * 15 + 2);
  });

  it('the tallest cell of the row decides; bold (wider) text and larger fonts need more', () => {
    expect(rowHeight(['a', 'один два три четыре'], [20, 8], 11)).toBe(3 * 15 + 2);
    // 8 characters fit a 9-character line, not one of 7 (bold).
    expect([rowHeight(['один два'], [10], 11), rowHeight(['один два'], [10], 11, 1.2)]).toEqual([17, 32]);
    expect(rowHeight(['x'], [10], 14)).toBe(Math.ceil(15 * (14 / 11)) + 2);
  });
});
