import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../../../lib/api-client';
import { authKeys } from './keys';

export const VerifyBackupCodeInputSchema = z.object({
  code: z.string().trim().min(1, { error: '入力してください' }).max(64).meta({ title: 'リカバリーコード' }),
});
export type VerifyBackupCodeInput = z.infer<typeof VerifyBackupCodeInputSchema>;

/** Signs in with one of the ten recovery codes instead of the app's code (each works once). */
export const verifyBackupCode = (input: VerifyBackupCodeInput) =>
  apiFetch<unknown>('/api/auth/two-factor/verify-backup-code', { method: 'POST', body: { code: input.code, trustDevice: false } });

export function useVerifyBackupCode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyBackupCode,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.me }),
  });
}
