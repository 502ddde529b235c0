import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../../../lib/api-client';
import { authKeys } from './keys';

export const TotpCodeSchema = z
  .string()
  .trim()
  .transform((v) => v.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, { error: '6桁の数字を入力してください' }))
  .meta({ title: '確認コード' });

export const VerifyTotpInputSchema = z.object({ code: TotpCodeSchema });
export type VerifyTotpInput = z.infer<typeof VerifyTotpInputSchema>;

/**
 * Checks a code from the authenticator app: the second step of sign-in, and (while signed in)
 * the confirmation that turns on a just-enrolled two-factor.
 */
export const verifyTotp = (input: VerifyTotpInput) =>
  apiFetch<unknown>('/api/auth/two-factor/verify-totp', { method: 'POST', body: { code: input.code, trustDevice: false } });

export function useVerifyTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyTotp,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.me }),
  });
}
