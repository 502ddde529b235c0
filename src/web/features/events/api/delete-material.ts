import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { eventKeys } from './keys';
import { materialUrl } from './list-materials';

export const deleteMaterial = ({ eventId, id }: { eventId: string; id: string }) => apiFetch<void>(materialUrl(eventId, id), { method: 'DELETE' });

export function useDeleteMaterial(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteMaterial({ eventId, id }),
    onSuccess: () => {
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: eventKeys.materials(eventId) }),
        queryClient.invalidateQueries({ queryKey: eventKeys.detail(eventId), exact: true }),
      ]);
    },
  });
}
