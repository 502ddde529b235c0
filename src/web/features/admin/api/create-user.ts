import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { CreateUserSchema } from '../../../../shared/contracts/users';
import { apiFetch } from '../../../lib/api-client';
import { adminKeys } from './keys';
import type { AdminUser } from './list-users';

export { CreateUserSchema };
export type CreateUserInput = z.infer<typeof CreateUserSchema>;

export const createUser = (input: CreateUserInput) => apiFetch<AdminUser>('/api/admin/users', { method: 'POST', body: input });

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.users }),
  });
}
