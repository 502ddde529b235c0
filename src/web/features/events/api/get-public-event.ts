import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PublicEventSchema } from '../../../../shared/contracts/events';
import { apiFetch } from '../../../lib/api-client';
import { eventKeys } from './keys';

export type PublicEvent = z.infer<typeof PublicEventSchema>;

/** No session: `silent`, so a 401 elsewhere can never bounce a visitor to sign-in. */
export const getPublicEvent = (token: string, signal?: AbortSignal) => apiFetch<PublicEvent>(`/api/public/events/${encodeURIComponent(token)}`, { signal, silent: true });

export function usePublicEvent(token: string) {
  return useQuery(queryOptions({ queryKey: eventKeys.publicEvent(token), queryFn: ({ signal }) => getPublicEvent(token, signal) }));
}
