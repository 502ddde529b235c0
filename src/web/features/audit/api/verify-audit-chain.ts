import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { auditKeys } from './list-audit-events';

export interface AuditChainResult {
  ok: boolean;
  checked: number;
  firstBreak?: { id: number; reason: string };
}

/** Recomputes the hash chain over the whole log to detect edited or deleted rows. */
export const verifyAuditChain = () => apiFetch<AuditChainResult>('/api/admin/audit/verify', { method: 'POST', body: {} });

export function useVerifyAuditChain() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyAuditChain,
    // The verification itself is logged.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: auditKeys.all }),
  });
}
