import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { ListingChange } from './get-office';
import { directoryKeys } from './keys';

export const getOfficeHistory = (id: string, signal?: AbortSignal) =>
  apiFetch<{ items: ListingChange[] } | ListingChange[]>(`/api/offices/${encodeURIComponent(id)}/history`, { signal }).then((r) => (Array.isArray(r) ? r : r.items));

export function useOfficeHistory(id: string) {
  return useQuery({ queryKey: directoryKeys.history(id), queryFn: ({ signal }) => getOfficeHistory(id, signal) });
}
