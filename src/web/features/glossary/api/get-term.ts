import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { glossaryKeys } from './keys';
import type { GlossaryTerm } from './list-terms';

export const getTerm = (id: string, signal?: AbortSignal) => apiFetch<GlossaryTerm>(`/api/glossary/${encodeURIComponent(id)}`, { signal });

export function useTerm(id: string, enabled = true) {
  return useQuery(queryOptions({ queryKey: glossaryKeys.term(id), queryFn: ({ signal }) => getTerm(id, signal), staleTime: 5 * 60_000, enabled }));
}
