import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { AgreePlanSchema } from '../../../../shared/contracts/plans';
import { apiFetch } from '../../../lib/api-client';
import type { Plan } from './get-plan';
import { planKeys } from './keys';

export { AgreePlanSchema };
export type AgreePlanInput = z.input<typeof AgreePlanSchema>;

/** Agrees a draft: the previously agreed version becomes 過去の版 and the team hears of it. */
export const agreePlan = (clientId: string, planId: string, input: AgreePlanInput) =>
  apiFetch<Plan>(`/api/clients/${encodeURIComponent(clientId)}/plans/${encodeURIComponent(planId)}/agree`, { method: 'POST', body: input });

export function useAgreePlan(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ planId, input }: { planId: string; input: AgreePlanInput }) => agreePlan(clientId, planId, input),
    onSuccess: () => {
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: planKeys.client(clientId) }),
        queryClient.invalidateQueries({ queryKey: planKeys.dashboard }),
        // Agreeing posts a 計画の変更 event to the timeline.
        queryClient.invalidateQueries({ queryKey: ['clients', 'record', clientId, 'timeline'] }),
      ]);
    },
  });
}
