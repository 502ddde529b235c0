import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateInvitationsSchema, InvitationsResultSchema } from '../../../../shared/contracts/surveys';
import { apiFetch } from '../../../lib/api-client';
import { surveyKeys } from './keys';

export type CreateInvitationsInput = z.infer<typeof CreateInvitationsSchema>;
export type InvitationsResult = z.infer<typeof InvitationsResultSchema>;

/** To registrants or checked-in participants (notice + e-mail), or N single-use links. */
export const createInvitations = ({ id, input }: { id: string; input: CreateInvitationsInput }) =>
  apiFetch<InvitationsResult>(`/api/surveys/${encodeURIComponent(id)}/invitations`, { method: 'POST', body: input });

export function useCreateInvitations(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateInvitationsInput) => createInvitations({ id, input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: surveyKeys.detail(id) }),
  });
}
