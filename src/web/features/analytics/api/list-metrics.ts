import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { MetricCatalogueSchema } from '../../../../shared/contracts/analytics';
import { apiFetch } from '../../../lib/api-client';
import { analyticsKeys } from './keys';

export type MetricCatalogue = z.infer<typeof MetricCatalogueSchema>;

/** The trend metrics and figures with their Japanese names and sections. */
export const listMetrics = (signal?: AbortSignal) => apiFetch<MetricCatalogue>('/api/analytics/metrics', { signal });

export const metricsQueryOptions = queryOptions({ queryKey: analyticsKeys.metrics, queryFn: ({ signal }) => listMetrics(signal), staleTime: Infinity });

export function useMetrics() {
  return useQuery(metricsQueryOptions);
}
