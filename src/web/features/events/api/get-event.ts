import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { eventKeys } from './keys';
import type { NetworkEvent } from './list-events';

export const getEvent = (id: string, signal?: AbortSignal) => apiFetch<NetworkEvent>(`/api/events/${encodeURIComponent(id)}`, { signal });

export const eventQueryOptions = (id: string) => queryOptions({ queryKey: eventKeys.detail(id), queryFn: ({ signal }) => getEvent(id, signal) });

export function useEvent(id: string) {
  return useQuery(eventQueryOptions(id));
}
