import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ExplanationRowView } from '@profmonitor/domain';
import { api } from '@/lib/api-client';
import type { ExplanationTarget } from './get-explanation';

/** The rows behind a value; there can be thousands, so they are asked for only on request. */
export const getExplanationRows = ({ id, period, org }: ExplanationTarget, signal?: AbortSignal) =>
  api.get<ExplanationRowView[]>(`/indicators/${encodeURIComponent(id)}/rows`, {
    params: { period, org },
    signal,
  });

export const explanationRowsQueryOptions = (target: ExplanationTarget) =>
  queryOptions({
    queryKey: ['indicators', target.id, 'rows', { period: target.period, org: target.org }],
    queryFn: ({ signal }) => getExplanationRows(target, signal),
  });

export const useExplanationRows = (target: ExplanationTarget, { enabled }: { enabled: boolean }) =>
  useQuery({ ...explanationRowsQueryOptions(target), enabled });
