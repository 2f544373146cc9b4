import { describe, expect, it } from 'vitest';
import { canUse, homePath, safeNext, sectionAudience } from './access';

describe('access', () => {
  it('lands the committee on the overview, the employment center on the demand, a school on its upload', () => {
    expect(homePath({ role: 'committee' })).toBe('/overview');
    expect(homePath({ role: 'school' })).toBe('/uploads');
    expect(homePath({ role: 'employment' })).toBe('/demand');
  });

  it('names who a section is for', () => {
    expect(sectionAudience('accounts')).toBe('региональному министерству и комитету образования');
    expect(sectionAudience('demand')).toBe(
      'региональному министерству, комитету образования и центру занятости',
    );
    expect(sectionAudience('profminimum')).toBe(
      'региональному министерству, комитету образования и образовательным организациям',
    );
    expect(canUse({ role: 'school' }, 'demand')).toBe(false);
    expect(canUse({ role: 'employment' }, 'demandSettings')).toBe(false);
  });

  it('offers the committee pages to the committee only', () => {
    expect(canUse({ role: 'committee' }, 'accounts')).toBe(true);
    expect(canUse({ role: 'school' }, 'accounts')).toBe(false);
    expect(canUse({ role: 'employment' }, 'completeness')).toBe(false);
    expect(canUse({ role: 'school' }, 'uploads')).toBe(true);
  });

  it('offers the region’s comparison to the ministry, and to a committee bound to one of several municipalities', () => {
    expect(homePath({ role: 'region' })).toBe('/region');
    expect(canUse({ role: 'region', municipality: null }, 'region')).toBe(true);
    expect(canUse({ role: 'committee', municipality: 'Зима' }, 'region')).toBe(true);
    // Alone in the registry, the committee's municipality is the region: nothing to compare.
    expect(canUse({ role: 'committee', municipality: null }, 'region')).toBe(false);
    expect(canUse({ role: 'school', municipality: 'Зима' }, 'region')).toBe(false);
    expect(canUse({ role: 'employment', municipality: 'Зима' }, 'region')).toBe(false);
  });

  it('returns after sign-in only to a page of this app', () => {
    expect(safeNext('/uploads?period=2024%2F2025')).toBe('/uploads?period=2024%2F2025');
    expect(safeNext('//evil.example/x')).toBeNull();
    expect(safeNext('/\\evil.example')).toBeNull();
    expect(safeNext('https://evil.example')).toBeNull();
    expect(safeNext('/login?next=/x')).toBeNull();
    expect(safeNext(null)).toBeNull();
  });
});
