import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SubmitResponseSchema } from '../../../../shared/contracts/surveys';
import { apiFetch } from '../../../lib/api-client';
import { surveyKeys } from './keys';

export type SubmitResponseInput = z.infer<typeof SubmitResponseSchema>;

export const submitResponse = ({ id, input }: { id: string; input: SubmitResponseInput }) =>
  apiFetch<{ submitted: boolean }>(`/api/surveys/${encodeURIComponent(id)}/responses`, { method: 'POST', body: input });

export function useSubmitResponse(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SubmitResponseInput) => submitResponse({ id, input }),
    onSuccess: () => {
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: surveyKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: surveyKeys.lists }),
      ]);
    },
  });
}
