// Timeline alerts: the in-app notifications the server sends each team member when someone
// posts 入院・退院・体調の変化… (kind `client.timeline.<kind>`, link /clients/<id>/timeline).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { NotificationListSchema, NotificationSchema } from '../../../../shared/contracts/notifications';
import { apiFetch } from '../../../lib/api-client';
import { clientKeys } from './keys';

export type TimelineAlert = z.infer<typeof NotificationSchema> & { clientId: string | null };

const clientIdOf = (link: string | null) => /^\/clients\/([^/]+)/.exec(link ?? '')?.[1] ?? null;

export async function listTimelineAlerts(signal?: AbortSignal): Promise<TimelineAlert[]> {
  const page = await apiFetch<z.infer<typeof NotificationListSchema>>('/api/notifications', { query: { unreadOnly: 'true', limit: 50 }, signal });
  return page.items.filter((n) => n.kind.startsWith('client.timeline.')).map((n) => ({ ...n, clientId: clientIdOf(n.link) }));
}

export function useTimelineAlerts(clientId?: string) {
  return useQuery({
    queryKey: clientKeys.alerts,
    queryFn: ({ signal }) => listTimelineAlerts(signal),
    select: (items) => (clientId ? items.filter((a) => a.clientId === clientId) : items),
  });
}

export const markAlertRead = (id: string) => apiFetch<void>(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });

export function useMarkAlertRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markAlertRead,
    onSuccess: () => {
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: clientKeys.alerts }),
        queryClient.invalidateQueries({ queryKey: ['notifications'] }),
      ]);
    },
  });
}
