import { useEffect } from 'react';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionUserView } from '@profmonitor/domain';
import { api, ApiError, onUnauthorized } from '@/lib/api-client';

/** The signed-in person, or null when nobody is signed in (the API answers not_signed_in). */
export async function getSession(signal?: AbortSignal): Promise<SessionUserView | null> {
  try {
    return await api.get<SessionUserView>('/auth/me', { signal, expectUnauthorized: true });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'not_signed_in') return null;
    throw error;
  }
}

export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: ['session'],
    queryFn: ({ signal }) => getSession(signal),
    // Signing in and out set it; a 401 from any call clears it (useSessionExpiry).
    staleTime: Infinity,
  });

export const useSession = () => useQuery(sessionQueryOptions());

/**
 * The signed-in person, inside the part of the app that requires a session (the guard has
 * loaded it before rendering any page).
 */
export function useCurrentUser(): SessionUserView {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser() is used outside a signed-in page.');
  return data;
}

/** not_signed_in from any call means the session has ended: forget the person, and the guard asks to sign in. */
export function useSessionExpiry() {
  const queryClient = useQueryClient();
  useEffect(
    () => onUnauthorized(() => queryClient.setQueryData(sessionQueryOptions().queryKey, null)),
    [queryClient],
  );
}
