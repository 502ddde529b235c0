import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';

export interface Health {
  status: 'ok' | 'degraded';
  database: { reachable: boolean; kind: 'pglite' | 'postgres'; latencyMs: number | null };
  /** The deployment runs with fictitious demo data. Public, so the sign-in page can say so. */
  demoMode: boolean;
  time: string;
}

export const getHealth = (signal?: AbortSignal) => apiFetch<Health>('/api/health', { signal, silent: true });

export const healthQueryOptions = queryOptions({
  queryKey: ['health'],
  queryFn: ({ signal }) => getHealth(signal),
  staleTime: 5 * 60_000,
  retry: 1,
});

export function useHealth() {
  return useQuery(healthQueryOptions);
}
