import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AccountView } from '@profmonitor/domain';
import { api } from '@/lib/api-client';

export const getAccounts = (signal?: AbortSignal): Promise<AccountView[]> =>
  api.get<AccountView[]>('/accounts', { signal });

export const accountsQueryOptions = () =>
  queryOptions({
    queryKey: ['accounts'],
    queryFn: ({ signal }) => getAccounts(signal),
  });

export const useAccounts = () => useQuery(accountsQueryOptions());
