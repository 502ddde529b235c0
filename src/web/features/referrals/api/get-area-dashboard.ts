import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { referralKeys } from './keys';
import type { AreaDashboard } from './types';

/** Open offers of my area with their age (overdue flagged) and cases still without a consultant. */
export const getAreaDashboard = (municipality?: string, signal?: AbortSignal) =>
  apiFetch<AreaDashboard>('/api/referrals/dashboard/area', { query: { municipality }, signal });

export const areaDashboardQueryOptions = (municipality?: string) =>
  queryOptions({ queryKey: referralKeys.area(municipality), queryFn: ({ signal }) => getAreaDashboard(municipality, signal) });

export function useAreaDashboard(municipality?: string, enabled = true) {
  return useQuery({ ...areaDashboardQueryOptions(municipality), enabled });
}
