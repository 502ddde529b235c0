import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { UpdateOrganizationSchema } from '../../../../shared/contracts/region';
import { apiFetch } from '../../../lib/api-client';
import { adminKeys } from './keys';
import type { Organization } from './list-organizations';

export { UpdateOrganizationSchema };
export type UpdateOrganizationInput = z.infer<typeof UpdateOrganizationSchema>;

export const updateOrganization = ({ id, input }: { id: string; input: UpdateOrganizationInput }) =>
  apiFetch<Organization>(`/api/admin/organizations/${encodeURIComponent(id)}`, { method: 'PATCH', body: input });

export function useUpdateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOrganization,
    onSuccess: () => {
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: adminKeys.organizations }),
        // Offices show their organisation's name.
        queryClient.invalidateQueries({ queryKey: adminKeys.offices }),
      ]);
    },
  });
}
