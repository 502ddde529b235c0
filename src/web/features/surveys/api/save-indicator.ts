import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { CreateIndicatorSchema, UpdateIndicatorSchema } from '../../../../shared/contracts/surveys';
import { apiFetch } from '../../../lib/api-client';
import { surveyKeys } from './keys';
import type { Indicator } from './list-indicators';

export { CreateIndicatorSchema, UpdateIndicatorSchema };
export type CreateIndicatorInput = z.infer<typeof CreateIndicatorSchema>;
export type UpdateIndicatorInput = z.infer<typeof UpdateIndicatorSchema>;

export const createIndicator = (input: CreateIndicatorInput) => apiFetch<Indicator>('/api/indicators', { method: 'POST', body: input });
export const updateIndicator = ({ id, input }: { id: string; input: UpdateIndicatorInput }) => apiFetch<Indicator>(`/api/indicators/${encodeURIComponent(id)}`, { method: 'PATCH', body: input });
export const deleteIndicator = (id: string) => apiFetch<void>(`/api/indicators/${encodeURIComponent(id)}`, { method: 'DELETE' });

/** Indicators, their trends and the surveys' question links all change together. */
function useInvalidate() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: surveyKeys.indicators });
    void queryClient.invalidateQueries({ queryKey: surveyKeys.all });
  };
}

export function useCreateIndicator() {
  return useMutation({ mutationFn: createIndicator, onSuccess: useInvalidate() });
}

export function useUpdateIndicator() {
  return useMutation({ mutationFn: updateIndicator, onSuccess: useInvalidate() });
}

export function useDeleteIndicator() {
  return useMutation({ mutationFn: deleteIndicator, onSuccess: useInvalidate() });
}
