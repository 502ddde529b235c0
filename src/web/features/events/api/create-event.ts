import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { CreateEventSchema } from '../../../../shared/contracts/events';
import { apiFetch } from '../../../lib/api-client';
import { eventKeys } from './keys';
import type { NetworkEvent } from './list-events';

export { CreateEventSchema };
export type CreateEventInput = z.infer<typeof CreateEventSchema>;

export const createEvent = (input: CreateEventInput) => apiFetch<NetworkEvent>('/api/events', { method: 'POST', body: input });

export function useCreateEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createEvent,
    onSuccess: (event) => {
      queryClient.setQueryData(eventKeys.detail(event.id), event);
      return queryClient.invalidateQueries({ queryKey: eventKeys.lists });
    },
  });
}
