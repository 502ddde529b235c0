import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { surveyKeys } from './keys';
import type { Survey } from './list-surveys';

export const getSurvey = (id: string, signal?: AbortSignal) => apiFetch<Survey>(`/api/surveys/${encodeURIComponent(id)}`, { signal });

export function useSurvey(id: string, enabled = true) {
  return useQuery(queryOptions({ queryKey: surveyKeys.detail(id), queryFn: ({ signal }) => getSurvey(id, signal), enabled }));
}
