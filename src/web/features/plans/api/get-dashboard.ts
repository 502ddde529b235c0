import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DashboardItemSchema, DashboardSchema } from '../../../../shared/contracts/clients';
import { apiFetch } from '../../../lib/api-client';
import { planKeys } from './keys';

export type Dashboard = z.infer<typeof DashboardSchema>;
export type DashboardItem = z.infer<typeof DashboardItemSchema>;

export const getDashboard = (signal?: AbortSignal) => apiFetch<Dashboard>('/api/dashboard/care', { signal });

export const dashboardQueryOptions = () => queryOptions({ queryKey: planKeys.dashboard, queryFn: ({ signal }) => getDashboard(signal) });

export function useDashboard() {
  return useQuery(dashboardQueryOptions());
}
