import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TargetView } from '@profmonitor/domain';
import { api } from '@/lib/api-client';

/**
 * Every indicator's target in force for a period: the committee's choice, else the default; of
 * a municipality when named, else of the account's own level.
 */
export const getTargets = (
  period: string,
  municipality?: string,
  signal?: AbortSignal,
): Promise<TargetView[]> => api.get<TargetView[]>('/targets', { params: { period, municipality }, signal });

/** The key without a municipality is the prefix of every level's: a change asks them all again. */
export const targetsQueryOptions = (period: string, municipality?: string) =>
  queryOptions({
    queryKey: municipality === undefined ? ['targets', period] : ['targets', period, municipality],
    queryFn: ({ signal }) => getTargets(period, municipality, signal),
  });

export const useTargets = (period: string, municipality?: string) =>
  useQuery(targetsQueryOptions(period, municipality));
