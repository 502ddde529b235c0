import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TrackQuestionSchema } from '../../../../shared/contracts/surveys';
import { apiFetch } from '../../../lib/api-client';
import { surveyKeys } from './keys';

export type TrackQuestionInput = z.infer<typeof TrackQuestionSchema>;

/** Marks a question as measuring one of the region's indicators (null stops tracking). */
export const trackQuestion = ({ surveyId, questionId, input }: { surveyId: string; questionId: string; input: TrackQuestionInput }) =>
  apiFetch<{ id: string; indicatorId: string | null }>(`/api/surveys/${encodeURIComponent(surveyId)}/questions/${encodeURIComponent(questionId)}/indicator`, { method: 'PUT', body: input });

/** Any survey's question: the indicator management page picks the survey in the dialog. */
export function useTrackQuestion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: trackQuestion,
    onSuccess: (_r, { surveyId }) => {
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: surveyKeys.detail(surveyId) }),
        queryClient.invalidateQueries({ queryKey: surveyKeys.lists }),
        queryClient.invalidateQueries({ queryKey: surveyKeys.indicators }),
      ]);
    },
  });
}
