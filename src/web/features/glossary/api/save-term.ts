import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { CreateGlossaryTermSchema, UpdateGlossaryTermSchema } from '../../../../shared/contracts/glossary';
import { apiFetch } from '../../../lib/api-client';
import { glossaryKeys } from './keys';
import type { GlossaryTerm } from './list-terms';

export { CreateGlossaryTermSchema, UpdateGlossaryTermSchema };
export type CreateTermInput = z.infer<typeof CreateGlossaryTermSchema>;
export type UpdateTermInput = z.infer<typeof UpdateGlossaryTermSchema>;

export const createTerm = (input: CreateTermInput) => apiFetch<GlossaryTerm>('/api/glossary', { method: 'POST', body: input });

/** `expectedVersion` is the version the editor started from: a newer one answers 409. */
export const updateTerm = ({ id, input }: { id: string; input: UpdateTermInput }) => apiFetch<GlossaryTerm>(`/api/glossary/${encodeURIComponent(id)}`, { method: 'PATCH', body: input });

export const deleteTerm = ({ id, expectedVersion }: { id: string; expectedVersion: number }) =>
  apiFetch<void>(`/api/glossary/${encodeURIComponent(id)}`, { method: 'DELETE', query: { expectedVersion } });

/** Any change can alter other terms' related-term links, so every glossary list is refetched. */
function useOnSaved() {
  const queryClient = useQueryClient();
  return (term: GlossaryTerm) => {
    queryClient.setQueryData(glossaryKeys.term(term.id), term);
    void queryClient.invalidateQueries({ queryKey: glossaryKeys.lists });
    void queryClient.invalidateQueries({ queryKey: glossaryKeys.revisions(term.id) });
  };
}

export function useCreateTerm() {
  return useMutation({ mutationFn: createTerm, onSuccess: useOnSaved() });
}

export function useUpdateTerm() {
  return useMutation({ mutationFn: updateTerm, onSuccess: useOnSaved() });
}

export function useDeleteTerm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteTerm,
    onSuccess: (_v, { id }) => {
      queryClient.removeQueries({ queryKey: glossaryKeys.term(id) });
      queryClient.removeQueries({ queryKey: glossaryKeys.revisions(id) });
      void queryClient.invalidateQueries({ queryKey: glossaryKeys.all });
    },
  });
}
