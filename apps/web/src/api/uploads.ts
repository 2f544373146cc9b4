import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UploadView } from '@profmonitor/domain';
import { api } from '@/lib/api-client';

export type UploadsFilter = { org: string; period: string };

/** An organization's uploads for a period, newest first: what it sent, when, and what came of it. */
export const getUploads = (filter: UploadsFilter, signal?: AbortSignal): Promise<UploadView[]> =>
  api.get<UploadView[]>('/uploads', { params: filter, signal });

export const uploadsQueryOptions = (filter: UploadsFilter) =>
  queryOptions({
    queryKey: ['uploads', filter],
    queryFn: ({ signal }) => getUploads(filter, signal),
  });

export const useUploads = (filter: UploadsFilter) => useQuery(uploadsQueryOptions(filter));
