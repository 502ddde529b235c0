import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { referralKeys } from './keys';
import type { InboxItem } from './types';

/** Offers addressed to me, each with the consent-limited case (never a name or address). */
export const listInbox = (signal?: AbortSignal) => apiFetch<{ items: InboxItem[] }>('/api/referrals/inbox', { signal });

export const inboxQueryOptions = queryOptions({ queryKey: referralKeys.inbox, queryFn: ({ signal }) => listInbox(signal) });

export function useInbox(enabled = true) {
  return useQuery({ ...inboxQueryOptions, enabled });
}
