import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { EvacuationConsentSchema, EvacuationPlanBodySchema, EvacuationPlanSchema, EvacuationPlanVersionSchema, RuntimeResultSchema } from '../../../../shared/contracts/evacuation';
import { apiFetch } from '../../../lib/api-client';
import { evacuationKeys } from './keys';

export type EvacuationPlan = z.infer<typeof EvacuationPlanSchema>;
export type PlanBody = z.infer<typeof EvacuationPlanBodySchema>;
export type PlanVersion = z.infer<typeof EvacuationPlanVersionSchema>;
export type PlanConsent = z.infer<typeof EvacuationConsentSchema>;
export type RuntimeResult = z.infer<typeof RuntimeResultSchema>;

export const planPath = (clientId: string) => `/api/clients/${encodeURIComponent(clientId)}/evacuation-plan`;

/** The plan (or, version 0, the template built from the record). */
export function useEvacuationPlan(clientId: string) {
  return useQuery({ queryKey: evacuationKeys.plan(clientId), queryFn: ({ signal }) => apiFetch<EvacuationPlan>(planPath(clientId), { signal }) });
}

export function usePlanVersions(clientId: string, enabled: boolean) {
  return useQuery({ queryKey: evacuationKeys.versions(clientId), enabled, queryFn: ({ signal }) => apiFetch<{ items: PlanVersion[] }>(`${planPath(clientId)}/versions`, { signal }) });
}

/** The guardian's consents to give the plan to recipients (each use is a provision record). */
export function usePlanConsents(clientId: string, enabled: boolean) {
  return useQuery({ queryKey: evacuationKeys.consents(clientId), enabled, queryFn: ({ signal }) => apiFetch<{ items: PlanConsent[] }>(`${planPath(clientId)}/consents`, { signal }) });
}

/** The A4 sheet; with a consent, the recipient's version (only the consented items, recorded as a provision). */
export const planPrintUrl = (clientId: string, consentId?: string) => `${planPath(clientId)}/print.pdf${consentId ? `?consentId=${encodeURIComponent(consentId)}` : ''}`;
