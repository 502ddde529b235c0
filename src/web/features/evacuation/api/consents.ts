import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { RevokeConsentSchema } from '../../../../shared/contracts/clients';
import type { EvacuationConsentInputSchema } from '../../../../shared/contracts/evacuation';
import { apiFetch } from '../../../lib/api-client';
import { planPath, type PlanConsent } from './get-plan';
import { evacuationKeys } from './keys';

/** Records the guardian's consent to give the plan to a recipient (to the city: its officials may then read and approve). */
export function useRecordPlanConsent(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof EvacuationConsentInputSchema>) => apiFetch<PlanConsent>(`${planPath(clientId)}/consents`, { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: evacuationKeys.consents(clientId) }),
  });
}

/** Revokes it: the plan can no longer be given to that recipient. */
export function useRevokePlanConsent(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ consentId, input }: { consentId: string; input: z.input<typeof RevokeConsentSchema> }) =>
      apiFetch<PlanConsent>(`${planPath(clientId)}/consents/${encodeURIComponent(consentId)}/revoke`, { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: evacuationKeys.consents(clientId) }),
  });
}
