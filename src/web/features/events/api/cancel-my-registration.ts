import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { eventKeys } from './keys';

export const cancelMyRegistration = (id: string) => apiFetch<void>(`/api/events/${encodeURIComponent(id)}/registration`, { method: 'DELETE' });

export function useCancelMyRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelMyRegistration,
    onSuccess: (_v, id) => {
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: eventKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: eventKeys.lists }),
      ]);
    },
  });
}
