import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CompletenessView } from '@profmonitor/domain';
import { api } from '@/lib/api-client';

/**
 * Per sheet: how many organizations sent it for the period, and which have not; of a
 * municipality, else of the account's own level.
 */
export const getCompleteness = (
  period: string,
  municipality?: string,
  signal?: AbortSignal,
): Promise<CompletenessView> =>
  api.get<CompletenessView>('/completeness', { params: { period, municipality }, signal });

export const completenessQueryOptions = (period: string, municipality?: string) =>
  queryOptions({
    queryKey: ['completeness', period, municipality ?? null],
    queryFn: ({ signal }) => getCompleteness(period, municipality, signal),
  });

export const useCompleteness = (period: string, municipality?: string) =>
  useQuery(completenessQueryOptions(period, municipality));
