import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { EmailSchema } from '../../../../shared/contracts/auth';
import { apiFetch } from '../../../lib/api-client';

// Sign-in checks only that something was typed: password rules are for setting a password,
// and saying more than "wrong email or password" would help an attacker.
export const SignInInputSchema = z.object({
  email: EmailSchema,
  password: z.string().min(1, { error: '入力してください' }).max(128).meta({ title: 'パスワード' }),
});
export type SignInInput = z.infer<typeof SignInInputSchema>;

export interface SignInResult {
  /** True when the account has two-factor: the second step (code) must follow. */
  twoFactorRedirect?: boolean;
  twoFactorMethods?: string[];
  user?: { id: string; email: string; name: string };
}

export const signIn = (input: SignInInput) =>
  apiFetch<SignInResult>('/api/auth/sign-in/email', { method: 'POST', body: input });

export function useSignIn() {
  return useMutation({ mutationFn: signIn });
}
