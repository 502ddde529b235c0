import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { TrendsResponse } from '../../../../shared/contracts/analytics';
import { apiFetch } from '../../../lib/api-client';
import { analyticsKeys } from './keys';

export interface TrendsFilters {
  area?: string;
  /** Comma-separated metric keys. */
  metrics?: string;
  from?: string;
  to?: string;
}

/** Metrics per month from the snapshots ("<5" where suppressed). */
export const getTrends = (filters: TrendsFilters, signal?: AbortSignal) => apiFetch<TrendsResponse>('/api/analytics/trends', { query: { ...filters }, signal });

export const trendsQueryOptions = (filters: TrendsFilters) => queryOptions({ queryKey: analyticsKeys.trends(filters), queryFn: ({ signal }) => getTrends(filters, signal) });

export function useTrends(filters: TrendsFilters) {
  return useQuery({ ...trendsQueryOptions(filters), placeholderData: keepPreviousData });
}
