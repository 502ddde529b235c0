import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { referralKeys } from './keys';
import type { Stats, StatsFilters } from './types';

/** Per month: acceptances with median / average days to acceptance, decline reasons, totals. */
export const getStats = (filters: StatsFilters, signal?: AbortSignal) => apiFetch<Stats>('/api/referrals/dashboard/stats', { query: { ...filters }, signal });

export const statsQueryOptions = (filters: StatsFilters) => queryOptions({ queryKey: referralKeys.stats(filters), queryFn: ({ signal }) => getStats(filters, signal) });

export function useStats(filters: StatsFilters) {
  return useQuery(statsQueryOptions(filters));
}
