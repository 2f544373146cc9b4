import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AccountView, Role } from '@profmonitor/domain';
import { api } from '@/lib/api-client';
import { accountsQueryOptions } from './get-accounts';

/**
 * A school account names its organization; a committee or an employment center may name its
 * municipality (the server: required for a committee when the registry holds several).
 */
export type NewAccount = {
  login: string;
  password: string;
  role: Role;
  organization?: string;
  municipality?: string;
  /** Where its reminders are e-mailed. */
  email?: string;
};

export const createAccount = (account: NewAccount): Promise<AccountView> =>
  api.post<AccountView>('/accounts', account);

export function useCreateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAccount,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountsQueryOptions().queryKey }),
  });
}
