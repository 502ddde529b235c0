import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { UpdateIdentitySchema } from '../../../../shared/contracts/clients';
import { apiFetch } from '../../../lib/api-client';
import type { ClientRecord } from './get-client';
import { clientKeys } from './keys';

export { UpdateIdentitySchema } from '../../../../shared/contracts/clients';

/** Changes the record's identity (氏名・よみ・生年月日・性別・支給決定市区町村) at the version it was read. */
export const updateIdentity = (clientId: string, input: z.input<typeof UpdateIdentitySchema>) =>
  apiFetch<ClientRecord>(`/api/clients/${encodeURIComponent(clientId)}`, { method: 'PATCH', body: input });

export function useUpdateIdentity(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof UpdateIdentitySchema>) => updateIdentity(clientId, input),
    onSuccess: (record) => {
      queryClient.setQueryData(clientKeys.record(clientId), record);
      return queryClient.invalidateQueries({ queryKey: clientKeys.list });
    },
  });
}
