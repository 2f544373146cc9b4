import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ExplanationView, IndicatorId } from '@profmonitor/domain';
import { api } from '@/lib/api-client';

/**
 * Whose value: an organization's; else a municipality's when named; else the account's own
 * level (its municipality, or the region).
 */
export type ExplanationTarget = { id: IndicatorId; period: string; org?: string; municipality?: string };

export const getExplanation = ({ id, period, org, municipality }: ExplanationTarget, signal?: AbortSignal) =>
  api.get<ExplanationView>(`/indicators/${encodeURIComponent(id)}/explanation`, {
    params: { period, org, municipality: org ? undefined : municipality },
    signal,
  });

/** The key prefix of an indicator's explanations, whatever the period and organization. */
export const explanationsQueryKey = (id: IndicatorId) => ['indicators', id, 'explanation'] as const;

export const explanationQueryOptions = (target: ExplanationTarget) =>
  queryOptions({
    queryKey: [
      ...explanationsQueryKey(target.id),
      { period: target.period, org: target.org, municipality: target.org ? undefined : target.municipality },
    ],
    queryFn: ({ signal }) => getExplanation(target, signal),
  });

export const useExplanation = (target: ExplanationTarget) => useQuery(explanationQueryOptions(target));
