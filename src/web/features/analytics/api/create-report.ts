import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateReport, Report } from '../../../../shared/contracts/analytics';
import { apiFetch } from '../../../lib/api-client';
import { analyticsKeys } from './keys';

/** Builds a council report (largest gaps, changes since the previous one) and keeps it. */
export const createReport = (input: CreateReport) => apiFetch<Report>('/api/analytics/reports', { method: 'POST', body: input });

export function useCreateReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createReport,
    onSuccess: (report) => {
      qc.setQueryData(analyticsKeys.report(report.id), report);
      return qc.invalidateQueries({ queryKey: analyticsKeys.reports });
    },
  });
}
