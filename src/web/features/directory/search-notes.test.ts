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
    expect(searchNotes({ sort: 'updated', facets: { exact: false } }, { q: '看護' })).toEqual({ sortFallback: { actual: 'updated', requested: 'relevance' }, facetsApprox: true });
    expect(searchNotes({ sort: 'relevance', facets: { exact: true } }, { q: '看護' })).toEqual({ sortFallback: null, facetsApprox: false });
    // facets=false: nothing to qualify.
    expect(searchNotes({ sort: 'name', facets: null }, {})).toEqual({ sortFallback: null, facetsApprox: false });
    expect(searchNotes(undefined, { q: '看護' })).toEqual({ sortFallback: null, facetsApprox: false });
  });

  it('marks lower-bound counts with +, never a zero', () => {
    expect(withCount('松戸市', 12)).toBe('松戸市（12）');
    expect(withCount('松戸市', 12, true)).toBe('松戸市（12+）');
    expect(withCount('松戸市', 0, true)).toBe('松戸市（0）');
    expect(withCount('松戸市', undefined, true)).toBe('松戸市');
  });
});
