import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ProvisionSchema } from '../../../../shared/contracts/clients';
import { apiFetch } from '../../../lib/api-client';
import { clientKeys } from './keys';

export type Provision = z.infer<typeof ProvisionSchema>;

export const listProvisions = (clientId: string, signal?: AbortSignal) =>
  apiFetch<{ items: Provision[] }>(`/api/clients/${encodeURIComponent(clientId)}/provisions`, { signal });

export const provisionsQueryOptions = (clientId: string) => queryOptions({ queryKey: clientKeys.provisions(clientId), queryFn: ({ signal }) => listProvisions(clientId, signal) });

export function useProvisions(clientId: string) {
  return useQuery(provisionsQueryOptions(clientId));
}
