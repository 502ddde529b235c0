import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { surveyKeys } from './keys';

export const deleteSurvey = (id: string) => apiFetch<void>(`/api/surveys/${encodeURIComponent(id)}`, { method: 'DELETE' });

export function useDeleteSurvey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteSurvey,
    onSuccess: (_v, id) => {
      queryClient.removeQueries({ queryKey: surveyKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: surveyKeys.lists });
    },
  });
}
