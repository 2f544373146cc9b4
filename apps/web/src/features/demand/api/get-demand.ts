import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DemandView } from '@profmonitor/domain';
import { api } from '@/lib/api-client';

export type Territory = DemandView['territories'][number];

/**
 * Whose choices against which vacancies: the city's by default, the territory the period has; a
 * municipality's when named (else the account's own: its municipality, or the region).
 */
export type DemandFilter = { period: string; territory?: Territory; org?: string; municipality?: string };

/** Per area: graduates' choices against the territory's vacancies, the index, surplus and deficit. */
export const getDemand = (filter: DemandFilter, signal?: AbortSignal): Promise<DemandView> =>
  api.get<DemandView>('/demand', { params: filter, signal });

/** The key prefix of every demand table, whatever the period, territory and organization. */
export const demandQueryKey = ['demand'] as const;

export const demandQueryOptions = (filter: DemandFilter) =>
  queryOptions({
    queryKey: [...demandQueryKey, filter],
    queryFn: ({ signal }) => getDemand(filter, signal),
  });

export const useDemand = (filter: DemandFilter) => useQuery(demandQueryOptions(filter));
