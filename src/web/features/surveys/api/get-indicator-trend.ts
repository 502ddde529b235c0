import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TrendQuerySchema, TrendSchema } from '../../../../shared/contracts/surveys';
import { apiFetch } from '../../../lib/api-client';
import { surveyKeys } from './keys';

export type IndicatorTrend = z.infer<typeof TrendSchema>;
export type TrendFilters = z.infer<typeof TrendQuerySchema>;

export const getIndicatorTrend = (id: string, filters: TrendFilters, signal?: AbortSignal) =>
  apiFetch<IndicatorTrend>(`/api/indicators/${encodeURIComponent(id)}/trend`, { query: filters, signal });

export function useIndicatorTrend(id: string | undefined, filters: TrendFilters) {
  return useQuery(
    queryOptions({ queryKey: [...surveyKeys.trend(id ?? ''), filters], queryFn: ({ signal }) => getIndicatorTrend(id!, filters, signal), enabled: Boolean(id), placeholderData: keepPreviousData }),
  );
}
