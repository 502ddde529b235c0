import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Snapshot } from '../../../../shared/contracts/analytics';
import { apiFetch } from '../../../lib/api-client';
import { analyticsKeys } from './keys';

/** Records (or re-records: idempotent) the month's snapshot. */
export const takeSnapshot = (month: string) => apiFetch<Snapshot>('/api/analytics/snapshots', { method: 'POST', body: { month } });

export function useTakeSnapshot() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: takeSnapshot, onSuccess: () => qc.invalidateQueries({ queryKey: analyticsKeys.all }) });
}
