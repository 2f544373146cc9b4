import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DemandView } from '@profmonitor/domain';
import { invalidateRecomputed } from '@/api/recomputed';
import { api } from '@/lib/api-client';

/** Area codes in demand for the period, or null to go back to the 5 % rule. */
export type InDemandVariables = { period: string; areas: string[] | null };

export const updateInDemand = ({ period, areas }: InDemandVariables): Promise<DemandView> =>
  api.put<DemandView>('/demand/in-demand', { areas }, { params: { period } });

/** The list changes the period's indicators (the server recomputes them): their pages ask again. */
export function useUpdateInDemand() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateInDemand,
    onSuccess: () => invalidateRecomputed(queryClient),
  });
}
