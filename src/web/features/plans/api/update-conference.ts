import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { UpdateConferenceSchema } from '../../../../shared/contracts/plans';
import { apiFetch } from '../../../lib/api-client';
import { planKeys } from './keys';
import type { Conference } from './list-conferences';

export { UpdateConferenceSchema };
export type UpdateConferenceInput = z.input<typeof UpdateConferenceSchema>;

export const updateConference = (clientId: string, id: string, input: UpdateConferenceInput) =>
  apiFetch<Conference>(`/api/clients/${encodeURIComponent(clientId)}/conferences/${encodeURIComponent(id)}`, { method: 'PUT', body: input });

export function useUpdateConference(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateConferenceInput }) => updateConference(clientId, id, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.conferences(clientId) }),
  });
}
