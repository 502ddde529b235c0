import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PublicSurveySchema } from '../../../../shared/contracts/surveys';
import { apiFetch } from '../../../lib/api-client';
import { surveyKeys } from './keys';

export type PublicSurvey = z.infer<typeof PublicSurveySchema>;

export const getPublicSurvey = (token: string, signal?: AbortSignal) => apiFetch<PublicSurvey>(`/api/public/surveys/${encodeURIComponent(token)}`, { signal, silent: true });

export function usePublicSurvey(token: string) {
  return useQuery(queryOptions({ queryKey: surveyKeys.publicSurvey(token), queryFn: ({ signal }) => getPublicSurvey(token, signal) }));
}
