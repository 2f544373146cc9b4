/** How an indicator is judged in a period (set by the committee per period; defaults in the spec). */
export type Target =
  { kind: 'atLeast'; threshold: number } | { kind: 'growth' } | { kind: 'decrease' } | { kind: 'none' };

/** A target from its stored form (kind and threshold columns). */
export function targetFrom(kind: string, threshold: number | null): Target {
  if (kind === 'atLeast') return { kind, threshold: threshold ?? 0 };
  return { kind: kind === 'growth' || kind === 'decrease' ? kind : 'none' };
}

export type Status = 'достигнуто' | 'не достигнуто' | 'нет данных';

/**
 * The status of a value against its target: `≥ X` needs the value; growth and decrease need
 * the previous period's value of the same organization (or municipality) too. Informational
 * indicators (`none`) have no status.
 */
export function statusOf(value: number | null, target: Target, previous: number | null): Status | null {
  if (target.kind === 'none') return null;
  if (value === null) return 'нет данных';
  if (target.kind === 'atLeast') return value >= target.threshold - 1e-12 ? 'достигнуто' : 'не достигнуто';
  if (previous === null) return 'нет данных';
  const met = target.kind === 'growth' ? value > previous : value < previous;
  return met ? 'достигнуто' : 'не достигнуто';
}

/** `≥ 80,0 %`, `рост`, `снижение`, `—`. */
export function describeTarget(target: Target): string {
  switch (target.kind) {
    case 'atLeast':
      return `≥ ${formatPercent(target.threshold)}`;
    case 'growth':
      return 'рост';
    case 'decrease':
      return 'снижение';
    case 'none':
      return '—';
  }
}

/** A fraction as the UI shows it: `78,4 %` (one decimal, comma); null → `нет данных`. */
export function formatPercent(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return 'нет данных';
  // toPrecision(12) drops the binary noise of the division (201/400 · 1000 = 502.49999999999994),
  // so that a value exactly halfway rounds up, as it does by hand: 50,25 % → 50,3 %.
  return `${(Math.round(Number((fraction * 1000).toPrecision(12))) / 10).toFixed(1).replace('.', ',')} %`;
}
