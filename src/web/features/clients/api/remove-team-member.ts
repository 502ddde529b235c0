import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { clientKeys } from './keys';

export const removeTeamMember = (clientId: string, memberId: string) =>
  apiFetch<void>(`/api/clients/${encodeURIComponent(clientId)}/team/${encodeURIComponent(memberId)}`, { method: 'DELETE' });

export function useRemoveTeamMember(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (memberId: string) => removeTeamMember(clientId, memberId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clientKeys.team(clientId) }),
  });
}
