import {
  INDICATORS,
  type IndicatorId,
  type IndicatorValueView,
  type Status,
  type Target,
} from '@profmonitor/domain';
import { pooledCompleteness, scaleOf, type Scale } from '@/lib/indicators';

/** What one tile shows (the overview, the Профминимум page): a level's value of an indicator in a period. */
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

/**
 * One tile per indicator (all, or those of `ids`) in the order of the definitions (coverage
 * first), from the level's values of the period. Completeness, which the API gives per sheet,
 * is pooled into one tile: all sheets sent over all sheets expected.
 */
export function indicatorTiles(
  values: readonly IndicatorValueView[],
  period: string,
  ids?: readonly IndicatorId[],
): Tile[] {
  const municipal = values.filter((v) => v.org === null && v.period === period);
  const definitions = ids ? INDICATORS.filter((definition) => ids.includes(definition.id)) : INDICATORS;
  return definitions.map((definition): Tile => {
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
