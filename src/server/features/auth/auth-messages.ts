// better-auth answers with English codes; the API answers in Japanese problem+json.
import type { ErrorCode } from '../../lib/errors.js';

export const AUTH_ERROR_JA: Record<string, { code: ErrorCode; message: string }> = {
  INVALID_EMAIL_OR_PASSWORD: { code: 'UNAUTHENTICATED', message: 'メールアドレスまたはパスワードが正しくありません。' },
  INVALID_PASSWORD: { code: 'UNAUTHENTICATED', message: 'パスワードが正しくありません。' },
  BANNED_USER: { code: 'FORBIDDEN', message: 'このアカウントは無効化されています。管理者に連絡してください。' },
  INVALID_CODE: { code: 'UNAUTHENTICATED', message: '確認コードが正しくありません。' },
  INVALID_TWO_FACTOR_AUTHENTICATION: { code: 'UNAUTHENTICATED', message: '確認コードが正しくありません。' },
  INVALID_BACKUP_CODE: { code: 'UNAUTHENTICATED', message: 'リカバリーコードが正しくないか、使用済みです。' },
  INVALID_TWO_FACTOR_COOKIE: { code: 'UNAUTHENTICATED', message: '確認の有効期限が切れました。最初からログインし直してください。' },
  TWO_FACTOR_NOT_ENABLED: { code: 'BAD_REQUEST', message: '二要素認証が有効になっていません。' },
  TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE: { code: 'RATE_LIMITED', message: '試行回数が多すぎます。しばらくしてからやり直してください。' },
  ACCOUNT_LOCKED: { code: 'RATE_LIMITED', message: '確認コードの誤りが続いたため一時的にロックしました。しばらくしてからやり直してください。' },
  PASSWORD_TOO_SHORT: { code: 'VALIDATION_FAILED', message: 'パスワード: 8文字以上で入力してください。' },
  PASSWORD_TOO_LONG: { code: 'VALIDATION_FAILED', message: 'パスワード: 128文字以内で入力してください。' },
  PASSWORD_POLICY: { code: 'VALIDATION_FAILED', message: 'パスワードが条件を満たしていません。' },
  MISSING_OR_NULL_ORIGIN: { code: 'CSRF_REJECTED', message: '不正な送信元からのリクエストのため拒否しました。' },
  INVALID_ORIGIN: { code: 'CSRF_REJECTED', message: '不正な送信元からのリクエストのため拒否しました。' },
  SESSION_EXPIRED: { code: 'UNAUTHENTICATED', message: 'セッションの有効期限が切れました。もう一度ログインしてください。' },
};
