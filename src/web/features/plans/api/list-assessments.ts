import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AssessmentSchema } from '../../../../shared/contracts/plans';
import { apiFetch } from '../../../lib/api-client';
import { planKeys } from './keys';

export type Assessment = z.infer<typeof AssessmentSchema>;

/** Newest first (実施日), so the first is the current assessment and the rest its history. */
export const listAssessments = (clientId: string, signal?: AbortSignal) =>
  apiFetch<{ items: Assessment[] }>(`/api/clients/${encodeURIComponent(clientId)}/assessments`, { signal });

export const assessmentsQueryOptions = (clientId: string) => queryOptions({ queryKey: planKeys.assessments(clientId), queryFn: ({ signal }) => listAssessments(clientId, signal) });

export function useAssessments(clientId: string) {
  return useQuery(assessmentsQueryOptions(clientId));
}
