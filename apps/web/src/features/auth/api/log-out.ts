import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const logOut = (): Promise<void> => api.post<void>('/auth/logout');

/**
 * Signs out, then loads the sign-in page afresh: a full page load leaves nothing of this
 * person's data in memory for whoever uses the browser next.
 */
export const useLogOut = () =>
  useMutation({
    mutationFn: logOut,
    onSuccess: () => window.location.assign('/login'),
  });
