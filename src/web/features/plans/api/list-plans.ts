import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PlanSummarySchema } from '../../../../shared/contracts/plans';
import { apiFetch } from '../../../lib/api-client';
import { planKeys } from './keys';

export type PlanSummary = z.infer<typeof PlanSummarySchema>;

export const listPlans = (clientId: string, signal?: AbortSignal) => apiFetch<{ items: PlanSummary[] }>(`/api/clients/${encodeURIComponent(clientId)}/plans`, { signal });

export const plansQueryOptions = (clientId: string) => queryOptions({ queryKey: planKeys.list(clientId), queryFn: ({ signal }) => listPlans(clientId, signal) });

export function usePlans(clientId: string) {
  return useQuery(plansQueryOptions(clientId));
}
