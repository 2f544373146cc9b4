import { queryOptions, useQuery } from '@tanstack/react-query';
import type { LaborDemandVersionView } from '@profmonitor/domain';
import { api } from '@/lib/api-client';

/** The labor-demand workbooks of a period, every version, the one in force per territory marked. */
export const getDemandVersions = (period: string, signal?: AbortSignal): Promise<LaborDemandVersionView[]> =>
  api.get<LaborDemandVersionView[]>('/demand/versions', { params: { period }, signal });

export const demandVersionsQueryOptions = (period: string) =>
  queryOptions({
    queryKey: ['demand-versions', period],
    queryFn: ({ signal }) => getDemandVersions(period, signal),
  });

export const useDemandVersions = (period: string) => useQuery(demandVersionsQueryOptions(period));
