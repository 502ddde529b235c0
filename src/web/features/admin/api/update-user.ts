import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { UpdateUserSchema } from '../../../../shared/contracts/users';
import { apiFetch } from '../../../lib/api-client';
import { adminKeys } from './keys';
import type { AdminUser } from './list-users';

export { UpdateUserSchema };
export type UpdateUserInput = z.infer<typeof UpdateUserSchema>;

export const updateUser = ({ id, input }: { id: string; input: UpdateUserInput }) =>
  apiFetch<AdminUser>(`/api/admin/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: input });

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.users }),
  });
}
