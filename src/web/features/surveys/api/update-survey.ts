import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { UpdateSurveySchema } from '../../../../shared/contracts/surveys';
import { apiFetch } from '../../../lib/api-client';
import { surveyKeys } from './keys';
import type { Survey } from './list-surveys';

export { UpdateSurveySchema };
export type UpdateSurveyInput = z.infer<typeof UpdateSurveySchema>;

/** Also opens (status: open) and closes a survey. Questions are frozen once answered (409). */
export const updateSurvey = ({ id, input }: { id: string; input: UpdateSurveyInput }) =>
  apiFetch<Survey>(`/api/surveys/${encodeURIComponent(id)}`, { method: 'PATCH', body: input });

export function useUpdateSurvey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSurvey,
    onSuccess: (s) => {
      queryClient.setQueryData(surveyKeys.detail(s.id), s);
      return queryClient.invalidateQueries({ queryKey: surveyKeys.lists });
    },
  });
}
