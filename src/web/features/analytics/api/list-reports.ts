import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Report } from '../../../../shared/contracts/analytics';
import { apiFetch } from '../../../lib/api-client';
import { analyticsKeys } from './keys';

export type ReportListItem = Pick<Report, 'id' | 'title' | 'area' | 'asOf' | 'sections' | 'createdAt' | 'createdByName' | 'pdfUrl'>;

/** Council reports made so far, newest first. */
export const listReports = (signal?: AbortSignal) => apiFetch<{ items: ReportListItem[] }>('/api/analytics/reports', { signal });

export const reportsQueryOptions = queryOptions({ queryKey: analyticsKeys.reports, queryFn: ({ signal }) => listReports(signal) });

export function useReports() {
  return useQuery(reportsQueryOptions);
}
