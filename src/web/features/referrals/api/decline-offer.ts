import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { DeclineOfferSchema } from '../../../../shared/contracts/referrals';
import { apiFetch } from '../../../lib/api-client';
import { referralKeys } from './keys';
import type { ReferralOffer } from './types';

export { DeclineOfferSchema };
export type DeclineOfferInput = z.input<typeof DeclineOfferSchema>;

/** A reason from the list, and a note (required for その他). */
export const declineOffer = ({ caseId, offerId, input }: { caseId: string; offerId: string; input: DeclineOfferInput }) =>
  apiFetch<ReferralOffer>(`/api/referrals/${encodeURIComponent(caseId)}/offers/${encodeURIComponent(offerId)}/decline`, { method: 'POST', body: input });

export function useDeclineOffer() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: declineOffer, onSuccess: () => queryClient.invalidateQueries({ queryKey: referralKeys.all }) });
}
