import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { referralKeys } from './keys';
import type { Candidates } from './types';

/** Ranked consultants with points and the reasons per criterion (docs/referrals.md §3). */
export const getCandidates = (id: string, includeIneligible: boolean, signal?: AbortSignal) =>
  apiFetch<Candidates>(`/api/referrals/${encodeURIComponent(id)}/candidates`, { query: { includeIneligible: includeIneligible ? 'true' : undefined }, signal });

export const candidatesQueryOptions = (id: string, includeIneligible: boolean) =>
  queryOptions({ queryKey: referralKeys.candidates(id, includeIneligible), queryFn: ({ signal }) => getCandidates(id, includeIneligible, signal) });

export function useCandidates(id: string, includeIneligible: boolean, enabled = true) {
  return useQuery({ ...candidatesQueryOptions(id, includeIneligible), enabled });
}
