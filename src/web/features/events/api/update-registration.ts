import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { UpdateRegistrationSchema } from '../../../../shared/contracts/events';
import { apiFetch } from '../../../lib/api-client';
import { eventKeys } from './keys';
import type { Registration } from './list-registrations';

export type UpdateRegistrationInput = z.infer<typeof UpdateRegistrationSchema>;

export const updateRegistration = ({ eventId, id, input }: { eventId: string; id: string; input: UpdateRegistrationInput }) =>
  apiFetch<Registration>(`/api/events/${encodeURIComponent(eventId)}/registrations/${encodeURIComponent(id)}`, { method: 'PATCH', body: input });

export function useUpdateRegistration(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateRegistrationInput }) => updateRegistration({ eventId, id, input }),
    // Counts, groups and the waiting list all follow a change of one registration.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: eventKeys.detail(eventId) }),
  });
}
