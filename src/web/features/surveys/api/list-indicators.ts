import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { IndicatorSchema } from '../../../../shared/contracts/surveys';
import { apiFetch, type Page } from '../../../lib/api-client';
import { surveyKeys } from './keys';

export type Indicator = z.infer<typeof IndicatorSchema>;

/** The region tracks a handful of indicators: one page. */
export const listIndicators = (signal?: AbortSignal) => apiFetch<Page<Indicator>>('/api/indicators', { signal });

export function useIndicators(enabled = true) {
  return useQuery(queryOptions({ queryKey: surveyKeys.indicators, queryFn: ({ signal }) => listIndicators(signal), enabled, staleTime: 5 * 60_000 }));
}
