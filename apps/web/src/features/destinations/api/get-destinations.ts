import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DestinationLinkView } from '@profmonitor/domain';
import { api } from '@/lib/api-client';

/** The city's graduates when org is undefined, else one school's or college's. */
export type DestinationsFilter = { period: string; org?: string };

export const getDestinations = (
  filter: DestinationsFilter,
  signal?: AbortSignal,
): Promise<DestinationLinkView[]> =>
  api.get<DestinationLinkView[]>('/destinations', { params: filter, signal });

export const destinationsQueryOptions = (filter: DestinationsFilter) =>
  queryOptions({
    queryKey: ['destinations', filter],
    queryFn: ({ signal }) => getDestinations(filter, signal),
  });

export const useDestinations = (filter: DestinationsFilter) => useQuery(destinationsQueryOptions(filter));
