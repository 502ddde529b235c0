import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PeopleListQuerySchema, PersonProfile } from '../../../../shared/contracts/people';
import { apiFetch, type Page } from '../../../lib/api-client';
import { PAGE_SIZE, nextCursorOf } from '../../../lib/paging';
import { peopleKeys } from './keys';

export type { PersonProfile };
export type PeopleFilters = z.infer<typeof PeopleListQuerySchema>;

/** Sorted by reading (よみ); keyset-paged. The caseload is counted by the server. */
export const listPeople = (filters: PeopleFilters, cursor?: string, signal?: AbortSignal, limit = PAGE_SIZE) =>
  apiFetch<Page<PersonProfile>>('/api/people', { query: { ...filters, limit, cursor }, signal });

export const peopleQueryOptions = (filters: PeopleFilters) =>
  infiniteQueryOptions({
    queryKey: peopleKeys.list(filters),
    queryFn: ({ pageParam, signal }) => listPeople(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursorOf,
  });

export function usePeople(filters: PeopleFilters) {
  return useInfiniteQuery(peopleQueryOptions(filters));
}
