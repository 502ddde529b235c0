import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
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

/** Where a running upload is: sending the files (bytes), then the server reading rows. */
export type WamProgress = { phase: 'upload'; loaded: number; total: number } | { phase: 'import'; rows: number; totalRows: number };

type Line = { type: 'progress'; rows: number; totalRows: number } | { type: 'report'; report: WamImportReport } | { type: 'error'; problem: { status?: number } & Record<string, unknown> };

/**
 * Multipart upload of WAM NET CSV files (field `file`, repeatable) with progress: an
 * XMLHttpRequest reports the bytes sent, and the server, asked for application/x-ndjson,
 * streams one JSON line per 1,000 rows read before the report (the same report as the JSON
 * answer). Errors keep apiFetch's shape.
 */
export function importWam(input: WamUpload, onProgress: (p: WamProgress) => void = () => {}): Promise<WamImportReport> {
  const body = new FormData();
  for (const f of input.files) body.append('file', f);
  const url = buildUrl('/api/admin/directory/wam-import', {
    municipality: input.municipality.join(',') || undefined,
    allowRejections: input.allowRejections || undefined,
    dryRun: input.dryRun || undefined,
  });
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/x-ndjson, application/json');
    let read = 0;
    let result: WamImportReport | undefined;
    let failure: ApiError | undefined;
    const take = (final: boolean) => {
      if (xhr.status !== 200) return;
      const text = xhr.responseText;
      const end = final ? text.length : text.lastIndexOf('\n') + 1;
      if (end <= read) return;
      for (const raw of text.slice(read, end).split('\n')) {
        if (!raw.trim()) continue;
        const line = JSON.parse(raw) as Line;
        if (line.type === 'progress') onProgress({ phase: 'import', rows: line.rows, totalRows: line.totalRows });
        else if (line.type === 'report') result = line.report;
        else failure = new ApiError(parseProblem(line.problem.status ?? 500, line.problem));
      }
      read = end;
    };
    xhr.upload.onprogress = (e) => onProgress({ phase: 'upload', loaded: e.loaded, total: e.lengthComputable ? e.total : 0 });
    xhr.onprogress = () => take(false);
    xhr.onerror = () => reject(new ApiError(parseProblem(0, undefined)));
    xhr.onload = () => {
      if (xhr.status !== 200) {
        let data: unknown;
        try {
          data = JSON.parse(xhr.responseText);
        } catch {
          data = undefined;
        }
        return reject(new ApiError(parseProblem(xhr.status, data)));
      }
      try {
        take(true);
      } catch {
        return reject(new ApiError(parseProblem(xhr.status, undefined)));
      }
      if (failure) reject(failure);
      else if (result) resolve(result);
      else reject(new ApiError(parseProblem(500, undefined)));
    };
    xhr.send(body);
  });
}

export function useImportWam() {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<WamProgress | null>(null);
  const mutation = useMutation({
    mutationFn: (input: WamUpload) => {
      setProgress(null);
      return importWam(input, setProgress);
    },
    onSuccess: (report) => {
      if (report.status === 'succeeded') void queryClient.invalidateQueries({ queryKey: directoryKeys.all });
    },
  });
  return { ...mutation, progress };
}
