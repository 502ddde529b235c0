import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { ConferenceInputSchema } from '../../../../shared/contracts/plans';
import { apiFetch } from '../../../lib/api-client';
import { planKeys } from './keys';
import type { Conference } from './list-conferences';

export { ConferenceInputSchema };
export type ConferenceInput = z.input<typeof ConferenceInputSchema>;

export const createConference = (clientId: string, input: ConferenceInput) =>
  apiFetch<Conference>(`/api/clients/${encodeURIComponent(clientId)}/conferences`, { method: 'POST', body: input });

export function useCreateConference(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ConferenceInput) => createConference(clientId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.conferences(clientId) }),
  });
}
