import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { UpdateContactSchema, UpdateMedicalSchema, UpdateProfileSchema } from '../../../../shared/contracts/clients';
import { apiFetch } from '../../../lib/api-client';
import type { ClientRecord } from './get-client';
import { clientKeys } from './keys';

export type SectionUpdate =
  | { section: 'profile'; input: z.input<typeof UpdateProfileSchema> }
  | { section: 'contact'; input: z.input<typeof UpdateContactSchema> }
  | { section: 'medical'; input: z.input<typeof UpdateMedicalSchema> };

/** Replaces one section whole, with the version it was read at (409 when someone saved since). */
export const updateSection = (clientId: string, u: SectionUpdate) =>
  apiFetch<ClientRecord>(`/api/clients/${encodeURIComponent(clientId)}/${u.section}`, { method: 'PUT', body: u.input });

export function useUpdateSection(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (u: SectionUpdate) => updateSection(clientId, u),
    onSuccess: (record) => {
      queryClient.setQueryData(clientKeys.record(clientId), record);
      return queryClient.invalidateQueries({ queryKey: clientKeys.list });
    },
  });
}
