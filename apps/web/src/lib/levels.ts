import { sameMunicipality, type OrganizationView, type SessionUserView } from '@profmonitor/domain';

// Which pooled level a page shows, and how it says so. With one municipality in the registry it
// is the region as well, and the pages speak of it as they always have («по городу»); with
// several, a page shows one municipality («по муниципалитету «Зима»») or the region, pooled
// over every organization («по региону»).

/** The pooled level a page shows, with the words for it. */
export interface Level {
  /** city: the registry's only municipality; region: every organization of several municipalities. */
  kind: 'city' | 'municipality' | 'region';
  /** The municipality one of several is (what the API's `municipality` names); null otherwise. */
  municipality: string | null;
  /** As a row, a line or a summary is headed: «Город», «Зима», «Регион». */
  name: string;
  /** «по городу», «по муниципалитету «Зима»», «по региону». */
  by: string;
  /** In the genitive: «города», «муниципалитета «Зима»», «региона». */
  of: string;
}

export const CITY_LEVEL: Level = {
  kind: 'city',
  municipality: null,
  name: 'Город',
  by: 'по городу',
  of: 'города',
};

export const REGION_LEVEL: Level = {
  kind: 'region',
  municipality: null,
  name: 'Регион',
  by: 'по региону',
  of: 'региона',
};

export const municipalityLevel = (name: string): Level => ({
  kind: 'municipality',
  municipality: name,
  name,
  by: `по муниципалитету «${name}»`,
  of: `муниципалитета «${name}»`,
});

type Session = Pick<SessionUserView, 'role' | 'municipality' | 'municipalityCount'>;

/** Whether the registry holds several municipalities: the region is then a level of its own. */
export const severalMunicipalities = (user: Pick<SessionUserView, 'municipalityCount'>): boolean =>
  user.municipalityCount > 1;

/**
 * Whether the account picks the municipality a page shows: the ministry and an account of the
 * whole region (an employment center not bound to one), when there are several to pick from.
 */
export const choosesMunicipality = (user: Session): boolean =>
  severalMunicipalities(user) && (user.role === 'region' || user.municipality === null);

/** The registry's municipalities, from the organizations the account sees, in Russian order. */
export const municipalitiesOf = (organizations: readonly OrganizationView[] | undefined): string[] =>
  [...new Set((organizations ?? []).map((o) => o.municipality))].sort((a, b) => a.localeCompare(b, 'ru'));

/** The registry's organizations of a municipality (named in any case), in the registry's order. */
export const organizationsOf = (
  organizations: readonly OrganizationView[],
  municipality: string,
): OrganizationView[] => organizations.filter((o) => sameMunicipality(o.municipality, municipality));

/**
 * The level a page shows: the municipality chosen on it (`?municipality=`), else the account's
 * own — a bound account's municipality, the region for the ministry and an unbound account.
 * With one municipality, the city whatever was chosen.
 */
export function levelOf(user: Session, chosen?: string | null): Level {
  if (!severalMunicipalities(user)) return CITY_LEVEL;
  if (chosen) return municipalityLevel(chosen);
  if (user.role !== 'region' && user.municipality) return municipalityLevel(user.municipality);
  return REGION_LEVEL;
}

/** The level of a pooled value (`municipality` null: the region's, when there are several). */
export const levelOfValue = (user: Session, municipality: string | null): Level =>
  !severalMunicipalities(user)
    ? CITY_LEVEL
    : municipality === null
      ? REGION_LEVEL
      : municipalityLevel(municipality);

/** Whether a pooled value (org null) is of the level. */
export const isOfLevel = (
  level: Level,
  value: { org: string | null; municipality: string | null },
): boolean =>
  value.org === null &&
  (level.kind === 'city' ||
    (level.kind === 'region'
      ? value.municipality === null
      : value.municipality !== null && sameMunicipality(value.municipality, level.municipality!)));

/** «по городу» → «По городу»: the words at the start of a sentence. */
export const capitalized = (words: string): string => words.charAt(0).toUpperCase() + words.slice(1);
