import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { CreateSurveySchema } from '../../../../shared/contracts/surveys';
import { apiFetch } from '../../../lib/api-client';
import { surveyKeys } from './keys';
import type { Survey } from './list-surveys';

export { CreateSurveySchema };
export type CreateSurveyInput = z.infer<typeof CreateSurveySchema>;

export const createSurvey = (input: CreateSurveyInput) => apiFetch<Survey>('/api/surveys', { method: 'POST', body: input });

export function useCreateSurvey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSurvey,
    onSuccess: (s) => {
      queryClient.setQueryData(surveyKeys.detail(s.id), s);
      return queryClient.invalidateQueries({ queryKey: surveyKeys.lists });
    },
  });
}
