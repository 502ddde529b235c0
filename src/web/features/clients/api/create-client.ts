import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateClientSchema } from '../../../../shared/contracts/clients';
import { apiFetch } from '../../../lib/api-client';
import type { ClientRecord } from './get-client';
import { clientKeys } from './keys';

export { CreateClientSchema } from '../../../../shared/contracts/clients';

/** Opens a record directly (not from a referral), with the guardian's consent to the consultant's office. */
export const createClient = (input: z.input<typeof CreateClientSchema>) => apiFetch<ClientRecord>('/api/clients', { method: 'POST', body: input });

export function useCreateClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createClient,
    onSuccess: (record) => {
      queryClient.setQueryData(clientKeys.record(record.id), record);
      return queryClient.invalidateQueries({ queryKey: clientKeys.list });
    },
  });
}
