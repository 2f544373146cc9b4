import { useMutation, useQueryClient, type UseMutationOptions } from '@tanstack/react-query';
import type { IndicatorId, Target, TargetView } from '@profmonitor/domain';
import { indicatorValuesQueryOptions } from '@/api/indicator-values';
import { api } from '@/lib/api-client';
import { explanationsQueryKey } from './get-explanation';
import { targetsQueryOptions } from './get-targets';

/** The body of PUT /api/targets/:id: the kind, and for `atLeast` a threshold as a fraction 0..1. */
export type TargetInput = { kind: Target['kind']; threshold?: number };

export type UpdateTargetVariables = { id: IndicatorId; period: string; data: TargetInput };

/** Sets an indicator's target for a period; the server answers with the target now in force. */
export const updateTarget = ({ id, period, data }: UpdateTargetVariables): Promise<TargetView> =>
  api.put<TargetView>(`/targets/${encodeURIComponent(id)}`, data, { params: { period } });

type UseUpdateTargetOptions = {
  mutationConfig?: Omit<UseMutationOptions<TargetView, Error, UpdateTargetVariables>, 'mutationFn'>;
};

/**
 * A new target changes the statuses of the period's values, so the targets, every list of
 * values (whatever their filter) and the indicator's explanations are asked for again.
 */
export const useUpdateTarget = ({ mutationConfig }: UseUpdateTargetOptions = {}) => {
  const queryClient = useQueryClient();
  const { onSuccess, ...restConfig } = mutationConfig ?? {};
  return useMutation({
    ...restConfig,
    mutationFn: updateTarget,
    onSuccess: async (...args) => {
      const [, { id, period }] = args;
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: targetsQueryOptions(period).queryKey }),
        // An empty filter is a prefix of every filter: values of all pages and periods.
        queryClient.invalidateQueries({ queryKey: indicatorValuesQueryOptions({}).queryKey }),
        queryClient.invalidateQueries({ queryKey: explanationsQueryKey(id) }),
      ]);
      await onSuccess?.(...args);
    },
  });
};
