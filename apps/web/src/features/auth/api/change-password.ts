import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export type PasswordChange = { currentPassword: string; newPassword: string };

/**
 * 204 when changed. A wrong current password is wrong_current_password (the session goes on);
 * too many of them, too_many_attempts; an ended session, not_signed_in, which sends the person
 * to the sign-in page as any call does.
 */
export const changePassword = (change: PasswordChange): Promise<void> =>
  api.put<void>('/auth/password', change);

export const useChangePassword = () => useMutation({ mutationFn: changePassword });
