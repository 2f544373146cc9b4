import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AccountView } from '@profmonitor/domain';
import { api } from '@/lib/api-client';
import { accountsQueryOptions } from './get-accounts';

/** Deactivate or reactivate an account, set a new password or its e-mail (null: none). */
export type AccountChange = { active?: boolean; password?: string; email?: string | null };

export type UpdateAccountVariables = { id: number; change: AccountChange };

export const updateAccount = ({ id, change }: UpdateAccountVariables): Promise<AccountView> =>
  api.patch<AccountView>(`/accounts/${id}`, change);

export function useUpdateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAccount,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountsQueryOptions().queryKey }),
  });
}
