// What the directory page says about an answer that is not the plain exact one: a broad search
// counted from a sample, or answered in another order than asked (decision 006).
import type { DirectoryFilters } from './api/search-directory';

type Sort = 'relevance' | 'distance' | 'updated' | 'name';

/** The order the server uses when none is chosen (mirrors resolveSort in search-directory.ts). */
export function requestedSortOf(filters: Pick<DirectoryFilters, 'sort' | 'q' | 'near'>): Sort {
  return filters.sort ?? (filters.q?.trim() ? 'relevance' : filters.near ? 'distance' : 'name');
}

/** A filter label with its facet count; `atLeast`: the count is a lower bound (counted from part of the matches). */
export function withCount(label: string, count: number | undefined, atLeast = false): string {
  return count == null ? label : `${label}（${count}${atLeast && count > 0 ? '+' : ''}）`;
}

/** The notes to show under the total, if any. */
export function searchNotes(answer: { sort: Sort; facets: { exact: boolean } | null } | undefined, filters: Pick<DirectoryFilters, 'sort' | 'q' | 'near'>) {
  if (!answer) return { sortFallback: null, facetsApprox: false };
  const requested = requestedSortOf(filters);
  return {
    sortFallback: answer.sort !== requested ? { actual: answer.sort, requested } : null,
    facetsApprox: answer.facets?.exact === false,
  };
}
