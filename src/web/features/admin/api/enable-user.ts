import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { adminKeys } from './keys';
import type { AdminUser } from './list-users';

export const enableUser = (id: string) => apiFetch<AdminUser>(`/api/admin/users/${encodeURIComponent(id)}/enable`, { method: 'POST', body: {} });

export function useEnableUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: enableUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.users }),
  });
}
