import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DrillDown } from '../../../../shared/contracts/analytics';
import { apiFetch } from '../../../lib/api-client';
import type { AnalyticsFilters } from './get-section';
import { analyticsKeys } from './keys';

export interface DrillDownCell {
  municipality: string;
  careItem?: string;
}

/** The clients of one aggregate cell that the viewer may open anyway (the server reads them in the viewer's own access). */
export const getDrillDown = (cell: DrillDownCell, filters: AnalyticsFilters, signal?: AbortSignal) =>
  apiFetch<DrillDown>('/api/analytics/drill-down', { query: { asOf: filters.asOf, municipality: cell.municipality, careItem: cell.careItem }, signal });

export const drillDownQueryOptions = (cell: DrillDownCell, filters: AnalyticsFilters) =>
  queryOptions({ queryKey: analyticsKeys.drillDown({ ...cell, asOf: filters.asOf }), queryFn: ({ signal }) => getDrillDown(cell, filters, signal), staleTime: 30_000 });

export function useDrillDown(cell: DrillDownCell | null, filters: AnalyticsFilters) {
  return useQuery({ ...drillDownQueryOptions(cell ?? { municipality: '' }, filters), enabled: cell !== null });
}
