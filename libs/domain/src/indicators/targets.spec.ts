import { describeTarget, formatPercent, statusOf, type Target } from './targets';

const atLeast80: Target = { kind: 'atLeast', threshold: 0.8 };
const atLeast100: Target = { kind: 'atLeast', threshold: 1 };
const growth: Target = { kind: 'growth' };
const decrease: Target = { kind: 'decrease' };
const none: Target = { kind: 'none' };

describe('statusOf', () => {
  describe('≥ X', () => {
    it('is met at exactly the threshold (80 % of ≥ 80 %)', () => {
      expect(statusOf(0.8, atLeast80, null)).toBe('достигнуто');
      expect(statusOf(120 / 150, atLeast80, null)).toBe('достигнуто');
      expect(statusOf(4 / 5, atLeast80, null)).toBe('достигнуто');
    });

    it('is met above the threshold', () => {
      expect(statusOf(130 / 150, atLeast80, null)).toBe('достигнуто');
      expect(statusOf(1, atLeast80, null)).toBe('достигнуто');
    });

    it('is not met below the threshold, however slightly', () => {
      expect(statusOf(0.7999, atLeast80, null)).toBe('не достигнуто');
      expect(statusOf(0.76, atLeast80, null)).toBe('не достигнуто');
      expect(statusOf(0, atLeast80, null)).toBe('не достигнуто');
    });

    it('≥ 100 % is met only by 100 %', () => {
      expect(statusOf(1, atLeast100, null)).toBe('достигнуто');
      expect(statusOf(3 / 3, atLeast100, null)).toBe('достигнуто');
      expect(statusOf(2 / 3, atLeast100, null)).toBe('не достигнуто');
    });

    it('has «нет данных» without a value', () => {
      expect(statusOf(null, atLeast80, null)).toBe('нет данных');
      expect(statusOf(null, atLeast80, 0.9)).toBe('нет данных');
    });

    it('does not look at the previous value', () => {
      expect(statusOf(0.85, atLeast80, 0.95)).toBe('достигнуто');
      expect(statusOf(0.75, atLeast80, 0.5)).toBe('не достигнуто');
    });
  });

  describe('рост (growth)', () => {
    it('is met when the value is greater than the previous one', () => {
      expect(statusOf(0.5, growth, 0.4)).toBe('достигнуто');
      expect(statusOf(0.01, growth, 0)).toBe('достигнуто');
    });

    it('is not met when the value equals the previous one', () => {
      expect(statusOf(0.4, growth, 0.4)).toBe('не достигнуто');
    });

    it('is not met when the value is less than the previous one', () => {
      expect(statusOf(0.3, growth, 0.4)).toBe('не достигнуто');
    });

    it('has «нет данных» without the previous value', () => {
      expect(statusOf(0.5, growth, null)).toBe('нет данных');
    });

    it('has «нет данных» without the value', () => {
      expect(statusOf(null, growth, 0.4)).toBe('нет данных');
      expect(statusOf(null, growth, null)).toBe('нет данных');
    });
  });

  describe('снижение (decrease)', () => {
    it('is met when the value is less than the previous one', () => {
      expect(statusOf(0.2, decrease, 0.3)).toBe('достигнуто');
      expect(statusOf(0, decrease, 0.01)).toBe('достигнуто');
    });

    it('is not met when the value equals the previous one', () => {
      expect(statusOf(0.3, decrease, 0.3)).toBe('не достигнуто');
    });

    it('is not met when the value is greater than the previous one', () => {
      expect(statusOf(0.4, decrease, 0.3)).toBe('не достигнуто');
    });

    it('has «нет данных» without the previous value', () => {
      expect(statusOf(0.2, decrease, null)).toBe('нет данных');
    });

    it('has «нет данных» without the value', () => {
      expect(statusOf(null, decrease, 0.3)).toBe('нет данных');
    });
  });

  describe('none (informational)', () => {
    it('has no status at all, with or without values', () => {
      expect(statusOf(0.5, none, 0.4)).toBeNull();
      expect(statusOf(0.5, none, null)).toBeNull();
      expect(statusOf(null, none, null)).toBeNull();
    });
  });
});

describe('describeTarget', () => {
  it('shows ≥ X as a percentage with one decimal', () => {
    expect(describeTarget(atLeast80)).toBe('≥ 80,0 %');
    expect(describeTarget(atLeast100)).toBe('≥ 100,0 %');
    expect(describeTarget({ kind: 'atLeast', threshold: 0.9 })).toBe('≥ 90,0 %');
  });

  it('names growth, decrease and none', () => {
    expect(describeTarget(growth)).toBe('рост');
    expect(describeTarget(decrease)).toBe('снижение');
    expect(describeTarget(none)).toBe('—');
  });
});

describe('formatPercent', () => {
  it.each([
    [0.784, '78,4 %'],
    [1, '100,0 %'],
    [0, '0,0 %'],
    [0.76, '76,0 %'],
    [0.5, '50,0 %'],
    [0.05, '5,0 %'],
    [0.001, '0,1 %'],
  ])('shows %p as «%s»: one decimal, a comma, a space before %%', (fraction, text) => {
    expect(formatPercent(fraction)).toBe(text);
  });

  it('rounds to one decimal: 0.78449 → 78,4 %, 0.78451 → 78,5 %', () => {
    expect(formatPercent(0.78449)).toBe('78,4 %');
    expect(formatPercent(0.78451)).toBe('78,5 %');
  });

  it('rounds a value exactly halfway up, as by hand, despite the binary noise of the division', () => {
    // 201/400 = 50,25 % exactly, but 201 / 400 * 1000 is 502.49999999999994 in floating point.
    expect(formatPercent(201 / 400)).toBe('50,3 %');
    expect(formatPercent(203 / 400)).toBe('50,8 %'); // 50,75 %
    expect(formatPercent(1001 / 2000)).toBe('50,1 %'); // 50,05 %
    expect(formatPercent(1 / 8)).toBe('12,5 %');
    expect(formatPercent(1 / 16)).toBe('6,3 %'); // 6,25 %
  });

  it('rounds the worked example: 130/150 → 86,7 %, 70/150 → 46,7 %, 0.7333… → 73,3 %', () => {
    expect(formatPercent(130 / 150)).toBe('86,7 %');
    expect(formatPercent(70 / 150)).toBe('46,7 %');
    expect(formatPercent((130 / 150 + 60 / 100) / 2)).toBe('73,3 %');
  });

  it('shows «нет данных» for no value', () => {
    expect(formatPercent(null)).toBe('нет данных');
  });

  it('shows «нет данных», never «NaN %», for a value that is not a number', () => {
    expect(formatPercent(NaN)).toBe('нет данных');
    expect(formatPercent(Infinity)).toBe('нет данных');
  });
});
