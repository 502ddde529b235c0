import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { referralKeys } from './keys';
import type { Backup } from './types';

/** My backup relationships; for a coordinator also the open requests addressed to their area. */
export const listBackups = (signal?: AbortSignal) => apiFetch<{ items: Backup[] }>('/api/referrals/backups', { signal });

export const backupsQueryOptions = queryOptions({ queryKey: referralKeys.backups, queryFn: ({ signal }) => listBackups(signal) });

export function useBackups(enabled = true) {
  return useQuery({ ...backupsQueryOptions, enabled });
}
