import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ParticipantRoleSchema } from '../../../../shared/contracts/events';
import type { CompareResultsSchema } from '../../../../shared/contracts/surveys';
import { apiFetch } from '../../../lib/api-client';
import { surveyKeys } from './keys';

export type CompareResults = z.infer<typeof CompareResultsSchema>;
export interface CompareFilters {
  a?: string;
  b?: string;
  municipality?: string;
  role?: z.infer<typeof ParticipantRoleSchema>;
}

export const compareSurveys = (filters: CompareFilters, signal?: AbortSignal) => apiFetch<CompareResults>('/api/surveys/compare', { query: { ...filters }, signal });

export function useCompareSurveys(filters: CompareFilters) {
  return useQuery(queryOptions({ queryKey: [...surveyKeys.compare, filters], queryFn: ({ signal }) => compareSurveys(filters, signal), enabled: Boolean(filters.a && filters.b) }));
}
