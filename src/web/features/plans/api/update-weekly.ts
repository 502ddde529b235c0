import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { UpdateWeeklySchema } from '../../../../shared/contracts/plans';
import { apiFetch } from '../../../lib/api-client';
import type { Plan } from './get-plan';
import { planKeys } from './keys';

export type UpdateWeeklyInput = z.input<typeof UpdateWeeklySchema>;

export const updateWeekly = (clientId: string, planId: string, input: UpdateWeeklyInput) =>
  apiFetch<Plan>(`/api/clients/${encodeURIComponent(clientId)}/plans/${encodeURIComponent(planId)}/weekly`, { method: 'PUT', body: input });

export function useUpdateWeekly(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ planId, input }: { planId: string; input: UpdateWeeklyInput }) => updateWeekly(clientId, planId, input),
    onSuccess: (plan) => {
      queryClient.setQueryData(planKeys.plan(clientId, plan.id), plan);
      return queryClient.invalidateQueries({ queryKey: planKeys.client(clientId) });
    },
  });
}
