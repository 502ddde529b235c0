import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { referralKeys } from './keys';
import type { ReferralCase } from './types';

/** Full or consent-limited view, decided by the server; a candidate's first read marks the offer 閲覧済み. */
export const getCase = (id: string, signal?: AbortSignal) => apiFetch<ReferralCase>(`/api/referrals/${encodeURIComponent(id)}`, { signal });

export const caseQueryOptions = (id: string) => queryOptions({ queryKey: referralKeys.detail(id), queryFn: ({ signal }) => getCase(id, signal), retry: false });

export function useCase(id: string) {
  return useQuery(caseQueryOptions(id));
}
