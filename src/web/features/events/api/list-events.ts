import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { EventListQuerySchema, EventSchema } from '../../../../shared/contracts/events';
import { apiFetch, type Page } from '../../../lib/api-client';
import { PAGE_SIZE, nextCursorOf } from '../../../lib/paging';
import { eventKeys } from './keys';

export type NetworkEvent = z.infer<typeof EventSchema>;
export type EventListFilters = z.infer<typeof EventListQuerySchema>;

export const listEvents = (filters: EventListFilters, cursor?: string, signal?: AbortSignal, limit = PAGE_SIZE) =>
  apiFetch<Page<NetworkEvent>>('/api/events', { query: { ...filters, limit, cursor }, signal });

/** The list view: server-side pages of 25, in start order. */
export const eventsQueryOptions = (filters: EventListFilters) =>
  infiniteQueryOptions({
    queryKey: [...eventKeys.lists, filters],
    queryFn: ({ pageParam, signal }) => listEvents(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursorOf,
  });

export function useEvents(filters: EventListFilters) {
  return useInfiniteQuery(eventsQueryOptions(filters));
}

/** The calendar view: one month (a month holds far fewer than 200 meetings). */
export function useMonthEvents(from: string, to: string, kind?: EventListFilters['kind']) {
  return useQuery(
    queryOptions({
      queryKey: [...eventKeys.lists, 'month', from, to, kind ?? ''],
      queryFn: ({ signal }) => listEvents({ from, to, kind }, undefined, signal, 200),
    }),
  );
}
