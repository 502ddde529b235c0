import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CopySurveySchema } from '../../../../shared/contracts/surveys';
import { apiFetch } from '../../../lib/api-client';
import { surveyKeys } from './keys';
import type { Survey } from './list-surveys';

export type CopySurveyInput = z.infer<typeof CopySurveySchema>;

/** A previous event's survey as a new draft (e.g. for the next session). */
export const copySurvey = ({ id, input }: { id: string; input: CopySurveyInput }) =>
  apiFetch<Survey>(`/api/surveys/${encodeURIComponent(id)}/copy`, { method: 'POST', body: input });

export function useCopySurvey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: copySurvey,
    onSuccess: (s) => {
      queryClient.setQueryData(surveyKeys.detail(s.id), s);
      return queryClient.invalidateQueries({ queryKey: surveyKeys.lists });
    },
  });
}
