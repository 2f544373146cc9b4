import { clip, normalizeName } from '../text';

/**
 * A municipality of the registry named by a person (a workbook's cell, a request), in the
 * registry's spelling: matched as names are (case, spaces and ё aside, see normalizeName).
 */
export function findMunicipality(municipalities: readonly string[], name: string): string | undefined {
  const key = normalizeName(name);
  return municipalities.find((m) => normalizeName(m) === key);
}

/** The registry's municipalities for a message: `«Зима», «Саянск» и ещё 12`. */
export function municipalityList(municipalities: readonly string[], shown = 10): string {
  const listed = municipalities
    .slice(0, shown)
    .map((m) => `«${m}»`)
    .join(', ');
  const more = municipalities.length - shown;
  return more > 0 ? `${listed} и ещё ${more}` : listed;
}

/** The answer to a request naming a municipality the registry does not hold. */
export function unknownMunicipalityMessage(name: string, municipalities: readonly string[]): string {
  return `Муниципалитета «${clip(name, 60)}» нет в реестре. В реестре: ${municipalityList(municipalities) || 'пока ни одного'}.`;
}
