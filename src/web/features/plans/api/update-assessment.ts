import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { UpdateAssessmentSchema } from '../../../../shared/contracts/plans';
import { apiFetch } from '../../../lib/api-client';
import { planKeys } from './keys';
import type { Assessment } from './list-assessments';

export { UpdateAssessmentSchema };
export type UpdateAssessmentInput = z.input<typeof UpdateAssessmentSchema>;

/** Saves with the version it was read at; someone else's save in between gives 409. */
export const updateAssessment = (clientId: string, id: string, input: UpdateAssessmentInput) =>
  apiFetch<Assessment>(`/api/clients/${encodeURIComponent(clientId)}/assessments/${encodeURIComponent(id)}`, { method: 'PUT', body: input });

export function useUpdateAssessment(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateAssessmentInput }) => updateAssessment(clientId, id, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.assessments(clientId) }),
  });
}
