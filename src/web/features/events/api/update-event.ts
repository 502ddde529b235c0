import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { UpdateEventSchema } from '../../../../shared/contracts/events';
import { apiFetch } from '../../../lib/api-client';
import { eventKeys } from './keys';
import type { NetworkEvent } from './list-events';

export { UpdateEventSchema };
export type UpdateEventInput = z.infer<typeof UpdateEventSchema>;

export const updateEvent = ({ id, input }: { id: string; input: UpdateEventInput }) =>
  apiFetch<NetworkEvent>(`/api/events/${encodeURIComponent(id)}`, { method: 'PATCH', body: input });

export function useUpdateEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateEvent,
    onSuccess: (event) => {
      queryClient.setQueryData(eventKeys.detail(event.id), event);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: eventKeys.lists }),
        // A larger capacity promotes people from the waiting list.
        queryClient.invalidateQueries({ queryKey: eventKeys.registrations(event.id) }),
      ]);
    },
  });
}
