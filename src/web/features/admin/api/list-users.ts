import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AdminUserSchema, UserListQuerySchema } from '../../../../shared/contracts/users';
import { apiFetch, type Page } from '../../../lib/api-client';
import { PAGE_SIZE, nextCursorOf } from '../../../lib/paging';
import { adminKeys } from './keys';

export type AdminUser = z.infer<typeof AdminUserSchema>;
export type UserListFilters = z.infer<typeof UserListQuerySchema>;

/** Sorted by reading (よみ), then id; keyset-paged. */
export const listUsers = (filters: UserListFilters, cursor?: string, signal?: AbortSignal) =>
  apiFetch<Page<AdminUser>>('/api/admin/users', { query: { ...filters, limit: PAGE_SIZE, cursor }, signal });

export const usersQueryOptions = (filters: UserListFilters) =>
  infiniteQueryOptions({
    queryKey: [...adminKeys.users, 'list', filters],
    queryFn: ({ pageParam, signal }) => listUsers(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursorOf,
  });

export function useUsers(filters: UserListFilters) {
  return useInfiniteQuery(usersQueryOptions(filters));
}
