import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { UpdateOfficeSchema } from '../../../../shared/contracts/region';
import { apiFetch } from '../../../lib/api-client';
import { adminKeys } from './keys';
import type { Office } from './list-offices';

export { UpdateOfficeSchema };
export type UpdateOfficeInput = z.infer<typeof UpdateOfficeSchema>;

export const updateOffice = ({ id, input }: { id: string; input: UpdateOfficeInput }) =>
  apiFetch<Office>(`/api/admin/offices/${encodeURIComponent(id)}`, { method: 'PATCH', body: input });

export function useUpdateOffice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOffice,
    onSuccess: () => {
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: adminKeys.offices }),
        queryClient.invalidateQueries({ queryKey: adminKeys.organizations }),
        // Users list their offices by name.
        queryClient.invalidateQueries({ queryKey: adminKeys.users }),
      ]);
    },
  });
}
