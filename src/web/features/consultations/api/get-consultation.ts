import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ConsultationSchema } from '../../../../shared/contracts/consultations';
import { apiFetch } from '../../../lib/api-client';
import { consultationKeys } from './keys';

export type Consultation = z.infer<typeof ConsultationSchema>;

export const getConsultation = (id: string, signal?: AbortSignal) => apiFetch<Consultation>(`/api/consultations/${encodeURIComponent(id)}`, { signal });

export function useConsultation(id: string) {
  return useQuery(queryOptions({ queryKey: consultationKeys.detail(id), queryFn: ({ signal }) => getConsultation(id, signal) }));
}
