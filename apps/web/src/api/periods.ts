import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PeriodView } from '@profmonitor/domain';
import { api } from '@/lib/api-client';

/** The reporting periods, oldest first. */
export const getPeriods = (signal?: AbortSignal): Promise<PeriodView[]> =>
  api.get<PeriodView[]>('/periods', { signal });

export const periodsQueryOptions = () =>
  queryOptions({
    queryKey: ['periods'],
    queryFn: ({ signal }) => getPeriods(signal),
    // Periods appear once a year; no need to ask again within a session.
    staleTime: Infinity,
  });

export const usePeriods = () => useQuery(periodsQueryOptions());
