import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { referralKeys } from './keys';
import type { ReferralOffer } from './types';

/** Offers of a case with their event history; a candidate gets only their own. */
export const listOffers = (caseId: string, signal?: AbortSignal) =>
  apiFetch<{ items: ReferralOffer[] }>(`/api/referrals/${encodeURIComponent(caseId)}/offers`, { signal });

export const offersQueryOptions = (caseId: string) => queryOptions({ queryKey: referralKeys.offers(caseId), queryFn: ({ signal }) => listOffers(caseId, signal) });

export function useOffers(caseId: string, enabled = true) {
  return useQuery({ ...offersQueryOptions(caseId), enabled });
}
