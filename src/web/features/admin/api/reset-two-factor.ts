import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { adminKeys } from './keys';
import type { AdminUser } from './list-users';

/** Clears the account's authenticator and recovery codes; it must enrol again. */
export const resetTwoFactor = (id: string) => apiFetch<AdminUser>(`/api/admin/users/${encodeURIComponent(id)}/reset-2fa`, { method: 'POST', body: {} });

export function useResetTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetTwoFactor,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.users }),
  });
}
