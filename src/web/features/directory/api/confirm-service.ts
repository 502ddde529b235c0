import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { DirectoryService } from './get-office';
import { directoryKeys } from './keys';

/** One click: 「空き状況は変わりません」 — re-confirms the vacancy count and the listing. */
export const confirmService = (id: string) => apiFetch<DirectoryService>(`/api/services/${encodeURIComponent(id)}/confirm`, { method: 'POST' });

export function useConfirmService() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: confirmService, onSuccess: () => queryClient.invalidateQueries({ queryKey: directoryKeys.all }) });
}
