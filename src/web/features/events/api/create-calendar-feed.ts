import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';

/** The personal iCalendar URL (the events the user registered for). Posting again rotates it. */
export const createCalendarFeed = () => apiFetch<{ url: string }>('/api/me/calendar-feed', { method: 'POST' });

export function useCreateCalendarFeed() {
  return useMutation({ mutationFn: createCalendarFeed });
}
