import { describe, expect, it } from 'vitest';
import { requestedSortOf, searchNotes, withCount } from './search-notes';

describe('directory search notes', () => {
  it('knows the order the server picks when none is chosen', () => {
    expect(requestedSortOf({ q: '看護' })).toBe('relevance');
    expect(requestedSortOf({ q: '   ', near: '35.7,139.9' })).toBe('distance');
    expect(requestedSortOf({})).toBe('name');
    expect(requestedSortOf({ q: '看護', sort: 'updated' })).toBe('updated');
    // Relevance without a text term is reading order (the server answers so, no note).
    expect(requestedSortOf({ sort: 'relevance' })).toBe('name');
  });

  it('says when a broad search came back in another order or was counted from a sample', () => {
    expect(searchNotes({ sort: 'updated', facets: { exact: false, estimated: true } }, { q: '看護' })).toEqual({ sortFallback: { actual: 'updated', requested: 'relevance' }, facetCounting: 'estimate' });
    expect(searchNotes({ sort: 'distance', facets: { exact: false, estimated: false } }, { near: '35.7,139.9' })).toEqual({ sortFallback: null, facetCounting: 'atLeast' });
    expect(searchNotes({ sort: 'relevance', facets: { exact: true, estimated: false } }, { q: '看護' })).toEqual({ sortFallback: null, facetCounting: 'exact' });
    // facets=false: nothing to qualify.
    expect(searchNotes({ sort: 'name', facets: null }, {})).toEqual({ sortFallback: null, facetCounting: 'exact' });
    expect(searchNotes(undefined, { q: '看護' })).toEqual({ sortFallback: null, facetCounting: 'exact' });
  });

  it('marks estimates with 約 and lower bounds with +, never on a zero', () => {
    expect(withCount('松戸市', 12)).toBe('松戸市（12）');
    expect(withCount('松戸市', 1200, 'estimate')).toBe('松戸市（約1,200）');
    expect(withCount('松戸市', 12, 'atLeast')).toBe('松戸市（12+）');
    expect(withCount('松戸市', 0, 'atLeast')).toBe('松戸市（0）');
    expect(withCount('松戸市', 0, 'estimate')).toBe('松戸市（0）');
    expect(withCount('松戸市', undefined, 'atLeast')).toBe('松戸市');
  });
});
