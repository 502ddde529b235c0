import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CompareResponse } from '../../../../shared/contracts/analytics';
import { apiFetch } from '../../../lib/api-client';
import { analyticsKeys } from './keys';

export interface CompareFilters {
  area?: string;
  a?: string;
  b?: string;
}

/** Every metric in two months' snapshots and the change between them. */
export const compareMonths = (filters: Required<Pick<CompareFilters, 'a' | 'b'>> & CompareFilters, signal?: AbortSignal) =>
  apiFetch<CompareResponse>('/api/analytics/compare', { query: { ...filters }, signal });

export const compareQueryOptions = (filters: CompareFilters) =>
  queryOptions({ queryKey: analyticsKeys.compare(filters), queryFn: ({ signal }) => compareMonths({ ...filters, a: filters.a!, b: filters.b! }, signal) });

export function useCompare(filters: CompareFilters) {
  return useQuery({ ...compareQueryOptions(filters), enabled: Boolean(filters.a && filters.b) });
}
