import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ProfessionMappingView } from '@profmonitor/domain';
import { api } from '@/lib/api-client';

/** The profession → area mapping that fills a vacancy row's missing area. */
export const getProfessions = (signal?: AbortSignal): Promise<ProfessionMappingView[]> =>
  api.get<ProfessionMappingView[]>('/professions', { signal });

export const professionsQueryOptions = () =>
  queryOptions({
    queryKey: ['professions'],
    queryFn: ({ signal }) => getProfessions(signal),
  });

export const useProfessions = () => useQuery(professionsQueryOptions());
