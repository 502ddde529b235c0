import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ApproveEvacuationPlanSchema, SaveEvacuationPlanSchema } from '../../../../shared/contracts/evacuation';
import { apiFetch } from '../../../lib/api-client';
import { planPath, type EvacuationPlan } from './get-plan';
import { evacuationKeys } from './keys';

/** Saves a new version (version = the one read, 0 creates; 409 when someone saved since). */
export function useSavePlan(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof SaveEvacuationPlanSchema>) => apiFetch<EvacuationPlan>(planPath(clientId), { method: 'PUT', body: input }),
    onSuccess: (plan) => {
      queryClient.setQueryData(evacuationKeys.plan(clientId), plan);
      return queryClient.invalidateQueries({ queryKey: evacuationKeys.versions(clientId) });
    },
  });
}

/** The city official approves the version they read. */
export function useApprovePlan(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof ApproveEvacuationPlanSchema>) => apiFetch<EvacuationPlan>(`${planPath(clientId)}/approve`, { method: 'POST', body: input }),
    onSuccess: (plan) => {
      queryClient.setQueryData(evacuationKeys.plan(clientId), plan);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: evacuationKeys.versions(clientId) }),
        queryClient.invalidateQueries({ queryKey: ['evacuation', 'registers'] }),
      ]);
    },
  });
}
