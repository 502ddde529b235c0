import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AssignGroupsSchema } from '../../../../shared/contracts/events';
import { apiFetch } from '../../../lib/api-client';
import { eventKeys } from './keys';
import type { EventGroup } from './list-groups';

export type AssignGroupsInput = z.infer<typeof AssignGroupsSchema>;

/** `balanced` spreads each city over the groups (sizes within one); `clear` empties them. */
export const assignGroups = ({ eventId, input }: { eventId: string; input: AssignGroupsInput }) =>
  apiFetch<{ items: EventGroup[] }>(`/api/events/${encodeURIComponent(eventId)}/groups/assign`, { method: 'POST', body: input });

export function useAssignGroups(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AssignGroupsInput) => assignGroups({ eventId, input }),
    onSuccess: (data) => {
      queryClient.setQueryData(eventKeys.groups(eventId), data);
      return queryClient.invalidateQueries({ queryKey: eventKeys.registrations(eventId) });
    },
  });
}
