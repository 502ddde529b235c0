import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { NotificationListSchema } from '../../../../shared/contracts/notifications';
import { apiFetch } from '../../../lib/api-client';
import { notificationKeys } from './keys';

export type NotificationList = z.infer<typeof NotificationListSchema>;
export type AppNotification = NotificationList['items'][number];

/** Newest first with the unread count; the latest 20 are enough for the header's list. */
export const listNotifications = (signal?: AbortSignal) => apiFetch<NotificationList>('/api/notifications', { query: { limit: 20 }, signal });

export function useNotifications() {
  // Checked every minute while the app is open, so the bell's count follows new notices.
  return useQuery(queryOptions({ queryKey: notificationKeys.all, queryFn: ({ signal }) => listNotifications(signal), refetchInterval: 60_000, staleTime: 30_000 }));
}
