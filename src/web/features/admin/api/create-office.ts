import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { CreateOfficeSchema } from '../../../../shared/contracts/region';
import { apiFetch } from '../../../lib/api-client';
import { adminKeys } from './keys';
import type { Office } from './list-offices';

export { CreateOfficeSchema };
export type CreateOfficeInput = z.infer<typeof CreateOfficeSchema>;

export const createOffice = (input: CreateOfficeInput) => apiFetch<Office>('/api/admin/offices', { method: 'POST', body: input });

export function useCreateOffice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOffice,
    onSuccess: () => {
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: adminKeys.offices }),
        // Organisations show how many offices they run.
        queryClient.invalidateQueries({ queryKey: adminKeys.organizations }),
      ]);
    },
  });
}
