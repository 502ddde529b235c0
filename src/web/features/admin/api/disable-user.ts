import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { adminKeys } from './keys';
import type { AdminUser } from './list-users';

/** Ends all the account's sessions and revokes its API tokens (server side). */
export const disableUser = ({ id, reason }: { id: string; reason?: string }) =>
  apiFetch<AdminUser>(`/api/admin/users/${encodeURIComponent(id)}/disable`, { method: 'POST', body: reason ? { reason } : {} });

export function useDisableUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: disableUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.users }),
  });
}
