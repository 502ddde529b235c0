import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { UpdateMeSchema, type Me } from '../../../../shared/contracts/auth';
import { apiFetch } from '../../../lib/api-client';
import { authKeys } from './keys';

export { UpdateMeSchema };
export type UpdateMeInput = z.infer<typeof UpdateMeSchema>;

export const updateMe = (input: UpdateMeInput) => apiFetch<Me>('/api/me', { method: 'PATCH', body: input });

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (me) => queryClient.setQueryData(authKeys.me, me),
  });
}
