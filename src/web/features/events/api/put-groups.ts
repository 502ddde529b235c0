import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { PutGroupsSchema } from '../../../../shared/contracts/events';
import { apiFetch } from '../../../lib/api-client';
import { eventKeys } from './keys';
import type { EventGroup } from './list-groups';

export { PutGroupsSchema };
export type PutGroupsInput = z.infer<typeof PutGroupsSchema>;

export const putGroups = ({ eventId, input }: { eventId: string; input: PutGroupsInput }) =>
  apiFetch<{ items: EventGroup[] }>(`/api/events/${encodeURIComponent(eventId)}/groups`, { method: 'PUT', body: input });

export function usePutGroups(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PutGroupsInput) => putGroups({ eventId, input }),
    onSuccess: (data) => {
      queryClient.setQueryData(eventKeys.groups(eventId), data);
      return queryClient.invalidateQueries({ queryKey: eventKeys.registrations(eventId) });
    },
  });
}
