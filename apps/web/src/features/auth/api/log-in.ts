import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SessionUserView } from '@profmonitor/domain';
import { sessionQueryOptions } from '@/api/session';
import { api } from '@/lib/api-client';

export type Credentials = { login: string; password: string };

/**
 * Signs in; the server sets the session cookie and answers with the person, or bad_credentials,
 * or too_many_attempts with the seconds to wait.
 */
export const logIn = (credentials: Credentials): Promise<SessionUserView> =>
  api.post<SessionUserView>('/auth/login', credentials);

/**
 * Signs in and makes the answer the session. Whatever another person's session had loaded
 * into the cache is dropped first, so nothing of theirs shows for a moment.
 */
export function useLogIn() {
  const queryClient = useQueryClient();
  const sessionKey = sessionQueryOptions().queryKey;
  return useMutation({
    mutationFn: logIn,
    onSuccess: (user) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
      queryClient.setQueryData(sessionKey, user);
    },
  });
}
