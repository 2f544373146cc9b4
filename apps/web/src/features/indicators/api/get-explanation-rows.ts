import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ExplanationRowsView } from '@profmonitor/domain';
import { api } from '@/lib/api-client';
import type { ExplanationTarget } from './get-explanation';

/** Thousands of rows would freeze the page; the rest are in the organizations' files. */
export const ROWS_SHOWN = 500;

/**
 * The first rows behind a value, and how many there are; there can be thousands, so they are
 * asked for only on request.
 */
export const getExplanationRows = (
  { id, period, org, municipality }: ExplanationTarget,
  signal?: AbortSignal,
) =>
  api.get<ExplanationRowsView>(`/indicators/${encodeURIComponent(id)}/rows`, {
    params: { period, org, municipality: org ? undefined : municipality, limit: ROWS_SHOWN },
    signal,
  });

export const explanationRowsQueryOptions = (target: ExplanationTarget) =>
  queryOptions({
    queryKey: [
      'indicators',
      target.id,
      'rows',
      { period: target.period, org: target.org, municipality: target.org ? undefined : target.municipality },
    ],
    queryFn: ({ signal }) => getExplanationRows(target, signal),
  });

export const useExplanationRows = (target: ExplanationTarget, { enabled }: { enabled: boolean }) =>
  useQuery({ ...explanationRowsQueryOptions(target), enabled });
