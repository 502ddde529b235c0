import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { MonitoringReportSchema } from '../../../../shared/contracts/plans';
import { apiFetch } from '../../../lib/api-client';
import { planKeys } from './keys';

export type MonitoringReport = z.infer<typeof MonitoringReportSchema>;

export const listMonitoring = (clientId: string, signal?: AbortSignal) =>
  apiFetch<{ items: MonitoringReport[] }>(`/api/clients/${encodeURIComponent(clientId)}/monitoring`, { signal });

export const monitoringQueryOptions = (clientId: string) => queryOptions({ queryKey: planKeys.monitoring(clientId), queryFn: ({ signal }) => listMonitoring(clientId, signal) });

export function useMonitoringReports(clientId: string) {
  return useQuery(monitoringQueryOptions(clientId));
}
