import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { EventGroupSchema } from '../../../../shared/contracts/events';
import { apiFetch } from '../../../lib/api-client';
import { eventKeys } from './keys';

export type EventGroup = z.infer<typeof EventGroupSchema>;

export const listGroups = (id: string, signal?: AbortSignal) => apiFetch<{ items: EventGroup[] }>(`/api/events/${encodeURIComponent(id)}/groups`, { signal });

export function useGroups(id: string) {
  return useQuery(queryOptions({ queryKey: eventKeys.groups(id), queryFn: ({ signal }) => listGroups(id, signal) }));
}
