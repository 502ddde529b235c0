import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PlanSchema } from '../../../../shared/contracts/plans';
import { apiFetch } from '../../../lib/api-client';
import { planKeys } from './keys';

export type Plan = z.infer<typeof PlanSchema>;

/** planId `current`: the agreed plan, else the latest draft. */
export const getPlan = (clientId: string, planId: string, signal?: AbortSignal) =>
  apiFetch<Plan>(`/api/clients/${encodeURIComponent(clientId)}/plans/${encodeURIComponent(planId)}`, { signal });

export const planQueryOptions = (clientId: string, planId: string) =>
  queryOptions({ queryKey: planKeys.plan(clientId, planId), queryFn: ({ signal }) => getPlan(clientId, planId, signal), retry: false });

export function usePlan(clientId: string, planId: string, enabled = true) {
  return useQuery({ ...planQueryOptions(clientId, planId), enabled });
}
