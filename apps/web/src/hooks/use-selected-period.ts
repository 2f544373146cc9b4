import { useSearchParams } from 'react-router-dom';
import type { PeriodView } from '@profmonitor/domain';
import { usePeriods } from '@/api/periods';

export type SelectedPeriod =
  | { status: 'pending' }
  | { status: 'error'; error: Error; retry: () => void }
  /** No period exists yet: nothing has been loaded. */
  | { status: 'none' }
  /** The address names a period the system does not know (a stale or mistyped link). */
  | { status: 'unknown'; requested: string; latest: PeriodView }
  | { status: 'ready'; period: PeriodView; periods: PeriodView[] };

/** Picks the period a page shows from its address: `?period=2023/2024`, else the latest one. */
export function selectPeriod(periods: readonly PeriodView[], requested: string | null): SelectedPeriod {
  const latest = periods.at(-1);
  if (!latest) return { status: 'none' };
  if (requested === null || requested === '')
    return { status: 'ready', period: latest, periods: [...periods] };
  const found = periods.find((p) => p.code === requested);
  return found
    ? { status: 'ready', period: found, periods: [...periods] }
    : { status: 'unknown', requested, latest };
}

/** The period in the address, resolved against the periods the API knows. */
export function useSelectedPeriod(): SelectedPeriod {
  const [params] = useSearchParams();
  const periods = usePeriods();
  if (periods.isPending) return { status: 'pending' };
  if (periods.isError) return { status: 'error', error: periods.error, retry: () => void periods.refetch() };
  return selectPeriod(periods.data, params.get('period'));
}
