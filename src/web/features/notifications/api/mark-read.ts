import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { notificationKeys } from './keys';

export const markNotificationRead = (id: string) => apiFetch<void>(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: markNotificationRead, onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }) });
}
