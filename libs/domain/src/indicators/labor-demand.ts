import { normalizeName } from '../text';
import type { DemandTerritory } from '../reports/sheets/vacancies';

/** The labor demand in force: a territory's vacancies by area as of a date. */
export interface LaborDemandSnapshot {
  territory: DemandTerritory;
  asOf: string;
  /** Whose Город vacancies these are (the Титул's `Муниципалитет`); null or absent: Регион, or the only municipality's. */
  municipality?: string | null;
  vacanciesByArea: Readonly<Record<string, number>>;
}

/** Share of all vacancies from which an area counts as in demand. */
export const IN_DEMAND_SHARE = 0.05;

/**
 * The labor demand of a period, from the demands whose date falls in it: territory Город when
 * the period has it, else Регион; the latest date of that territory.
 */
export function demandOfPeriod(demands: readonly LaborDemandSnapshot[]): LaborDemandSnapshot | null {
  return demandOfTerritory(demands, 'Город') ?? demandOfTerritory(demands, 'Регион');
}

/**
 * The labor demand a level measures against (spec, «In-demand areas» and «Mismatch index»).
 * With one municipality in the registry (`several` false) the level is the whole registry:
 * Город, else Регион (demandOfPeriod). With several, a municipality (its name) uses its own
 * Город demand, else Регион; the region (null) uses Регион.
 */
export function demandOfLevel(
  demands: readonly LaborDemandSnapshot[],
  municipality: string | null,
  several: boolean,
): LaborDemandSnapshot | null {
  if (!several) return demandOfPeriod(demands);
  const own =
    municipality === null
      ? null
      : latest(
          demands.filter((d) => d.territory === 'Город' && sameMunicipality(d.municipality, municipality)),
        );
  return own ?? demandOfTerritory(demands, 'Регион');
}

/** Municipality names compare as names do (normalizeName: case, spaces, ё, look-alikes aside). */
export const sameMunicipality = (a: string | null | undefined, b: string | null | undefined): boolean =>
  normalizeName(a ?? '') === normalizeName(b ?? '');

const latest = (demands: readonly LaborDemandSnapshot[]): LaborDemandSnapshot | null =>
  [...demands].sort((a, b) => b.asOf.localeCompare(a.asOf))[0] ?? null;

/** The labor demand of one territory in a period: its latest workbook. */
export function demandOfTerritory(
  demands: readonly LaborDemandSnapshot[],
  territory: DemandTerritory,
): LaborDemandSnapshot | null {
  return latest(demands.filter((d) => d.territory === territory));
}

/**
 * The in-demand areas of a period: the committee's explicit list when set; otherwise the areas
 * with at least 5 % of all vacancies of the period's labor demand; null without either (or when
 * the demand lists no vacancy at all).
 */
export function inDemandAreas(
  demand: LaborDemandSnapshot | null,
  explicitList: readonly string[] | null = null,
): ReadonlySet<string> | null {
  if (explicitList) return new Set(explicitList);
  if (!demand) return null;
  const total = Object.values(demand.vacanciesByArea).reduce((sum, n) => sum + n, 0);
  // A demand with no vacancies at all says nothing about which areas are in demand.
  if (total === 0) return null;
  return new Set(
    Object.entries(demand.vacanciesByArea)
      .filter(([, n]) => n / total >= IN_DEMAND_SHARE - 1e-12)
      .map(([area]) => area),
  );
}

/** One area of the demand-against-choices table. */
export interface AreaGap {
  area: string;
  graduates: number;
  vacancies: number;
  /** gₐ / G; null when G = 0. */
  graduatesShare: number | null;
  /** vₐ / V; null when V = 0. */
  vacanciesShare: number | null;
  /** graduatesShare − vacanciesShare: positive is a surplus of graduates, negative a deficit. */
  gap: number | null;
}

/**
 * The dissimilarity index D = ½ · Σₐ |gₐ/G − vₐ/V| over the areas of either side: 0 when
 * choices mirror the demand, 1 when they do not overlap. No value when G = 0 or V = 0.
 */
export function dissimilarity(
  graduatesByArea: Readonly<Record<string, number>>,
  vacanciesByArea: Readonly<Record<string, number>>,
): { value: number | null; graduates: number; vacancies: number; areas: AreaGap[] } {
  const sum = (counts: Readonly<Record<string, number>>) => Object.values(counts).reduce((s, n) => s + n, 0);
  const G = sum(graduatesByArea);
  const V = sum(vacanciesByArea);
  const codes = [...new Set([...Object.keys(graduatesByArea), ...Object.keys(vacanciesByArea)])].sort();
  const areas = codes.map((area): AreaGap => {
    const graduates = graduatesByArea[area] ?? 0;
    const vacancies = vacanciesByArea[area] ?? 0;
    const graduatesShare = G > 0 ? graduates / G : null;
    const vacanciesShare = V > 0 ? vacancies / V : null;
    const gap = graduatesShare !== null && vacanciesShare !== null ? graduatesShare - vacanciesShare : null;
    return { area, graduates, vacancies, graduatesShare, vacanciesShare, gap };
  });
  const value = G > 0 && V > 0 ? areas.reduce((s, a) => s + Math.abs(a.gap!), 0) / 2 : null;
  return { value, graduates: G, vacancies: V, areas };
}
