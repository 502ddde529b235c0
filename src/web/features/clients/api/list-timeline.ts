import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TimelineEventSchema } from '../../../../shared/contracts/clients';
import { apiFetch, type Page } from '../../../lib/api-client';
import { PAGE_SIZE, nextCursorOf } from '../../../lib/paging';
import { clientKeys } from './keys';

export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

export const listTimeline = (clientId: string, cursor?: string, signal?: AbortSignal) =>
  apiFetch<Page<TimelineEvent>>(`/api/clients/${encodeURIComponent(clientId)}/timeline`, { query: { limit: PAGE_SIZE, cursor }, signal });

export const timelineQueryOptions = (clientId: string) =>
  infiniteQueryOptions({
    queryKey: clientKeys.timeline(clientId),
    queryFn: ({ pageParam, signal }) => listTimeline(clientId, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursorOf,
  });

export function useTimeline(clientId: string) {
  return useInfiniteQuery(timelineQueryOptions(clientId));
}
