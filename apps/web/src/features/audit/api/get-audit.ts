import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { AuditEntryView } from '@profmonitor/domain';
import { api } from '@/lib/api-client';

export const AUDIT_PAGE_SIZE = 50;

/** A page of the audit log, newest first; `before`: entries older than this id. */
export const getAuditPage = (before: number | undefined, signal?: AbortSignal): Promise<AuditEntryView[]> =>
  api.get<AuditEntryView[]>('/audit', { params: { limit: AUDIT_PAGE_SIZE, before }, signal });

export const auditQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: ['audit'],
    queryFn: ({ pageParam, signal }) => getAuditPage(pageParam, signal),
    initialPageParam: undefined as number | undefined,
    // A short page is the last one; otherwise the next page starts before its oldest entry.
    getNextPageParam: (page) => (page.length < AUDIT_PAGE_SIZE ? undefined : page.at(-1)?.id),
    // The log grows with every action: read it fresh on each visit.
    staleTime: 0,
  });

export const useAudit = () => useInfiniteQuery(auditQueryOptions());
