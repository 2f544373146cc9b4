import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ReportEventView } from '@profmonitor/domain';
import { api } from '@/lib/api-client';

/** A report's history: the uploads that stored something and the committee's decisions. */
export const getReportHistory = (
  { org, period }: { org: string; period: string },
  signal?: AbortSignal,
): Promise<ReportEventView[]> =>
  api.get<ReportEventView[]>('/reviews/history', { params: { org, period }, signal });

/** Every report's history starts with this key: a decision asks them again. */
export const REPORT_HISTORY_KEY = 'report-history';

export const reportHistoryQueryOptions = (org: string, period: string) =>
  queryOptions({
    queryKey: [REPORT_HISTORY_KEY, org, period],
    queryFn: ({ signal }) => getReportHistory({ org, period }, signal),
  });

export const useReportHistory = (org: string, period: string) =>
  useQuery(reportHistoryQueryOptions(org, period));
