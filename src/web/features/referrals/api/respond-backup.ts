import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { referralKeys } from './keys';
import type { Backup } from './types';

/** A coordinator takes on (or declines) backing a consultant up on a case. */
export const respondBackup = ({ caseId, backupId, accept, note }: { caseId: string; backupId: string; accept: boolean; note?: string }) =>
  apiFetch<Backup>(`/api/referrals/${encodeURIComponent(caseId)}/backups/${encodeURIComponent(backupId)}/respond`, { method: 'POST', body: { accept, note: note ?? '' } });

export function useRespondBackup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: respondBackup,
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: referralKeys.all }), queryClient.invalidateQueries({ queryKey: ['people'] })]),
  });
}
