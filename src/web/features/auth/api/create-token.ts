import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { CreateApiTokenSchema } from '../../../../shared/contracts/auth';
import { apiFetch } from '../../../lib/api-client';
import { authKeys } from './keys';

export { CreateApiTokenSchema };
export type CreateTokenInput = z.infer<typeof CreateApiTokenSchema>;

export interface CreatedToken {
  id: string;
  /** The secret itself: returned by this call only, never again. */
  token: string;
  prefix: string;
}

export const createToken = (input: CreateTokenInput) => apiFetch<CreatedToken>('/api/me/tokens', { method: 'POST', body: input });

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.tokens }),
  });
}
