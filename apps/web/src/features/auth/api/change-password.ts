import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionQueryOptions } from '@/api/session';
import { api, ApiError } from '@/lib/api-client';

export type PasswordChange = { currentPassword: string; newPassword: string };

/** 204 when changed; 400 or 401 with the server's Russian message when not. */
export const changePassword = (change: PasswordChange): Promise<void> =>
  api.put<void>('/auth/password', change, { expectUnauthorized: true });

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onError: (error) => {
      // A 401 here is a wrong current password or an ended session: asking who is signed in tells
      // them apart (an ended session sends the person to the sign-in page).
      if (error instanceof ApiError && error.status === 401)
        void queryClient.invalidateQueries({ queryKey: sessionQueryOptions().queryKey });
    },
  });
}
