import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { AssessmentInputSchema } from '../../../../shared/contracts/plans';
import { apiFetch } from '../../../lib/api-client';
import { planKeys } from './keys';
import type { Assessment } from './list-assessments';

export { AssessmentInputSchema };
export type AssessmentInput = z.input<typeof AssessmentInputSchema>;

export const createAssessment = (clientId: string, input: AssessmentInput) =>
  apiFetch<Assessment>(`/api/clients/${encodeURIComponent(clientId)}/assessments`, { method: 'POST', body: input });

export function useCreateAssessment(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AssessmentInput) => createAssessment(clientId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.assessments(clientId) }),
  });
}
