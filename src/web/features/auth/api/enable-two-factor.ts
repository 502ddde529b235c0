import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../../../lib/api-client';

export const PasswordConfirmSchema = z.object({
  password: z.string().min(1, { error: '入力してください' }).max(128).meta({ title: 'パスワード' }),
});
export type PasswordConfirmInput = z.infer<typeof PasswordConfirmSchema>;

export interface EnableTwoFactorResult {
  /** otpauth://totp/…?secret=…: shown as a QR code and as the secret text. */
  totpURI: string;
  backupCodes: string[];
}

/** Starts enrolment; two-factor is on only after a code from the app is verified. */
export const enableTwoFactor = (input: PasswordConfirmInput) =>
  apiFetch<EnableTwoFactorResult>('/api/auth/two-factor/enable', { method: 'POST', body: input });

export function useEnableTwoFactor() {
  return useMutation({ mutationFn: enableTwoFactor });
}

/** The base32 secret inside an otpauth:// URI, for typing into an app by hand. */
export function secretFromTotpUri(uri: string): string | null {
  try {
    return new URL(uri).searchParams.get('secret');
  } catch {
    return null;
  }
}
