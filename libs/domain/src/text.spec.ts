import { normalizeName } from './text';

describe('normalizeName', () => {
  it('ignores case, surrounding spaces, ё/е and the required mark', () => {
    expect(normalizeName('  Партнёры ')).toBe(normalizeName('ПАРТНЕРЫ'));
    expect(normalizeName('Класс *')).toBe('класс');
    expect(normalizeName('Код  выпускника')).toBe('код выпускника');
  });
});
