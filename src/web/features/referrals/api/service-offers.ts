// Service requests (事業所への紹介): a case sent to directory services, answered by the
// office's staff. One file for the small set of calls (list, inbox, create, answer, withdraw,
// complete); every mutation invalidates `referralKeys.all` like the consultant offers.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { CreateServiceOffersSchema, DeclineServiceOfferSchema } from '../../../../shared/contracts/referrals';
import { apiFetch } from '../../../lib/api-client';
import { referralKeys } from './keys';
import type { ServiceInboxItem, ServiceOffer } from './types';

export { DeclineServiceOfferSchema };
export type CreateServiceOffersInput = z.input<typeof CreateServiceOffersSchema>;
export type DeclineServiceOfferInput = z.input<typeof DeclineServiceOfferSchema>;

const base = (caseId: string) => `/api/referrals/${encodeURIComponent(caseId)}/service-offers`;
const one = (caseId: string, offerId: string, action: string) => `${base(caseId)}/${encodeURIComponent(offerId)}/${action}`;

export const serviceOffersQueryOptions = (caseId: string) =>
  queryOptions({ queryKey: referralKeys.serviceOffers(caseId), queryFn: ({ signal }) => apiFetch<{ items: ServiceOffer[] }>(base(caseId), { signal }) });

/** Requests of a case with their history (case managers and the assigned consultant: all). */
export function useServiceOffers(caseId: string, enabled = true) {
  return useQuery({ ...serviceOffersQueryOptions(caseId), enabled });
}

/** Provider staff: requests sent to my offices, with the consent-limited case. */
export function useServiceInbox() {
  return useQuery({ queryKey: referralKeys.serviceInbox, queryFn: ({ signal }) => apiFetch<{ items: ServiceInboxItem[] }>('/api/referrals/service-inbox', { signal }) });
}

function useReferralMutation<I>(fn: (input: I) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: referralKeys.all }) });
}

export const useCreateServiceOffers = () =>
  useReferralMutation(({ caseId, input }: { caseId: string; input: CreateServiceOffersInput }) => apiFetch<{ items: ServiceOffer[] }>(base(caseId), { method: 'POST', body: input }));
export const useAcceptServiceOffer = () => useReferralMutation(({ caseId, offerId }: { caseId: string; offerId: string }) => apiFetch<ServiceOffer>(one(caseId, offerId, 'accept'), { method: 'POST' }));
export const useDeclineServiceOffer = () =>
  useReferralMutation(({ caseId, offerId, input }: { caseId: string; offerId: string; input: DeclineServiceOfferInput }) => apiFetch<ServiceOffer>(one(caseId, offerId, 'decline'), { method: 'POST', body: input }));
export const useWithdrawServiceOffer = () =>
  useReferralMutation(({ caseId, offerId }: { caseId: string; offerId: string }) => apiFetch<ServiceOffer>(one(caseId, offerId, 'withdraw'), { method: 'POST', body: { note: '' } }));
export const useCompleteServiceOffer = () =>
  useReferralMutation(({ caseId, offerId, note }: { caseId: string; offerId: string; note: string }) => apiFetch<ServiceOffer>(one(caseId, offerId, 'complete'), { method: 'POST', body: { note } }));
