import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { referralKeys } from './keys';
import type { ReferralOffer } from './types';

/** The sender, the case's creator or a coordinator takes an unanswered offer back. */
export const withdrawOffer = ({ caseId, offerId, note }: { caseId: string; offerId: string; note?: string }) =>
  apiFetch<ReferralOffer>(`/api/referrals/${encodeURIComponent(caseId)}/offers/${encodeURIComponent(offerId)}/withdraw`, { method: 'POST', body: { note: note ?? '' } });

export function useWithdrawOffer() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: withdrawOffer, onSuccess: () => queryClient.invalidateQueries({ queryKey: referralKeys.all }) });
}
