import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { authKeys } from './keys';

export const revokeToken = (id: string) => apiFetch<void>(`/api/me/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.tokens }),
  });
}
