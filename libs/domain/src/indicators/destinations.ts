import type { DestinationLinkView } from '../contracts/api';
import type { GraduateRow } from '../reports/sheets/graduates';

/** How many graduates of one class went to one destination in one territory (none: null). */
export interface DestinationCount {
  graduateClass: string;
  destination: string;
  territory: string | null;
  graduates: number;
}

const keyOf = (c: Omit<DestinationCount, 'graduates'>) =>
  JSON.stringify([c.graduateClass, c.destination, c.territory]);

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** By class, destination and territory (none first), as SQLite's ORDER BY of them. */
const byKey = (a: DestinationCount, b: DestinationCount) =>
  compare(a.graduateClass, b.graduateClass) ||
  compare(a.destination, b.destination) ||
  compare(a.territory ?? '', b.territory ?? '');

/**
 * Sums signed counts by class, destination and territory, dropping those that come to 0.
 * Ordered by class, destination, territory (stable, for tests and storage).
 */
function sumCounts(
  lists: readonly { counts: readonly DestinationCount[]; sign: 1 | -1 }[],
): DestinationCount[] {
  const sums = new Map<string, DestinationCount>();
  for (const { counts, sign } of lists) {
    for (const c of counts) {
      const key = keyOf(c);
      const { graduateClass, destination, territory } = c;
      const sum = sums.get(key) ?? { graduateClass, destination, territory, graduates: 0 };
      sum.graduates += sign * c.graduates;
      sums.set(key, sum);
    }
  }
  return [...sums.values()].filter((c) => c.graduates !== 0).sort(byKey);
}

/**
 * An organization's graduates counted by class, destination and territory: what `GET
 * /api/destinations` shows, stored with the indicators (destination_counts) so that reading it
 * never walks graduate rows.
 */
export function destinationCounts(
  graduates: readonly Pick<GraduateRow, 'graduateClass' | 'destination' | 'territory'>[],
): DestinationCount[] {
  return sumCounts([
    {
      counts: graduates.map((g) => ({
        graduateClass: g.graduateClass,
        destination: g.destination,
        territory: g.territory ?? null,
        graduates: 1,
      })),
      sign: 1,
    },
  ]);
}

/** The municipality's counts after one organization's went from `before` to `after`. */
export function moveDestinationCounts(
  pooled: readonly DestinationCount[],
  before: readonly DestinationCount[],
  after: readonly DestinationCount[],
): DestinationCount[] {
  return sumCounts([
    { counts: pooled, sign: 1 },
    { counts: before, sign: -1 },
    { counts: after, sign: 1 },
  ]);
}

const CLASS_NODE: Record<string, string> = {
  '9': 'Выпускники 9 классов',
  '11': 'Выпускники 11 классов',
  СПО: 'Выпускники колледжа (СПО)',
};

/**
 * The flow chart's links: class → destination, and destination → territory where one is given,
 * in the order the counts come (a link first seen first).
 */
export function destinationLinks(counts: readonly DestinationCount[]): DestinationLinkView[] {
  const links = new Map<string, DestinationLinkView>();
  const add = (source: string, target: string, value: number) => {
    const link = links.get(`${source}→${target}`) ?? { source, target, value: 0 };
    link.value += value;
    links.set(`${source}→${target}`, link);
  };
  for (const row of counts) {
    add(CLASS_NODE[row.graduateClass] ?? row.graduateClass, row.destination, row.graduates);
    if (row.territory) add(row.destination, row.territory, row.graduates);
  }
  return [...links.values()];
}
