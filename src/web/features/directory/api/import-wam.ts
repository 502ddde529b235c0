import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { WamImportReportSchema } from '../../../../shared/contracts/directory';
import { ApiError, buildUrl, parseProblem } from '../../../lib/api-client';
import { directoryKeys } from './keys';

export type WamImportReport = z.infer<typeof WamImportReportSchema>;

export interface WamUpload {
  files: File[];
  municipality: string[];
  allowRejections: boolean;
  dryRun: boolean;
}

/**
 * Multipart upload of WAM NET CSV files (field `file`, repeatable). apiFetch speaks JSON only,
 * so this call uses fetch directly, with the same error shape.
 */
export async function importWam(input: WamUpload): Promise<WamImportReport> {
  const body = new FormData();
  for (const f of input.files) body.append('file', f);
  const url = buildUrl('/api/admin/directory/wam-import', {
    municipality: input.municipality.join(',') || undefined,
    allowRejections: input.allowRejections || undefined,
    dryRun: input.dryRun || undefined,
  });
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', body, credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiError(parseProblem(0, undefined));
  }
  const data: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw new ApiError(parseProblem(response.status, data));
  return data as WamImportReport;
}

export function useImportWam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importWam,
    onSuccess: (report) => {
      if (report.status === 'succeeded') void queryClient.invalidateQueries({ queryKey: directoryKeys.all });
    },
  });
}
