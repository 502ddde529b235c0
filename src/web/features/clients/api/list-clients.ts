import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ClientListQuerySchema, ClientSummarySchema } from '../../../../shared/contracts/clients';
import { apiFetch, type Page } from '../../../lib/api-client';
import { PAGE_SIZE, nextCursorOf } from '../../../lib/paging';
import { clientKeys } from './keys';

export type ClientSummary = z.infer<typeof ClientSummarySchema>;
export type ClientListFilters = z.infer<typeof ClientListQuerySchema>;

export const listClients = (filters: ClientListFilters, cursor?: string, signal?: AbortSignal) =>
  apiFetch<Page<ClientSummary>>('/api/clients', { query: { ...filters, limit: PAGE_SIZE, cursor }, signal });

export const clientsQueryOptions = (filters: ClientListFilters) =>
  infiniteQueryOptions({
    queryKey: [...clientKeys.list, filters],
    queryFn: ({ pageParam, signal }) => listClients(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursorOf,
  });

export function useClients(filters: ClientListFilters) {
  return useInfiniteQuery(clientsQueryOptions(filters));
}
