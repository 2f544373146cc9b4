import { QueryClient } from '@tanstack/react-query';
import { ApiError, type ErrorCode } from './api-client';

/** Failures that may pass by themselves; any other answer will not change on retry. */
const PASSING: ReadonlySet<ErrorCode> = new Set(['no_connection', 'internal', 'database_busy']);

function shouldRetry(failureCount: number, error: Error): boolean {
  const mayPass = !(error instanceof ApiError) || PASSING.has(error.code);
  return mayPass && failureCount < 2;
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Monitoring data changes when a report is imported, not from minute to minute.
      staleTime: 60_000,
      refetchOnWindowFocus: false,
      retry: shouldRetry,
    },
  },
});
