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

// Names by code and the axis label are the charts' helpers, shared with the API's annual report.
export { axisLabel, namesByCode, type OrganizationNames } from '@profmonitor/charts';
