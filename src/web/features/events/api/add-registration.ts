import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { StaffAddRegistrationSchema } from '../../../../shared/contracts/events';
import { apiFetch } from '../../../lib/api-client';
import { eventKeys } from './keys';
import type { Registration } from './list-registrations';

export { StaffAddRegistrationSchema };
export type AddRegistrationInput = z.infer<typeof StaffAddRegistrationSchema>;

export const addRegistration = ({ eventId, input }: { eventId: string; input: AddRegistrationInput }) =>
  apiFetch<Registration>(`/api/events/${encodeURIComponent(eventId)}/registrations`, { method: 'POST', body: input });

export function useAddRegistration(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AddRegistrationInput) => addRegistration({ eventId, input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: eventKeys.detail(eventId) }),
  });
}
