import type { QueryClient } from '@tanstack/react-query';
import { sessionQueryOptions } from './session';

/**
 * After anything the server recomputes the period's figures for (an import, the committee's
 * in-demand list): indicators, completeness, demand, versions and maybe the periods change,
 * so everything but the session is asked again.
 */
export const invalidateRecomputed = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({
    predicate: (query) => query.queryKey[0] !== sessionQueryOptions().queryKey[0],
  });
