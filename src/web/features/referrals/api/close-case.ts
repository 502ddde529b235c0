import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { referralKeys } from './keys';
import type { ReferralCase } from './types';

/** A case manager ends the referral: live offers are withdrawn, a live backup ends. */
export const closeCase = ({ caseId, reason }: { caseId: string; reason: string }) =>
  apiFetch<ReferralCase>(`/api/referrals/${encodeURIComponent(caseId)}/close`, { method: 'POST', body: { reason } });

export function useCloseCase() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: closeCase, onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: referralKeys.all }), queryClient.invalidateQueries({ queryKey: ['people'] })]) });
}
