import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { CreateTimelineEventSchema } from '../../../../shared/contracts/clients';
import { apiFetch } from '../../../lib/api-client';
import { clientKeys } from './keys';
import type { TimelineEvent } from './list-timeline';

export { CreateTimelineEventSchema };
export type CreateTimelineEventInput = z.input<typeof CreateTimelineEventSchema>;

/** Posts to the timeline; the server notifies every team member whose consent covers it. */
export const postTimelineEvent = (clientId: string, input: CreateTimelineEventInput) =>
  apiFetch<TimelineEvent>(`/api/clients/${encodeURIComponent(clientId)}/timeline`, { method: 'POST', body: input });

export function usePostTimelineEvent(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTimelineEventInput) => postTimelineEvent(clientId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clientKeys.timeline(clientId) }),
  });
}
