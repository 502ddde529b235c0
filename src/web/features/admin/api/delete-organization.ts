import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { adminKeys } from './keys';

/** The organisation's offices stay; only their link to it is removed (server side). */
export const deleteOrganization = (id: string) => apiFetch<void>(`/api/admin/organizations/${encodeURIComponent(id)}`, { method: 'DELETE' });

export function useDeleteOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteOrganization,
    onSuccess: () => {
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: adminKeys.organizations }),
        queryClient.invalidateQueries({ queryKey: adminKeys.offices }),
      ]);
    },
  });
}
