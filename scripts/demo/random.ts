/**
 * Seeded randomness for the demo: the same files on every run and every machine. Each purpose
 * (a school's staff, a period's graduates, …) gets its own stream, keyed by name, so that
 * changing one school's profile does not reshuffle the others.
 */

import { Rng as SeededRng, seedOf } from '../support/random';

export { addDays } from '../support/random';

export type { Weighted } from '../support/random';

const SEED = 'profmonitor-demo-2025';

export class Rng extends SeededRng {
  /** The stream for a purpose, e.g. `Rng.for('graduates', 'SCH01', '2023/2024')`. */
  static for(...keys: readonly (string | number)[]): Rng {
    return new Rng(seedOf([SEED, ...keys].join('|')));
  }
}

/** The same day `years` later (29 February becomes 28 February). */
export function addYears(iso: string, years: number): string {
  const monthDay = iso.slice(5) === '02-29' ? '02-28' : iso.slice(5);
  return `${Number(iso.slice(0, 4)) + years}-${monthDay}`;
}

export const clamp = (value: number, min = 0, max = 1) => Math.min(max, Math.max(min, value));
