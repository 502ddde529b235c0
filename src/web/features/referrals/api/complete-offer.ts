import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { referralKeys } from './keys';
import type { ReferralOffer } from './types';

/** The assigned consultant (or a case manager) records that the hand-over is complete. */
export const completeOffer = ({ caseId, offerId, note }: { caseId: string; offerId: string; note?: string }) =>
  apiFetch<ReferralOffer>(`/api/referrals/${encodeURIComponent(caseId)}/offers/${encodeURIComponent(offerId)}/complete`, { method: 'POST', body: { note: note ?? '' } });

export function useCompleteOffer() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: completeOffer, onSuccess: () => queryClient.invalidateQueries({ queryKey: referralKeys.all }) });
}
