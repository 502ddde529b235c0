import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DirectoryHitSchema, DirectorySearchQuery, DirectorySearchResultSchema } from '../../../../shared/contracts/directory';
import { apiFetch, buildUrl, type QueryValue } from '../../../lib/api-client';
import { PAGE_SIZE } from '../../../lib/paging';
import { directoryKeys } from './keys';

export type DirectoryFilters = DirectorySearchQuery;
export type DirectoryHit = z.infer<typeof DirectoryHitSchema>;
export type DirectorySearchResult = z.infer<typeof DirectorySearchResultSchema>;

/** Repeatable filters travel comma-separated (`care=ventilator,suction`), which the API accepts. */
export function toQuery(filters: DirectoryFilters): Record<string, QueryValue> {
  const out: Record<string, QueryValue> = {};
  for (const [k, v] of Object.entries(filters)) out[k] = Array.isArray(v) ? v.join(',') : (v as QueryValue);
  return out;
}

export const searchDirectory = (filters: DirectoryFilters, cursor?: string, signal?: AbortSignal, limit = PAGE_SIZE) =>
  apiFetch<DirectorySearchResult>('/api/offices', { query: { ...toQuery(filters), limit, cursor, facets: cursor ? false : undefined }, signal });

/** The CSV of every hit of the current search (UTF-8 with BOM for Excel). */
export const exportCsvUrl = (filters: DirectoryFilters) => buildUrl('/api/offices/export.csv', toQuery(filters));

export const directorySearchOptions = (filters: DirectoryFilters) =>
  infiniteQueryOptions({
    queryKey: directoryKeys.search(filters),
    queryFn: ({ pageParam, signal }) => searchDirectory(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: DirectorySearchResult) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

export function useDirectorySearch(filters: DirectoryFilters) {
  return useInfiniteQuery(directorySearchOptions(filters));
}
