import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TargetView } from '@profmonitor/domain';
import { api } from '@/lib/api-client';

/** Every indicator's target in force for a period: the committee's choice, else the default. */
export const getTargets = (period: string, signal?: AbortSignal): Promise<TargetView[]> =>
  api.get<TargetView[]>('/targets', { params: { period }, signal });

export const targetsQueryOptions = (period: string) =>
  queryOptions({
    queryKey: ['targets', period],
    queryFn: ({ signal }) => getTargets(period, signal),
  });

export const useTargets = (period: string) => useQuery(targetsQueryOptions(period));
