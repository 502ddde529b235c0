import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { CreateOffersSchema } from '../../../../shared/contracts/referrals';
import { apiFetch } from '../../../lib/api-client';
import { referralKeys } from './keys';
import type { ReferralOffer } from './types';

export { CreateOffersSchema };
export type CreateOffersInput = z.input<typeof CreateOffersSchema>;

/** One or several candidates at once; the first to accept gets the case. */
export const createOffers = ({ caseId, input }: { caseId: string; input: CreateOffersInput }) =>
  apiFetch<{ items: ReferralOffer[] }>(`/api/referrals/${encodeURIComponent(caseId)}/offers`, { method: 'POST', body: input });

export function useCreateOffers() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createOffers, onSuccess: () => queryClient.invalidateQueries({ queryKey: referralKeys.all }) });
}
