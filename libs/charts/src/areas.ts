import type { AreaGapView } from '@profmonitor/domain';

// How the gap between graduates' choices and vacancies reads, wherever an area's gap is shown.

/** The gap in percentage points as printed (one decimal), so that «0,0» is neither side. */
const shownGap = (gap: number | null): number => (gap === null ? 0 : Math.round(gap * 1000) / 10);

/** Which side an area is on: more graduates than vacancies, fewer, or even. */
export type GapSide = 'surplus' | 'deficit' | 'even';

export function gapSide(gap: number | null): GapSide {
  const shown = shownGap(gap);
  return shown > 0 ? 'surplus' : shown < 0 ? 'deficit' : 'even';
}

/** The marks of an area's row: «в дефиците» (fewer graduates than its share of vacancies), «востребована». */
export function areaMarks(area: Pick<AreaGapView, 'gap' | 'inDemand'>): string[] {
  return [
    ...(gapSide(area.gap) === 'deficit' ? ['в дефиците'] : []),
    ...(area.inDemand ? ['востребована'] : []),
  ];
}
