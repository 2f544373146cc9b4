import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProfessionMappingView } from '@profmonitor/domain';
import { api } from '@/lib/api-client';
import { professionsQueryOptions } from './get-professions';

/** A profession's name, its ОКПДТР code or both, and the area (code) it belongs to. */
export type NewProfession = { profession?: string; okpdtr?: string; area: string };

export const addProfession = (line: NewProfession): Promise<ProfessionMappingView> =>
  api.post<ProfessionMappingView>('/professions', line);

export function useAddProfession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addProfession,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: professionsQueryOptions().queryKey }),
  });
}
