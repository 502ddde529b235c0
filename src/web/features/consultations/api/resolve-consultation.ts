import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Consultation } from './get-consultation';
import { consultationKeys } from './keys';

/** Resolved general questions join the knowledge base. */
export const resolveConsultation = ({ id, acceptedAnswerId }: { id: string; acceptedAnswerId?: string | null }) =>
  apiFetch<Consultation>(`/api/consultations/${encodeURIComponent(id)}/resolve`, { method: 'POST', body: { acceptedAnswerId: acceptedAnswerId ?? null } });

export function useResolveConsultation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (acceptedAnswerId?: string | null) => resolveConsultation({ id, acceptedAnswerId }),
    onSuccess: (c) => {
      queryClient.setQueryData(consultationKeys.detail(id), c);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: consultationKeys.lists }),
        queryClient.invalidateQueries({ queryKey: consultationKeys.knowledgeBase }),
      ]);
    },
  });
}
