import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Report } from '../../../../shared/contracts/analytics';
import { apiFetch } from '../../../lib/api-client';
import { analyticsKeys } from './keys';

/** One council report: its settings, the largest gaps and the changes since the previous one. */
export const getReport = (id: string, signal?: AbortSignal) => apiFetch<Report>(`/api/analytics/reports/${encodeURIComponent(id)}`, { signal });

export const reportQueryOptions = (id: string) => queryOptions({ queryKey: analyticsKeys.report(id), queryFn: ({ signal }) => getReport(id, signal) });

export function useReport(id: string) {
  return useQuery(reportQueryOptions(id));
}
