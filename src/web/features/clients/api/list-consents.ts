import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ConsentSchema } from '../../../../shared/contracts/clients';
import { apiFetch } from '../../../lib/api-client';
import { clientKeys } from './keys';

export type Consent = z.infer<typeof ConsentSchema>;

export const listConsents = (clientId: string, signal?: AbortSignal) =>
  apiFetch<{ items: Consent[] }>(`/api/clients/${encodeURIComponent(clientId)}/consents`, { signal });

export const consentsQueryOptions = (clientId: string) => queryOptions({ queryKey: clientKeys.consents(clientId), queryFn: ({ signal }) => listConsents(clientId, signal) });

export function useConsents(clientId: string) {
  return useQuery(consentsQueryOptions(clientId));
}
