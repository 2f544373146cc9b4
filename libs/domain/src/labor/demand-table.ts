import { areaByCode } from '../areas/areas';
import type { AreaGapView, DemandView } from '../contracts/api';
import { dissimilarity, type LaborDemandSnapshot } from '../indicators/labor-demand';

/** Demand against choices for one period and territory: the part of DemandView the domain computes. */
export type DemandTable = Pick<
  DemandView,
  'mismatch' | 'graduates' | 'vacancies' | 'areas' | 'surplus' | 'deficit'
>;

/**
 * The per-area table and the mismatch index from graduates' choices (gₐ) and a labor demand
 * (vₐ), as the spec defines them. In-demand areas are the period's (see inDemandAreas).
 */
export function demandTable(
  choices: Readonly<Record<string, number>>,
  demand: LaborDemandSnapshot | null,
  inDemand: ReadonlySet<string> | null,
): DemandTable {
  const { value, graduates, vacancies, areas } = dissimilarity(choices, demand?.vacanciesByArea ?? {});
  const rows: AreaGapView[] = areas.map((a) => ({
    ...a,
    name: areaByCode(a.area)?.shortName ?? a.area,
    // Without a demand, an area's vacancies are unknown, not zero.
    vacancies: demand ? a.vacancies : null,
    inDemand: inDemand?.has(a.area) ?? false,
  }));
  // Rounded so that equal differences (floating-point noise aside) tie and fall to the next key.
  const size = (gap: number | null) => Math.round((gap ?? 0) * 1e9);
  rows.sort(
    (a, b) =>
      Math.abs(size(b.gap)) - Math.abs(size(a.gap)) ||
      b.graduates - a.graduates ||
      (b.vacancies ?? 0) - (a.vacancies ?? 0) ||
      a.area.localeCompare(b.area),
  );
  // The largest surplus (deficit): the largest positive (negative) gap; of equal gaps, the area
  // with more graduates (vacancies), then the lower code.
  const extreme = (sign: 1 | -1, weight: (row: AreaGapView) => number) =>
    rows
      .filter((row) => Math.sign(size(row.gap)) === sign)
      .sort(
        (a, b) => sign * (size(b.gap) - size(a.gap)) || weight(b) - weight(a) || a.area.localeCompare(b.area),
      )[0] ?? null;
  return {
    mismatch: demand ? value : null,
    graduates,
    vacancies: demand ? vacancies : null,
    areas: rows,
    surplus: extreme(1, (row) => row.graduates),
    deficit: extreme(-1, (row) => row.vacancies ?? 0),
  };
}
