import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { OfficeListQuerySchema, OfficeSchema } from '../../../../shared/contracts/region';
import { apiFetch, type Page } from '../../../lib/api-client';
import { PAGE_SIZE, nextCursorOf } from '../../../lib/paging';
import { adminKeys } from './keys';

export type Office = z.infer<typeof OfficeSchema>;
export type OfficeListFilters = z.infer<typeof OfficeListQuerySchema>;

export const listOffices = (filters: OfficeListFilters, cursor?: string, signal?: AbortSignal, limit = PAGE_SIZE) =>
  apiFetch<Page<Office>>('/api/admin/offices', { query: { ...filters, limit, cursor }, signal });

export const officesQueryOptions = (filters: OfficeListFilters) =>
  infiniteQueryOptions({
    queryKey: [...adminKeys.offices, 'list', filters],
    queryFn: ({ pageParam, signal }) => listOffices(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursorOf,
  });

export function useOffices(filters: OfficeListFilters) {
  return useInfiniteQuery(officesQueryOptions(filters));
}
