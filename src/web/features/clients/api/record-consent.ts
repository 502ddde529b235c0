import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { ConsentInputSchema } from '../../../../shared/contracts/clients';
import { apiFetch } from '../../../lib/api-client';
import { clientKeys } from './keys';
import type { Consent } from './list-consents';

export { ConsentInputSchema };
export type ConsentInput = z.input<typeof ConsentInputSchema>;

export const recordConsent = (clientId: string, input: ConsentInput) =>
  apiFetch<Consent>(`/api/clients/${encodeURIComponent(clientId)}/consents`, { method: 'POST', body: input });

export function useRecordConsent(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ConsentInput) => recordConsent(clientId, input),
    onSuccess: () => {
      return Promise.all([
        // Team members' scopes and the provision records follow the consents.
        queryClient.invalidateQueries({ queryKey: clientKeys.record(clientId) }),
      ]);
    },
  });
}
