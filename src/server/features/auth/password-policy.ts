import { dictionary } from '@zxcvbn-ts/language-common';
import { PasswordShapeSchema } from '../../../shared/contracts/auth.js';

// 49k passwords seen most often in breaches (zxcvbn-ts common list), compared case-insensitively.
const COMMON = new Set<string>((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

/** Japanese reason the password is refused, or null when acceptable. */
export function checkPassword(password: string, context: { email?: string; name?: string } = {}): string | null {
  const shape = PasswordShapeSchema.safeParse(password);
  if (!shape.success) return `パスワード: ${shape.error.issues[0]?.message ?? '形式が正しくありません'}`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'パスワード: よく使われていて推測されやすいため使えません';
  if (/^(.)\1+$/.test(password)) return 'パスワード: 同じ文字の繰り返しは使えません';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 3 && lower.includes(local)) return 'パスワード: メールアドレスを含めないでください';
  return null;
}

/** The zod schema forms and the API use: shape + common-password check. */
export const PasswordSchema = PasswordShapeSchema.superRefine((pw, ctx) => {
  const reason = checkPassword(pw);
  if (reason) ctx.addIssue({ code: 'custom', message: reason.replace(/^パスワード: /, '') });
});
