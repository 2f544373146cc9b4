import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CompletenessView } from '@profmonitor/domain';
import { api } from '@/lib/api-client';

/** Per sheet: how many organizations sent it for the period, and which have not. */
export const getCompleteness = (period: string, signal?: AbortSignal): Promise<CompletenessView> =>
  api.get<CompletenessView>('/completeness', { params: { period }, signal });

export const completenessQueryOptions = (period: string) =>
  queryOptions({
    queryKey: ['completeness', period],
    queryFn: ({ signal }) => getCompleteness(period, signal),
  });

export const useCompleteness = (period: string) => useQuery(completenessQueryOptions(period));
