import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ProfminimumView } from '@profmonitor/domain';
import { api } from '@/lib/api-client';

/** A period's schools: the account's level, a chosen municipality's, or one school (`org`). */
export type ProfminimumFilter = { period: string; municipality?: string; org?: string };

export const getProfminimum = (filter: ProfminimumFilter, signal?: AbortSignal): Promise<ProfminimumView> =>
  api.get<ProfminimumView>('/profminimum', { params: filter, signal });

export const profminimumQueryOptions = (filter: ProfminimumFilter) =>
  queryOptions({
    queryKey: ['profminimum', filter],
    queryFn: ({ signal }) => getProfminimum(filter, signal),
  });

/** `enabled: false`: not asked for (a school page of a college). */
export const useProfminimum = (filter: ProfminimumFilter, { enabled = true } = {}) =>
  useQuery({ ...profminimumQueryOptions(filter), enabled });
