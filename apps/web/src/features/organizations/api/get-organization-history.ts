import { queryOptions, useQuery } from '@tanstack/react-query';
import type { OrganizationChangeView } from '@profmonitor/domain';
import { api } from '@/lib/api-client';

/** The changes of an organization in the registry, newest first (the committee's). */
export const getOrganizationHistory = (
  code: string,
  signal?: AbortSignal,
): Promise<OrganizationChangeView[]> =>
  api.get<OrganizationChangeView[]>(`/organizations/${encodeURIComponent(code)}/history`, { signal });

export const organizationHistoryQueryOptions = (code: string) =>
  queryOptions({
    queryKey: ['organization-history', code],
    queryFn: ({ signal }) => getOrganizationHistory(code, signal),
  });

export const useOrganizationHistory = (code: string) => useQuery(organizationHistoryQueryOptions(code));
