// What the directory page says about an answer that is not the plain exact one: a broad search
// counted from a sample, or answered in another order than asked (decision 006).
import { defaultSearchSort, type SearchSort } from '../../../shared/contracts/directory';
import type { DirectoryFilters } from './api/search-directory';

/** The order the server answers in unless the search is too broad (the shared rule). */
export function requestedSortOf(filters: Pick<DirectoryFilters, 'sort' | 'q' | 'near'>): SearchSort {
  return defaultSearchSort({ sort: filters.sort, hasTerms: Boolean(filters.q?.trim()), hasNear: Boolean(filters.near) });
}

/** A filter label with its facet count; `atLeast`: the count is a lower bound (counted from part of the matches). */
export function withCount(label: string, count: number | undefined, atLeast = false): string {
  return count == null ? label : `${label}（${count}${atLeast && count > 0 ? '+' : ''}）`;
}

/** The notes to show under the total, if any. */
export function searchNotes(answer: { sort: SearchSort; facets: { exact: boolean } | null } | undefined, filters: Pick<DirectoryFilters, 'sort' | 'q' | 'near'>) {
  if (!answer) return { sortFallback: null, facetsApprox: false };
  const requested = requestedSortOf(filters);
  return {
    sortFallback: answer.sort !== requested ? { actual: answer.sort, requested } : null,
    facetsApprox: answer.facets?.exact === false,
  };
}
