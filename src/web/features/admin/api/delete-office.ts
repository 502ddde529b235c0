import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { adminKeys } from './keys';

export const deleteOffice = (id: string) => apiFetch<void>(`/api/admin/offices/${encodeURIComponent(id)}`, { method: 'DELETE' });

export function useDeleteOffice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteOffice,
    onSuccess: () => {
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: adminKeys.offices }),
        queryClient.invalidateQueries({ queryKey: adminKeys.organizations }),
      ]);
    },
  });
}
