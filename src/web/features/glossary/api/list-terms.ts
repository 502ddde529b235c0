import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { GlossaryListQuerySchema, GlossaryTermSchema } from '../../../../shared/contracts/glossary';
import { apiFetch, type Page } from '../../../lib/api-client';
import { glossaryKeys } from './keys';

export type GlossaryTerm = z.infer<typeof GlossaryTermSchema>;
export type GlossaryFilters = z.infer<typeof GlossaryListQuerySchema>;

/** The glossary is small (tens of terms): one answer, exact and prefix matches first, then by reading. */
export const listTerms = (filters: GlossaryFilters, signal?: AbortSignal) => apiFetch<Page<GlossaryTerm>>('/api/glossary', { query: filters, signal });

export function useTerms(filters: GlossaryFilters) {
  return useQuery(queryOptions({ queryKey: glossaryKeys.list(filters), queryFn: ({ signal }) => listTerms(filters, signal), placeholderData: keepPreviousData, staleTime: 5 * 60_000 }));
}
