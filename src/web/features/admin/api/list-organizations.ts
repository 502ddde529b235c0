import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { OrganizationSchema } from '../../../../shared/contracts/region';
import { apiFetch, type Page } from '../../../lib/api-client';
import { PAGE_SIZE, nextCursorOf } from '../../../lib/paging';
import { adminKeys } from './keys';

export type Organization = z.infer<typeof OrganizationSchema>;
export type OrganizationFilters = { q?: string };

export const listOrganizations = (filters: OrganizationFilters, cursor?: string, signal?: AbortSignal, limit = PAGE_SIZE) =>
  apiFetch<Page<Organization>>('/api/admin/organizations', { query: { ...filters, limit, cursor }, signal });

export const organizationsQueryOptions = (filters: OrganizationFilters) =>
  infiniteQueryOptions({
    queryKey: [...adminKeys.organizations, 'list', filters],
    queryFn: ({ pageParam, signal }) => listOrganizations(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursorOf,
  });

export function useOrganizations(filters: OrganizationFilters) {
  return useInfiniteQuery(organizationsQueryOptions(filters));
}

/** Up to 200 organisations for a select (the server's page maximum). */
export const organizationOptionsQueryOptions = queryOptions({
  queryKey: [...adminKeys.organizations, 'options'],
  queryFn: ({ signal }) => listOrganizations({}, undefined, signal, 200),
  staleTime: 60_000,
});

export function useOrganizationOptions() {
  return useQuery(organizationOptionsQueryOptions);
}
