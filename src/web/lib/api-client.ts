// The one way the web app talks to the API: same-origin fetch with the session cookie, JSON in
// and out, and every failure turned into an ApiError carrying the server's problem+json.
// Session loss (401) and a missing two-factor enrolment (403 TWO_FACTOR_REQUIRED) are reported
// to handlers the app installs, so any screen reacts to them the same way.
import { ProblemSchema, type FieldError, type Problem } from '../../shared/contracts/problem';

export type { FieldError, Problem };

/** The list shape every paginated endpoint answers with. */
export interface Page<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
}

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }

  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** The problem inside an error, or a generic one for anything else thrown. */
export function problemOf(error: unknown): Problem | null {
  if (error == null) return null;
  if (isApiError(error)) return error.problem;
  return fallbackProblem(0, error instanceof Error ? error.message : undefined);
}

// Said in Japanese because the server's own messages are Japanese; these appear only when the
// server could not answer with a problem body of its own.
const FALLBACK_DETAIL: Record<number, string> = {
  0: 'サーバーに接続できません。ネットワークを確認して、もう一度お試しください。',
  401: 'ログインが必要です。',
  403: 'この操作を行う権限がありません。',
  404: '対象が見つかりません。',
  429: '試行回数が多すぎます。しばらくしてからやり直してください。',
  502: 'サーバーに接続できません。しばらくしてからやり直してください。',
  503: 'サーバーが一時的に利用できません。しばらくしてからやり直してください。',
};

function fallbackProblem(status: number, detail?: string): Problem {
  const text = detail || FALLBACK_DETAIL[status] || (status >= 500 ? 'サーバーで問題が発生しました。' : 'リクエストを処理できませんでした。');
  return { type: 'about:blank', title: text, status, detail: text, code: status === 0 ? 'NETWORK_ERROR' : `HTTP_${status}` };
}

/**
 * Reads an error response body. A valid problem is taken as is (its status wins over nothing,
 * but the HTTP status is authoritative); anything else becomes a generic Japanese problem.
 */
export function parseProblem(status: number, body: unknown): Problem {
  const parsed = ProblemSchema.safeParse(body);
  if (!parsed.success) return fallbackProblem(status);
  const p = parsed.data;
  return { ...p, status, detail: p.detail || p.title || fallbackProblem(status).detail };
}

export interface ApiEventHandlers {
  /** A request was refused because there is no valid session (expired, signed out, disabled). */
  onUnauthenticated?: (error: ApiError) => void;
  /** The account must enrol two-factor authentication before it can use the API. */
  onTwoFactorRequired?: (error: ApiError) => void;
}

let handlers: ApiEventHandlers = {};

/** Installed once by the app (app/providers.tsx); tests may install their own. */
export function setApiEventHandlers(next: ApiEventHandlers): void {
  handlers = next;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** Empty strings, null and undefined are left out. */
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /**
   * Do not report 401/403-2FA to the app's handlers: for the sign-in flow itself (a wrong
   * password is a 401) and for the route guard, which redirects on its own.
   */
  silent?: boolean;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function apiFetch<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, signal, silent = false } = options;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(fallbackProblem(0));
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }

  if (!response.ok) {
    const error = new ApiError(parseProblem(response.status, data));
    // better-auth's own endpoints answer 401 for a wrong password or code: that is the form's
    // business, not a lost session.
    if (!silent && !path.startsWith('/api/auth/')) {
      if (error.status === 401) handlers.onUnauthenticated?.(error);
      else if (error.status === 403 && error.code === 'TWO_FACTOR_REQUIRED') handlers.onTwoFactorRequired?.(error);
    }
    throw error;
  }
  return data as T;
}
