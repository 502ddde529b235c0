import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { EventStatsSchema } from '../../../../shared/contracts/events';
import { apiFetch } from '../../../lib/api-client';
import { eventKeys } from './keys';

export type EventStats = z.infer<typeof EventStatsSchema>;

export const getEventStats = (id: string, signal?: AbortSignal) => apiFetch<EventStats>(`/api/events/${encodeURIComponent(id)}/stats`, { signal });

export function useEventStats(id: string, enabled = true) {
  return useQuery(queryOptions({ queryKey: eventKeys.stats(id), queryFn: ({ signal }) => getEventStats(id, signal), enabled }));
}
