import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { CreateOrganizationSchema } from '../../../../shared/contracts/region';
import { apiFetch } from '../../../lib/api-client';
import { adminKeys } from './keys';
import type { Organization } from './list-organizations';

export { CreateOrganizationSchema };
export type CreateOrganizationInput = z.infer<typeof CreateOrganizationSchema>;

export const createOrganization = (input: CreateOrganizationInput) =>
  apiFetch<Organization>('/api/admin/organizations', { method: 'POST', body: input });

export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOrganization,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.organizations }),
  });
}
