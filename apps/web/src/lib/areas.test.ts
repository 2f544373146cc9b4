import { describe, expect, it } from 'vitest';
import { areaMarks, gapSide } from './areas';

describe('areas', () => {
  it('puts an area on a side by its gap as printed', () => {
    expect(gapSide(0.19)).toBe('surplus');
    expect(gapSide(-0.3)).toBe('deficit');
    expect(gapSide(-0.0004)).toBe('even');
    expect(gapSide(null)).toBe('even');
  });

  it('marks an area in deficit and in demand', () => {
    expect(areaMarks({ gap: -0.3, inDemand: true })).toEqual(['в дефиците', 'востребована']);
    expect(areaMarks({ gap: 0.19, inDemand: false })).toEqual([]);
    expect(areaMarks({ gap: null, inDemand: true })).toEqual(['востребована']);
  });
});
