import {
  INDICATORS,
  type IndicatorId,
  type IndicatorValueView,
  type Status,
  type Target,
} from '@profmonitor/domain';
import { pooledCompleteness, scaleOf, type Scale } from '@/lib/indicators';

/** What one tile of the overview shows: the municipality's value of an indicator in a period. */
export interface Tile {
  id: IndicatorId;
  name: string;
  scale: Scale;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  target: Target;
  status: Status | null;
  change: number | null;
  /** A line under the value, e.g. what a pooled completeness is made of. */
  note: string | null;
}

export { combinedStatus } from '@/lib/indicators';

/**
 * One tile per indicator in the order of the definitions (coverage first), from the
 * municipality's values of the period. Completeness, which the API gives per sheet, is
 * pooled into one tile: all sheets sent over all sheets expected.
 */
export function overviewTiles(values: readonly IndicatorValueView[], period: string): Tile[] {
  const municipal = values.filter((v) => v.org === null && v.period === period);
  return INDICATORS.map((definition): Tile => {
    const own = municipal.filter((v) => v.id === definition.id);
    const base = { id: definition.id, name: definition.name, scale: scaleOf(definition.id), note: null };
    if (definition.kind === 'completeness') return { ...base, ...pooledCompleteness(own), change: null };
    const value = own[0];
    if (!value) {
      return {
        ...base,
        value: null,
        numerator: null,
        denominator: null,
        target: definition.defaultTarget,
        status: definition.defaultTarget.kind === 'none' ? null : 'нет данных',
        change: null,
      };
    }
    return {
      ...base,
      value: value.value,
      numerator: value.numerator,
      denominator: value.denominator,
      target: value.target,
      status: value.status,
      change: value.change,
    };
  });
}

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
