import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { AnswerConsultationSchema } from '../../../../shared/contracts/consultations';
import { apiFetch } from '../../../lib/api-client';
import type { Consultation } from './get-consultation';
import { consultationKeys } from './keys';

export { AnswerConsultationSchema };

/** A coordinator's answer, or the asker's follow-up. */
export const answerConsultation = ({ id, input }: { id: string; input: z.infer<typeof AnswerConsultationSchema> }) =>
  apiFetch<Consultation>(`/api/consultations/${encodeURIComponent(id)}/answers`, { method: 'POST', body: input });

export function useAnswerConsultation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.infer<typeof AnswerConsultationSchema>) => answerConsultation({ id, input }),
    onSuccess: (c) => {
      queryClient.setQueryData(consultationKeys.detail(id), c);
      return queryClient.invalidateQueries({ queryKey: consultationKeys.lists });
    },
  });
}
