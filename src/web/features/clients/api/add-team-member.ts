import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { AddTeamMemberSchema } from '../../../../shared/contracts/clients';
import { apiFetch } from '../../../lib/api-client';
import { clientKeys } from './keys';
import type { TeamMember } from './list-team';

export { AddTeamMemberSchema };
export type AddTeamMemberInput = z.input<typeof AddTeamMemberSchema>;

export const addTeamMember = (clientId: string, input: AddTeamMemberInput) =>
  apiFetch<TeamMember>(`/api/clients/${encodeURIComponent(clientId)}/team`, { method: 'POST', body: input });

export function useAddTeamMember(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AddTeamMemberInput) => addTeamMember(clientId, input),
    onSuccess: () => {
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: clientKeys.team(clientId) }),
        // A member of another organisation gaining access writes a provision record.
        queryClient.invalidateQueries({ queryKey: clientKeys.provisions(clientId) }),
      ]);
    },
  });
}
