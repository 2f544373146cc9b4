import { useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportResult } from '@profmonitor/domain';
import { api } from '@/lib/api-client';
import type { TemplateKind } from '@/lib/uploads';
import { invalidateRecomputed } from './recomputed';

export type UploadRequest = {
  file: File;
  kind: TemplateKind;
  /** A registry that changes loaded years (409 `registry_changes_past`), stored as confirmed. */
  confirm?: boolean;
  /**
   * The committee's reason for an upload into an accepted report or a closed campaign (without
   * one such an upload is refused 423 `report_locked` / `period_closed`).
   */
  reason?: string;
  /**
   * When an archive was originally received, as a datetime-local input gives it (2024-05-31T14:30):
   * without an offset, the API reads it in the municipality's time zone. The committee's only.
   */
  receivedAt?: string;
};

type Progress = { sent: number; total: number };

/** Sends a workbook: the registry to its own endpoint, reports and vacancies to the upload log. */
export function uploadWorkbook(
  { file, kind, confirm, reason, receivedAt }: UploadRequest,
  options: { onProgress?: (sent: number, total: number) => void; onSent?: () => void; signal?: AbortSignal },
): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  if (kind !== 'registry')
    return api.upload<ImportResult>('/uploads', form, { ...options, params: { reason, receivedAt } });
  return api.upload<ImportResult>('/registry', form, {
    ...options,
    params: confirm ? { confirm: 'true' } : undefined,
  });
}

/**
 * Where an upload stands: sending (with the bytes sent), checking (the file is sent, the server
 * reads it), then the mutation's result or error.
 */
export function useUploadWorkbook() {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [checking, setChecking] = useState(false);
  const controller = useRef<AbortController | null>(null);

  const mutation = useMutation({
    mutationFn: (request: UploadRequest) => {
      controller.current = new AbortController();
      setProgress({ sent: 0, total: request.file.size });
      setChecking(false);
      return uploadWorkbook(request, {
        signal: controller.current.signal,
        onProgress: (sent, total) => setProgress({ sent, total }),
        onSent: () => setChecking(true),
      });
    },
    // Even a refused file is written to the upload log; an accepted one is recomputed.
    onSettled: () => invalidateRecomputed(queryClient),
  });

  return {
    ...mutation,
    /** Bytes sent of the total while sending. */
    progress,
    /** The whole file is sent and the server is checking it. */
    checking: mutation.isPending && checking,
    /** Stops sending the file (once the server is checking it, its answer will still come). */
    cancel: () => controller.current?.abort(),
  };
}
