import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Consultation } from './get-consultation';
import { consultationKeys } from './keys';

export const reopenConsultation = (id: string) => apiFetch<Consultation>(`/api/consultations/${encodeURIComponent(id)}/reopen`, { method: 'POST' });

export function useReopenConsultation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => reopenConsultation(id),
    onSuccess: (c) => {
      queryClient.setQueryData(consultationKeys.detail(id), c);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: consultationKeys.lists }),
        queryClient.invalidateQueries({ queryKey: consultationKeys.knowledgeBase }),
      ]);
    },
  });
}
