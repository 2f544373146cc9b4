import { describe, expect, it } from 'vitest';
import { canUse, homePath, safeNext } from './access';

describe('access', () => {
  it('lands the committee on the overview and the others where they upload', () => {
    expect(homePath({ role: 'committee' })).toBe('/overview');
    expect(homePath({ role: 'school' })).toBe('/uploads');
    expect(homePath({ role: 'employment' })).toBe('/uploads');
  });

  it('offers the committee pages to the committee only', () => {
    expect(canUse({ role: 'committee' }, 'accounts')).toBe(true);
    expect(canUse({ role: 'school' }, 'accounts')).toBe(false);
    expect(canUse({ role: 'employment' }, 'completeness')).toBe(false);
    expect(canUse({ role: 'school' }, 'uploads')).toBe(true);
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
