import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { QuestionResultSchema, ResultsQuerySchema, SurveyResultsSchema } from '../../../../shared/contracts/surveys';
import { apiFetch } from '../../../lib/api-client';
import { surveyKeys } from './keys';

export type SurveyResults = z.infer<typeof SurveyResultsSchema>;
export type QuestionResult = z.infer<typeof QuestionResultSchema>;
export type ResultsFilters = z.infer<typeof ResultsQuerySchema>;

export const getResults = (id: string, filters: ResultsFilters, signal?: AbortSignal) =>
  apiFetch<SurveyResults>(`/api/surveys/${encodeURIComponent(id)}/results`, { query: filters, signal });

export function useResults(id: string, filters: ResultsFilters) {
  return useQuery(queryOptions({ queryKey: [...surveyKeys.results(id), filters], queryFn: ({ signal }) => getResults(id, filters, signal), placeholderData: keepPreviousData }));
}

export const responsesCsvUrl = (id: string) => `/api/surveys/${encodeURIComponent(id)}/responses.csv`;
