import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

// TODO: take this type from the shared API contract once the API publishes one.
export type Health = {
  status: 'ok';
  version: string;
  organizations: number;
  periods: string[];
};

export const getHealth = (signal?: AbortSignal): Promise<Health> => api.get<Health>('/health', { signal });

export const healthQueryOptions = () =>
  queryOptions({
    queryKey: ['health'],
    queryFn: ({ signal }) => getHealth(signal),
  });

export const useHealth = () => useQuery(healthQueryOptions());
