import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { UpsertMunicipalitySchema } from '../../../../shared/contracts/region';
import { apiFetch } from '../../../lib/api-client';
import { adminKeys } from './keys';
import type { Municipality } from './list-municipalities';

export { UpsertMunicipalitySchema };
export type UpsertMunicipalityInput = z.infer<typeof UpsertMunicipalitySchema>;

/** Creates the municipality, or updates the one with the same code. */
export const upsertMunicipality = (input: UpsertMunicipalityInput) =>
  apiFetch<Municipality>('/api/admin/municipalities', { method: 'PUT', body: input });

export function useUpsertMunicipality() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: upsertMunicipality,
    onSuccess: () => {
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: adminKeys.municipalities }),
        queryClient.invalidateQueries({ queryKey: adminKeys.offices }),
      ]);
    },
  });
}
