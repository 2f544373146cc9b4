import { queryOptions, useQuery } from '@tanstack/react-query';
import type { LaborDemandVersionView } from '@profmonitor/domain';
import { api } from '@/lib/api-client';

/**
 * The labor-demand workbooks of a period, every version, the one in force per territory marked;
 * of a municipality when named (its Город books and Регион's), else of the account's own level.
 */
export const getDemandVersions = (
  period: string,
  municipality?: string,
  signal?: AbortSignal,
): Promise<LaborDemandVersionView[]> =>
  api.get<LaborDemandVersionView[]>('/demand/versions', { params: { period, municipality }, signal });

export const demandVersionsQueryOptions = (period: string, municipality?: string) =>
  queryOptions({
    queryKey: ['demand-versions', period, municipality ?? null],
    queryFn: ({ signal }) => getDemandVersions(period, municipality, signal),
  });

export const useDemandVersions = (period: string, municipality?: string) =>
  useQuery(demandVersionsQueryOptions(period, municipality));
