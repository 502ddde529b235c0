import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { referralKeys } from './keys';
import type { Backup } from './types';

/** coordinatorId null = ask every coordinator of the case's area (any of them may accept). */
export const requestBackup = ({ caseId, coordinatorId, note }: { caseId: string; coordinatorId: string | null; note: string }) =>
  apiFetch<Backup>(`/api/referrals/${encodeURIComponent(caseId)}/backups`, { method: 'POST', body: { coordinatorId, note } });

export function useRequestBackup() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: requestBackup, onSuccess: () => queryClient.invalidateQueries({ queryKey: referralKeys.all }) });
}
