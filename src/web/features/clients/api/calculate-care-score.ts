import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CareScoreRequestSchema, CareScoreResultSchema } from '../../../../shared/contracts/clients';
import { apiFetch } from '../../../lib/api-client';

export type CareScoreRequest = z.input<typeof CareScoreRequestSchema>;
export type CareScoreResult = z.infer<typeof CareScoreResultSchema>;

export const calculateCareScore = (input: CareScoreRequest) => apiFetch<CareScoreResult>('/api/care-score', { method: 'POST', body: input });

export function useCalculateCareScore() {
  return useMutation({ mutationFn: calculateCareScore });
}
