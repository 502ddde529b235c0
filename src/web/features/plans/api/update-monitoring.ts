import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { UpdateMonitoringSchema } from '../../../../shared/contracts/plans';
import { apiFetch } from '../../../lib/api-client';
import { planKeys } from './keys';
import type { MonitoringReport } from './list-monitoring';

export { UpdateMonitoringSchema };
export type UpdateMonitoringInput = z.input<typeof UpdateMonitoringSchema>;

export const updateMonitoring = (clientId: string, id: string, input: UpdateMonitoringInput) =>
  apiFetch<MonitoringReport>(`/api/clients/${encodeURIComponent(clientId)}/monitoring/${encodeURIComponent(id)}`, { method: 'PUT', body: input });

export function useUpdateMonitoring(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateMonitoringInput }) => updateMonitoring(clientId, id, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.client(clientId) }),
  });
}
