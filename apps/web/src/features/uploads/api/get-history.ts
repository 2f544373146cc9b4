import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SheetVersionView } from '@profmonitor/domain';
import { api } from '@/lib/api-client';

export type HistoryFilter = { org: string; period: string };

/** The versions of each sheet of an organization's report for a period, newest first. */
export const getHistory = (filter: HistoryFilter, signal?: AbortSignal): Promise<SheetVersionView[]> =>
  api.get<SheetVersionView[]>('/history', { params: filter, signal });

export const historyQueryOptions = (filter: HistoryFilter) =>
  queryOptions({
    queryKey: ['history', filter],
    queryFn: ({ signal }) => getHistory(filter, signal),
  });

export const useHistory = (filter: HistoryFilter) => useQuery(historyQueryOptions(filter));
