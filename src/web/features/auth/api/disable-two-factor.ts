import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { PasswordConfirmInput } from './enable-two-factor';
import { authKeys } from './keys';

export const disableTwoFactor = (input: PasswordConfirmInput) =>
  apiFetch<unknown>('/api/auth/two-factor/disable', { method: 'POST', body: input });

export function useDisableTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: disableTwoFactor,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.me }),
  });
}
