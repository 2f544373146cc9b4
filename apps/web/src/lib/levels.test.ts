import { describe, expect, it } from 'vitest';
import type { SessionUserView } from '@profmonitor/domain';
import { COMMITTEE, ORGANIZATIONS, REGION, SCHOOL, valueView } from '@/test/fixtures';
import {
  capitalized,
  choosesMunicipality,
  isOfLevel,
  levelOf,
  levelOfValue,
  municipalitiesOf,
} from './levels';

const ZIMA = 'Зима';
const several = (user: SessionUserView, municipality = user.municipality): SessionUserView => ({
  ...user,
  municipality,
  municipalityCount: 2,
});
const words = ({ kind, name, by, of }: ReturnType<typeof levelOf>) => ({ kind, name, by, of });

describe('the level a page shows', () => {
  it('with one municipality is the city, as the pages have always said, whoever asks and whatever is chosen', () => {
    for (const user of [COMMITTEE, REGION, SCHOOL, { ...COMMITTEE, municipality: 'Город' }]) {
      expect(words(levelOf(user))).toEqual({ kind: 'city', name: 'Город', by: 'по городу', of: 'города' });
      expect(levelOf(user, ZIMA).kind).toBe('city');
      expect(choosesMunicipality(user)).toBe(false);
    }
  });

  it('with several: a bound account’s own municipality, the region for the ministry and an unbound account', () => {
    expect(words(levelOf(several(COMMITTEE, ZIMA)))).toEqual({
      kind: 'municipality',
      name: ZIMA,
      by: 'по муниципалитету «Зима»',
      of: 'муниципалитета «Зима»',
    });
    expect(levelOf(several(SCHOOL, ZIMA)).municipality).toBe(ZIMA);
    // The ministry has no municipality of its own, whatever the field says.
    expect(words(levelOf(several(REGION, ZIMA)))).toEqual({
      kind: 'region',
      name: 'Регион',
      by: 'по региону',
      of: 'региона',
    });
    const centre = several({ ...COMMITTEE, role: 'employment' });
    expect(levelOf(centre).kind).toBe('region');
    expect([several(REGION), centre, several(COMMITTEE, ZIMA)].map(choosesMunicipality)).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('with several: the municipality chosen on the page', () => {
    expect(levelOf(several(REGION), 'Саянск').by).toBe('по муниципалитету «Саянск»');
    expect(levelOf(several(REGION), '').kind).toBe('region');
  });

  it('names a pooled value’s level and tells which values are of a level', () => {
    expect(levelOfValue(several(REGION), null).name).toBe('Регион');
    expect(levelOfValue(several(REGION), ZIMA).name).toBe(ZIMA);
    expect(levelOfValue(REGION, 'Город').name).toBe('Город');
    const region = valueView({ municipality: null });
    const zima = valueView({ municipality: ZIMA });
    const school = valueView({ org: 'Z01', municipality: ZIMA });
    const of = (level: ReturnType<typeof levelOf>) =>
      [region, zima, school].map((value) => isOfLevel(level, value));
    expect(of(levelOf(several(REGION)))).toEqual([true, false, false]);
    expect(of(levelOf(several(REGION), 'зима'))).toEqual([false, true, false]);
    expect(of(levelOf(COMMITTEE))).toEqual([true, true, false]);
  });

  it('lists the registry’s municipalities once each, in Russian order; starts a sentence with a capital', () => {
    const registry = [
      { ...ORGANIZATIONS[0]!, municipality: 'Саянск' },
      { ...ORGANIZATIONS[1]!, municipality: ZIMA },
      { ...ORGANIZATIONS[0]!, code: 'Z2', municipality: ZIMA },
    ];
    expect(municipalitiesOf(registry)).toEqual([ZIMA, 'Саянск']);
    expect(municipalitiesOf(undefined)).toEqual([]);
    expect(capitalized('по муниципалитету «Зима»')).toBe('По муниципалитету «Зима»');
  });
});
