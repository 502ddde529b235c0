import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ConferenceSchema } from '../../../../shared/contracts/plans';
import { apiFetch } from '../../../lib/api-client';
import { planKeys } from './keys';

export type Conference = z.infer<typeof ConferenceSchema>;

export const listConferences = (clientId: string, signal?: AbortSignal) =>
  apiFetch<{ items: Conference[] }>(`/api/clients/${encodeURIComponent(clientId)}/conferences`, { signal });

export const conferencesQueryOptions = (clientId: string) => queryOptions({ queryKey: planKeys.conferences(clientId), queryFn: ({ signal }) => listConferences(clientId, signal) });

export function useConferences(clientId: string) {
  return useQuery(conferencesQueryOptions(clientId));
}
