import type { IndicatorValueView } from '@profmonitor/domain';
import { indicatorTiles, type Tile } from '@/lib/tiles';

export type { Tile } from '@/lib/tiles';
export { combinedStatus } from '@/lib/indicators';

/**
 * One tile per indicator in the order of the definitions (coverage first), from the
 * municipality's values of the period; completeness pooled into one tile.
 */
export const overviewTiles = (values: readonly IndicatorValueView[], period: string): Tile[] =>
  indicatorTiles(values, period);

/** True when the period has no value at all yet: nothing has been loaded for it. */
export const hasNoData = (tiles: readonly Tile[]): boolean => tiles.every((tile) => tile.value === null);

export interface Laggard {
  /** An organization's code, or a municipality's name. */
  code: string;
  value: number;
}

/** Whose values a level is compared by: its organizations', or the region's municipalities'. */
export type ComparedBy = 'organization' | 'municipality';

/** The organization or municipality a value is of, as compared; null: not one of them. */
const comparedKey = (value: IndicatorValueView, by: ComparedBy): string | null =>
  by === 'organization' ? value.org : value.org === null ? value.municipality : null;

/** The organizations (or municipalities) with a value in the period: how many are compared. */
export const compared = (values: readonly IndicatorValueView[], period: string, by: ComparedBy): number =>
  values.filter(
    (v) => comparedKey(v, by) !== null && v.period === period && v.sheet === null && v.value !== null,
  ).length;

/**
 * The organizations below the target in a period, worst first: who holds the city back; for the
 * region, its municipalities below the target.
 */
export function laggards(
  values: readonly IndicatorValueView[],
  period: string,
  by: ComparedBy = 'organization',
): Laggard[] {
  return values
    .filter(
      (v) =>
        comparedKey(v, by) !== null &&
        v.period === period &&
        v.sheet === null &&
        v.status === 'не достигнуто' &&
        v.value !== null,
    )
    .map((v) => ({ code: comparedKey(v, by)!, value: v.value! }))
    .sort((a, b) => a.value - b.value);
}
