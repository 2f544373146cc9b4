import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OrganizationChange, OrganizationView } from '@profmonitor/domain';
import { invalidateRecomputed } from '@/api/recomputed';
import { api } from '@/lib/api-client';

export type UpdateOrganizationVariables = { code: string; change: OrganizationChange };

/** Edits or retires an organization; 409 `registry_changes_past` until `confirm` when loaded years change. */
export const updateOrganization = ({
  code,
  change,
}: UpdateOrganizationVariables): Promise<OrganizationView> =>
  api.patch<OrganizationView>(`/organizations/${encodeURIComponent(code)}`, change);

export function useUpdateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOrganization,
    // The registry decides who reports: the organizations, their history, indicators and
    // completeness are all asked again.
    onSuccess: () => invalidateRecomputed(queryClient),
  });
}
