import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { CreateConsultationSchema } from '../../../../shared/contracts/consultations';
import { apiFetch } from '../../../lib/api-client';
import type { Consultation } from './get-consultation';
import { consultationKeys } from './keys';

export { CreateConsultationSchema };
export type CreateConsultationInput = z.infer<typeof CreateConsultationSchema>;

export const createConsultation = (input: CreateConsultationInput) => apiFetch<Consultation>('/api/consultations', { method: 'POST', body: input });

export function useCreateConsultation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createConsultation,
    onSuccess: (c) => {
      queryClient.setQueryData(consultationKeys.detail(c.id), c);
      return queryClient.invalidateQueries({ queryKey: consultationKeys.lists });
    },
  });
}
