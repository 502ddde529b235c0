// What the directory page says about an answer that is not the plain exact one: a broad search
// counted from a sample, or answered in another order than asked (decision 006).
import { defaultSearchSort, type SearchSort } from '../../../shared/contracts/directory';
import type { DirectoryFilters } from './api/search-directory';

/** The order the server answers in unless the search is too broad (the shared rule). */
export function requestedSortOf(filters: Pick<DirectoryFilters, 'sort' | 'q' | 'near'>): SearchSort {
  return defaultSearchSort({ sort: filters.sort, hasTerms: Boolean(filters.q?.trim()), hasNear: Boolean(filters.near) });
}

/** How the facet counts of an answer were counted: all matches, a uniform sample (estimates), or part of them (lower bounds). */
export type FacetCounting = 'exact' | 'estimate' | 'atLeast';

/** A filter label with its facet count: 「約」 before an estimate, + after a lower bound (never on a zero). */
export function withCount(label: string, count: number | undefined, counting: FacetCounting = 'exact'): string {
  if (count == null) return label;
  if (counting === 'estimate' && count > 0) return `${label}（約${count.toLocaleString('ja-JP')}）`;
  return `${label}（${count.toLocaleString('ja-JP')}${counting === 'atLeast' && count > 0 ? '+' : ''}）`;
}

/** The notes to show under the total, if any. */
export function searchNotes(answer: { sort: SearchSort; facets: { exact: boolean; estimated?: boolean } | null } | undefined, filters: Pick<DirectoryFilters, 'sort' | 'q' | 'near'>) {
  if (!answer) return { sortFallback: null, facetCounting: 'exact' as FacetCounting };
  const requested = requestedSortOf(filters);
  const f = answer.facets;
  return {
    sortFallback: answer.sort !== requested ? { actual: answer.sort, requested } : null,
    facetCounting: (!f || f.exact ? 'exact' : f.estimated ? 'estimate' : 'atLeast') as FacetCounting,
  };
}
