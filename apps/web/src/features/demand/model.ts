import { AREAS, formatPercent, type AreaGapView, type DemandView } from '@profmonitor/domain';
import { gapSide } from '@/lib/areas';
import type { Territory } from './api/get-demand';

export const TERRITORIES: readonly Territory[] = ['Город', 'Регион'];

/** «вакансии города», «вакансий региона»: the territory in the genitive. */
export const TERRITORY_GENITIVE: Record<Territory, string> = { Город: 'города', Регион: 'региона' };

/** The territory of the address (`?territory=Регион`); anything else is no choice (the API's default). */
export const parseTerritory = (text: string | undefined): Territory | undefined =>
  TERRITORIES.find((territory) => territory === text);

/**
 * What the page can show: the comparison; no labor demand for the period and territory (the
 * vacancies workbook is missing); or vacancies without any graduates' choices to compare.
 */
export type DemandState = 'ready' | 'noDemand' | 'noGraduates';

export function demandState(demand: Pick<DemandView, 'vacancies' | 'graduates'>): DemandState {
  if (demand.vacancies === null) return 'noDemand';
  if (demand.graduates === 0) return 'noGraduates';
  return 'ready';
}

const shares = (area: AreaGapView) =>
  `${formatPercent(area.graduatesShare)} выбора против ${formatPercent(area.vacanciesShare)} вакансий`;

/**
 * The largest surplus and deficit in one sentence each, as a person would say them; null for
 * a side with no area (no demand, or every area on the other side).
 */
export function extremeSentences(demand: Pick<DemandView, 'surplus' | 'deficit'>): {
  surplus: string | null;
  deficit: string | null;
} {
  const { surplus, deficit } = demand;
  return {
    surplus:
      surplus && gapSide(surplus.gap) === 'surplus'
        ? `Больше всего выпускников сверх потребности — ${surplus.name}: ${shares(surplus)}.`
        : null,
    deficit:
      deficit && gapSide(deficit.gap) === 'deficit'
        ? `Сильнее всего не хватает выпускников — ${deficit.name}: ${shares(deficit)}.`
        : null,
  };
}

/** An area of the classifier as the in-demand form offers it. */
export interface InDemandChoice {
  area: string;
  name: string;
  /** Its share of the period's vacancies; null without labor demand. */
  vacanciesShare: number | null;
  /** In demand now: on the committee's list, or by the 5 % rule without one. */
  inDemand: boolean;
}

/**
 * Every area of the classifier, the largest share of vacancies first (then by code), each
 * checked when it is in demand now.
 */
export function inDemandChoices(
  demand: Pick<DemandView, 'areas' | 'inDemandList' | 'vacancies'>,
): InDemandChoice[] {
  const rows = new Map(demand.areas.map((a) => [a.area, a]));
  const list = demand.inDemandList === null ? null : new Set(demand.inDemandList);
  return AREAS.map(({ code, shortName }) => {
    const row = rows.get(code);
    return {
      area: code,
      name: shortName,
      vacanciesShare: demand.vacancies === null ? null : (row?.vacanciesShare ?? 0),
      inDemand: list ? list.has(code) : (row?.inDemand ?? false),
    };
  }).sort((a, b) => (b.vacanciesShare ?? -1) - (a.vacanciesShare ?? -1) || a.area.localeCompare(b.area));
}

/**
 * Books of labor demand numbered per territory in the order they apply (date, then the API's
 * version within a date): the city's second book is «2» whatever the region's books are.
 */
export function numberedVersions<T extends { territory: string; date: string; version: number }>(
  versions: readonly T[],
): (T & { number: number })[] {
  const ordered = [...versions].sort((a, b) => a.date.localeCompare(b.date) || a.version - b.version);
  const numberOf = new Map<T, number>();
  const counts = new Map<string, number>();
  for (const version of ordered) {
    const next = (counts.get(version.territory) ?? 0) + 1;
    counts.set(version.territory, next);
    numberOf.set(version, next);
  }
  return versions.map((version) => ({ ...version, number: numberOf.get(version)! }));
}
