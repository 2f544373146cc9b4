import type { ProfminimumSchoolView } from '../contracts/api';
import { parsePeriod } from '../periods';
import { indicatorById, type IndicatorId } from './definitions';

/** The career guidance minimum's indicators, in the order pages and the report show them. */
export const PROFMINIMUM_INDICATORS = [
  'profminimum_coverage',
  'profminimum_above_basic',
  'future_ticket',
] as const satisfies readonly IndicatorId[];
export type ProfminimumIndicatorId = (typeof PROFMINIMUM_INDICATORS)[number];

/** A school's ratio of one of them (numerator, denominator, share). */
export interface ProfminimumRatio {
  numerator: number;
  denominator: number;
  value: number;
}

/**
 * A school's value of one of the three indicators from its grades, measured by the indicator's
 * own definition, so that a page or the report agrees with the stored values; null when it did
 * not send the sheet, or nothing is counted («Билет в будущее» left blank in every row).
 */
export function profminimumRatio(
  school: Pick<ProfminimumSchoolView, 'reported' | 'grades'>,
  id: ProfminimumIndicatorId,
  period: string,
): ProfminimumRatio | null {
  const definition = indicatorById(id);
  const at = parsePeriod(period);
  if (!school.reported || definition?.kind !== 'ratio' || !at) return null;
  const ratio = definition.measure({ profminimum: school.grades }, { period: at, inDemand: null });
  if (!ratio || ratio.denominator === 0) return null;
  return { ...ratio, value: ratio.numerator / ratio.denominator };
}
