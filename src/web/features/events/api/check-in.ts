import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CheckInSchema } from '../../../../shared/contracts/events';
import { apiFetch } from '../../../lib/api-client';
import { eventKeys } from './keys';
import type { Registration } from './list-registrations';

export type CheckInInput = z.infer<typeof CheckInSchema>;

/** From the list (registrationId) or with the code in the QR; `undo` reverses. */
export const checkIn = ({ eventId, input }: { eventId: string; input: CheckInInput }) =>
  apiFetch<Registration>(`/api/events/${encodeURIComponent(eventId)}/check-in`, { method: 'POST', body: input });

export function useCheckIn(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CheckInInput) => checkIn({ eventId, input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: eventKeys.detail(eventId) }),
  });
}
