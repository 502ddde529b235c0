import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { PasswordShapeSchema } from '../../../../shared/contracts/auth';
import { apiFetch } from '../../../lib/api-client';

export const ChangePasswordInputSchema = z
  .object({
    currentPassword: z.string().min(1, { error: '入力してください' }).max(128).meta({ title: '現在のパスワード' }),
    newPassword: PasswordShapeSchema.meta({ title: '新しいパスワード' }),
    confirmPassword: z.string().min(1, { error: '入力してください' }).meta({ title: '新しいパスワード（確認）' }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], error: '新しいパスワードと一致しません' });
export type ChangePasswordInput = z.infer<typeof ChangePasswordInputSchema>;

/** Other sessions are always ended: a changed password usually means a suspected leak. */
export const changePassword = ({ currentPassword, newPassword }: ChangePasswordInput) =>
  apiFetch<unknown>('/api/auth/change-password', { method: 'POST', body: { currentPassword, newPassword, revokeOtherSessions: true } });

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
