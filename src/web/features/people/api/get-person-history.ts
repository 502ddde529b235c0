import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { peopleKeys } from './keys';

export interface ProfileChange {
  at: string;
  by: { id: string; name: string } | null;
  changed: Record<string, { before: unknown; after: unknown }>;
}

/** Newest first; readable by the person, coordinators and admins (others get 403). */
export const getPersonHistory = (id: string, signal?: AbortSignal) =>
  apiFetch<{ items: ProfileChange[] }>(`/api/people/${encodeURIComponent(id)}/history`, { signal });

export const personHistoryQueryOptions = (id: string) =>
  queryOptions({ queryKey: peopleKeys.history(id), queryFn: ({ signal }) => getPersonHistory(id, signal), retry: false });

export function usePersonHistory(id: string, enabled = true) {
  return useQuery({ ...personHistoryQueryOptions(id), enabled });
}
