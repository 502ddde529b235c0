import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SurveyListQuerySchema, SurveySchema } from '../../../../shared/contracts/surveys';
import { apiFetch, type Page } from '../../../lib/api-client';
import { PAGE_SIZE, nextCursorOf } from '../../../lib/paging';
import { surveyKeys } from './keys';

export type Survey = z.infer<typeof SurveySchema>;
export type SurveyListFilters = z.infer<typeof SurveyListQuerySchema>;

export const listSurveys = (filters: SurveyListFilters, cursor?: string, signal?: AbortSignal, limit = PAGE_SIZE) =>
  apiFetch<Page<Survey>>('/api/surveys', { query: { ...filters, limit, cursor }, signal });

export const surveysQueryOptions = (filters: SurveyListFilters, limit = PAGE_SIZE) =>
  infiniteQueryOptions({
    queryKey: [...surveyKeys.lists, filters, limit],
    queryFn: ({ pageParam, signal }) => listSurveys(filters, pageParam, signal, limit),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursorOf,
  });

export function useSurveys(filters: SurveyListFilters, limit = PAGE_SIZE) {
  return useInfiniteQuery(surveysQueryOptions(filters, limit));
}
