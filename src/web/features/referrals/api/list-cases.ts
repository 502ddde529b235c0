import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiFetch, type Page } from '../../../lib/api-client';
import { PAGE_SIZE, nextCursorOf } from '../../../lib/paging';
import { referralKeys } from './keys';
import type { CaseListFilters, ReferralCase } from './types';

/** Newest first, no names (identity never travels in lists); coordinators see every case. */
export const listCases = (filters: CaseListFilters, cursor?: string, signal?: AbortSignal) =>
  apiFetch<Page<ReferralCase>>('/api/referrals', { query: { ...filters, limit: PAGE_SIZE, cursor }, signal });

export const casesQueryOptions = (filters: CaseListFilters) =>
  infiniteQueryOptions({
    queryKey: referralKeys.list(filters),
    queryFn: ({ pageParam, signal }) => listCases(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursorOf,
  });

export function useCases(filters: CaseListFilters) {
  return useInfiniteQuery(casesQueryOptions(filters));
}
