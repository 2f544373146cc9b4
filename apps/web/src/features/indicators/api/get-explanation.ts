import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ExplanationView, IndicatorId } from '@profmonitor/domain';
import { api } from '@/lib/api-client';

/** Whose value: the municipality's when org is undefined. */
export type ExplanationTarget = { id: IndicatorId; period: string; org?: string };

export const getExplanation = ({ id, period, org }: ExplanationTarget, signal?: AbortSignal) =>
  api.get<ExplanationView>(`/indicators/${encodeURIComponent(id)}/explanation`, {
    params: { period, org },
    signal,
  });

/** The key prefix of an indicator's explanations, whatever the period and organization. */
export const explanationsQueryKey = (id: IndicatorId) => ['indicators', id, 'explanation'] as const;

export const explanationQueryOptions = (target: ExplanationTarget) =>
  queryOptions({
    queryKey: [...explanationsQueryKey(target.id), { period: target.period, org: target.org }],
    queryFn: ({ signal }) => getExplanation(target, signal),
  });

export const useExplanation = (target: ExplanationTarget) => useQuery(explanationQueryOptions(target));
