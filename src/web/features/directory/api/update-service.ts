import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { UpdateServiceSchema } from '../../../../shared/contracts/directory';
import { apiFetch } from '../../../lib/api-client';
import type { DirectoryService } from './get-office';
import { directoryKeys } from './keys';

export type UpdateServiceInput = z.input<typeof UpdateServiceSchema>;

export const updateService = ({ id, input }: { id: string; input: UpdateServiceInput }) =>
  apiFetch<DirectoryService>(`/api/services/${encodeURIComponent(id)}`, { method: 'PATCH', body: input });

export function useUpdateService() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateService, onSuccess: () => queryClient.invalidateQueries({ queryKey: directoryKeys.all }) });
}
