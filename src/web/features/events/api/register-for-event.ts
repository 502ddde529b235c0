import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { eventKeys } from './keys';
import type { NetworkEvent } from './list-events';

/** One click: name, e-mail, office, city and role come from the account. */
export const registerForEvent = (id: string) => apiFetch<NetworkEvent>(`/api/events/${encodeURIComponent(id)}/registration`, { method: 'POST', body: {} });

export function useRegisterForEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: registerForEvent,
    onSuccess: (event) => {
      queryClient.setQueryData(eventKeys.detail(event.id), event);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: eventKeys.lists }),
        queryClient.invalidateQueries({ queryKey: eventKeys.registrations(event.id) }),
      ]);
    },
  });
}
