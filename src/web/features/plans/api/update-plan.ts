import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { UpdatePlanSchema } from '../../../../shared/contracts/plans';
import { apiFetch } from '../../../lib/api-client';
import type { Plan } from './get-plan';
import { planKeys } from './keys';

export { UpdatePlanSchema };
export type UpdatePlanInput = z.input<typeof UpdatePlanSchema>;

/** Saves a draft with the version it was read at; 409 when someone saved in between. */
export const updatePlan = (clientId: string, planId: string, input: UpdatePlanInput) =>
  apiFetch<Plan>(`/api/clients/${encodeURIComponent(clientId)}/plans/${encodeURIComponent(planId)}`, { method: 'PUT', body: input });

export function useUpdatePlan(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ planId, input }: { planId: string; input: UpdatePlanInput }) => updatePlan(clientId, planId, input),
    onSuccess: (plan) => {
      queryClient.setQueryData(planKeys.plan(clientId, plan.id), plan);
      return queryClient.invalidateQueries({ queryKey: planKeys.client(clientId) });
    },
  });
}
