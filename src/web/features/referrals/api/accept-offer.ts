import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { referralKeys } from './keys';
import type { ReferralOffer } from './types';

/** Only the candidate; the case becomes theirs and the other live offers are withdrawn (409 if someone was first). */
export const acceptOffer = ({ caseId, offerId }: { caseId: string; offerId: string }) =>
  apiFetch<ReferralOffer>(`/api/referrals/${encodeURIComponent(caseId)}/offers/${encodeURIComponent(offerId)}/accept`, { method: 'POST' });

export function useAcceptOffer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptOffer,
    // Acceptance changes caseloads in the people registry too.
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: referralKeys.all }), queryClient.invalidateQueries({ queryKey: ['people'] })]),
  });
}
