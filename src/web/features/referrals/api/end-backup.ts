import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { referralKeys } from './keys';
import type { Backup } from './types';

/** The consultant, the coordinator or a case manager ends a backup (requested or accepted). */
export const endBackup = ({ caseId, backupId, note }: { caseId: string; backupId: string; note?: string }) =>
  apiFetch<Backup>(`/api/referrals/${encodeURIComponent(caseId)}/backups/${encodeURIComponent(backupId)}/end`, { method: 'POST', body: { note: note ?? '' } });

export function useEndBackup() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: endBackup, onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: referralKeys.all }), queryClient.invalidateQueries({ queryKey: ['people'] })]) });
}
