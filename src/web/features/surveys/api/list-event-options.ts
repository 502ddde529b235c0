import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch, type Page } from '../../../lib/api-client';

export interface EventOption {
  id: string;
  title: string;
  startsAt: string;
}

/** Events to attach a survey to: the last year's and the coming ones (one page of 200). */
export const listEventOptions = (from: string, signal?: AbortSignal) => apiFetch<Page<EventOption>>('/api/events', { query: { from, limit: 200 }, signal });

export function useEventOptions(from: string) {
  return useQuery(queryOptions({ queryKey: ['events', 'list', 'options', from], queryFn: ({ signal }) => listEventOptions(from, signal), staleTime: 60_000 }));
}
