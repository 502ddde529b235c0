import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { MyListingsSchema } from '../../../../shared/contracts/directory';
import { apiFetch } from '../../../lib/api-client';
import { directoryKeys } from './keys';

export type MyListings = z.infer<typeof MyListingsSchema>;

/** The caller's own offices (empty without an office membership) with their stale count. */
export const getMyListings = (signal?: AbortSignal) => apiFetch<MyListings>('/api/directory/my-listings', { signal });

export function useMyListings() {
  return useQuery({ queryKey: [...directoryKeys.all, 'mine'], queryFn: ({ signal }) => getMyListings(signal) });
}
