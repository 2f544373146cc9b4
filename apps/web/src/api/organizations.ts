import { queryOptions, useQuery } from '@tanstack/react-query';
import type { OrganizationView } from '@profmonitor/domain';
import { api } from '@/lib/api-client';

export const getOrganizations = (signal?: AbortSignal): Promise<OrganizationView[]> =>
  api.get<OrganizationView[]>('/organizations', { signal });

export const organizationsQueryOptions = () =>
  queryOptions({
    queryKey: ['organizations'],
    queryFn: ({ signal }) => getOrganizations(signal),
    staleTime: 10 * 60_000,
  });

export const useOrganizations = () => useQuery(organizationsQueryOptions());

/** Organization names by code, for tables and charts that get codes from the API. */
export function namesByCode(organizations: readonly OrganizationView[] | undefined): Map<string, string> {
  return new Map((organizations ?? []).map((o) => [o.code, o.name]));
}
