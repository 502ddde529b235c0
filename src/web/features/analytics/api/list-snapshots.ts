import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Snapshot } from '../../../../shared/contracts/analytics';
import { apiFetch } from '../../../lib/api-client';
import { analyticsKeys } from './keys';

/** The monthly snapshots kept (newest first): the months the trends and the comparison can use. */
export const listSnapshots = (signal?: AbortSignal) => apiFetch<{ items: Snapshot[] }>('/api/analytics/snapshots', { signal });

export const snapshotsQueryOptions = queryOptions({ queryKey: analyticsKeys.snapshots, queryFn: ({ signal }) => listSnapshots(signal) });

export function useSnapshots() {
  return useQuery(snapshotsQueryOptions);
}
