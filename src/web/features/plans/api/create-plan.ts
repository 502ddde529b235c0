import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreatePlanSchema } from '../../../../shared/contracts/plans';
import { apiFetch } from '../../../lib/api-client';
import type { Plan } from './get-plan';
import { planKeys } from './keys';

export type CreatePlanInput = z.input<typeof CreatePlanSchema>;

/** A new draft; with copyFromPlanId it starts as a copy of that version. */
export const createPlan = (clientId: string, input: CreatePlanInput) =>
  apiFetch<Plan>(`/api/clients/${encodeURIComponent(clientId)}/plans`, { method: 'POST', body: input });

export function useCreatePlan(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreatePlanInput) => createPlan(clientId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.client(clientId) }),
  });
}
