// One error type, a small code enum, one code→status table (STYLE.md habit 5). Formatted once
// at the edge as application/problem+json (RFC 9457) with a Japanese message.
import type { z } from 'zod';

export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  TWO_FACTOR_REQUIRED: 403,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  /** A link that worked once and no longer does: used or expired single-use tokens. */
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  DATABASE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

const DEFAULT_MESSAGE: Record<ErrorCode, string> = {
  VALIDATION_FAILED: '入力内容に誤りがあります。',
  BAD_REQUEST: 'リクエストの形式が正しくありません。',
  UNAUTHENTICATED: 'ログインが必要です。',
  TWO_FACTOR_REQUIRED: '二要素認証の設定が必要です。',
  FORBIDDEN: 'この操作を行う権限がありません。',
  CSRF_REJECTED: '不正な送信元からのリクエストのため拒否しました。',
  NOT_FOUND: '対象が見つかりません。',
  CONFLICT: '他の変更と競合しました。画面を更新してからやり直してください。',
  GONE: 'このリンクは使用済みか、有効期限が切れています。',
  PAYLOAD_TOO_LARGE: '送信データが大きすぎます。',
  UNSUPPORTED_MEDIA_TYPE: 'JSON 形式で送信してください。',
  RATE_LIMITED: '試行回数が多すぎます。しばらくしてからやり直してください。',
  INTERNAL: 'サーバーで問題が発生しました。',
  DATABASE_UNAVAILABLE: 'データベースに接続できません。しばらくしてからやり直してください。',
};

export interface FieldError {
  /** Dotted path of the field, e.g. `email` or `offices.0`. */
  field: string;
  /** Japanese label of the field when the contract gives one. */
  label?: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldError[];
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message?: string, opts: { fields?: FieldError[]; headers?: Record<string, string>; cause?: unknown } = {}) {
    super(message ?? DEFAULT_MESSAGE[code], { cause: opts.cause });
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.fields = opts.fields ?? [];
    this.headers = opts.headers ?? {};
  }
}

export const notFound = (what = '対象') => new AppError('NOT_FOUND', `${what}が見つかりません。`);
export const forbidden = (message?: string) => new AppError('FORBIDDEN', message);
export const conflict = (message?: string) => new AppError('CONFLICT', message);
export const badRequest = (message?: string) => new AppError('BAD_REQUEST', message);

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors?: FieldError[];
  requestId?: string;
}

export function toProblem(err: AppError, requestId?: string): Problem {
  return {
    type: `urn:tsunagu:problem:${err.code.toLowerCase().replaceAll('_', '-')}`,
    title: DEFAULT_MESSAGE[err.code],
    status: err.status,
    detail: err.message,
    code: err.code,
    ...(err.fields.length ? { errors: err.fields } : {}),
    ...(requestId ? { requestId } : {}),
  };
}

/** Finds the `.meta({ title })` label of the sub-schema at `path`, unwrapping wrappers. */
export function labelAt(schema: z.ZodType | undefined, path: PropertyKey[]): string | undefined {
  let cur: unknown = schema;
  const titleOf = (s: unknown): string | undefined => {
    const meta = (s as { meta?: () => { title?: string } | undefined })?.meta?.();
    return meta?.title;
  };
  let label = titleOf(cur);
  for (const key of path) {
    cur = unwrap(cur);
    const def = (cur as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown } })?.def;
    if (!def) return label;
    if (def.type === 'object' && def.shape && typeof key === 'string') cur = def.shape[key];
    else if (def.type === 'array' && typeof key === 'number') cur = def.element;
    else return label;
    label = titleOf(cur) ?? titleInside(cur) ?? label;
  }
  return label;
}

type Wrapped = { def?: { type?: string; innerType?: unknown; in?: unknown } } | undefined;

/** The next schema inside an optional/nullable/default/… or a pipe (a transform's input). */
function inner(s: Wrapped): Wrapped {
  const t = s?.def?.type;
  if (t === 'optional' || t === 'nullable' || t === 'default' || t === 'prefault' || t === 'readonly' || t === 'catch') return s!.def!.innerType as Wrapped;
  if (t === 'pipe') return s!.def!.in as Wrapped;
  return undefined;
}

function unwrap(s: unknown): unknown {
  let cur = s as Wrapped;
  for (let i = 0; i < 10 && inner(cur); i++) cur = inner(cur);
  return cur;
}

/** The first title on the way in: `.meta()` may sit on a pipe (e.g. a transformed reading). */
function titleInside(s: unknown): string | undefined {
  let cur = inner(s as Wrapped);
  for (let i = 0; i < 10 && cur; i++, cur = inner(cur)) {
    const title = (cur as { meta?: () => { title?: string } | undefined }).meta?.()?.title;
    if (title) return title;
  }
  return undefined;
}

/** Turns a zod error into a VALIDATION_FAILED AppError whose messages name each field. */
export function validationError(error: z.ZodError, schema?: z.ZodType): AppError {
  const fields: FieldError[] = error.issues.map((issue) => {
    const label = labelAt(schema, issue.path);
    const field = issue.path.map(String).join('.') || '(本文)';
    return { field, ...(label ? { label } : {}), message: label ? `${label}: ${issue.message}` : issue.message };
  });
  const summary = fields
    .slice(0, 3)
    .map((f) => f.label ?? f.field)
    .join('、');
  return new AppError('VALIDATION_FAILED', `入力内容に誤りがあります（${summary}）。`, { fields });
}
