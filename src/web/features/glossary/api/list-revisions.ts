import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { GlossaryRevisionSchema } from '../../../../shared/contracts/glossary';
import { apiFetch, type Page } from '../../../lib/api-client';
import { glossaryKeys } from './keys';

export type GlossaryRevision = z.infer<typeof GlossaryRevisionSchema>;

/** A term's edit history, newest first (a term has a handful of versions: one page). */
export const listRevisions = (id: string, signal?: AbortSignal) => apiFetch<Page<GlossaryRevision>>(`/api/glossary/${encodeURIComponent(id)}/revisions`, { signal });

export function useRevisions(id: string) {
  return useQuery(queryOptions({ queryKey: glossaryKeys.revisions(id), queryFn: ({ signal }) => listRevisions(id, signal) }));
}
