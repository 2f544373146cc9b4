import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ImportResult, UploadView } from '@profmonitor/domain';
import { api } from '@/lib/api-client';

/** Whose uploads: an organization's (a school sees only its own whatever it asks), a period's. */
export type UploadsFilter = { org?: string; period?: string; limit?: number };

/** Uploads newest first: what was sent, when, by whom, and what came of it. */
export const getUploads = (filter: UploadsFilter, signal?: AbortSignal): Promise<UploadView[]> =>
  api.get<UploadView[]>('/uploads', { params: filter, signal });

export const uploadsQueryOptions = (filter: UploadsFilter) =>
  queryOptions({
    queryKey: ['uploads', filter],
    queryFn: ({ signal }) => getUploads(filter, signal),
  });

export const useUploads = (filter: UploadsFilter) => useQuery(uploadsQueryOptions(filter));

/** One upload with its full result: every error and warning, by sheet, row and column. */
export type UploadDetailView = UploadView & { result: ImportResult };

export const getUpload = (id: number, signal?: AbortSignal): Promise<UploadDetailView> =>
  api.get<UploadDetailView>(`/uploads/${id}`, { signal });

export const uploadQueryOptions = (id: number) =>
  queryOptions({
    queryKey: ['upload', id],
    queryFn: ({ signal }) => getUpload(id, signal),
    // An upload's log entry never changes.
    staleTime: Infinity,
  });

export const useUpload = (id: number) => useQuery(uploadQueryOptions(id));
