import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SheetCompareView } from '@profmonitor/domain';
import { api } from '@/lib/api-client';

/** Two versions of one sheet of an organization's report (ids from the history). */
export type CompareFilter = { org: string; period: string; sheet: string; from: number; to: number };

/** What changed from one version of a sheet to another, and the indicators it moved. */
export const getHistoryCompare = (filter: CompareFilter, signal?: AbortSignal): Promise<SheetCompareView> =>
  api.get<SheetCompareView>('/history/compare', { params: filter, signal });

export const historyCompareQueryOptions = (filter: CompareFilter) =>
  queryOptions({
    queryKey: ['history', 'compare', filter],
    queryFn: ({ signal }) => getHistoryCompare(filter, signal),
  });

export const useHistoryCompare = (filter: CompareFilter) => useQuery(historyCompareQueryOptions(filter));
