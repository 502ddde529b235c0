import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { MonitoringInputSchema } from '../../../../shared/contracts/plans';
import { apiFetch } from '../../../lib/api-client';
import { planKeys } from './keys';
import type { MonitoringReport } from './list-monitoring';

export { MonitoringInputSchema };
export type MonitoringInput = z.input<typeof MonitoringInputSchema>;

export const createMonitoring = (clientId: string, input: MonitoringInput) =>
  apiFetch<MonitoringReport>(`/api/clients/${encodeURIComponent(clientId)}/monitoring`, { method: 'POST', body: input });

export function useCreateMonitoring(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MonitoringInput) => createMonitoring(clientId, input),
    onSuccess: () => {
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: planKeys.client(clientId) }),
        queryClient.invalidateQueries({ queryKey: planKeys.dashboard }),
      ]);
    },
  });
}
