// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiFetch, buildUrl, parseProblem, problemOf, setApiEventHandlers } from './api-client';

const problemBody = {
  type: 'urn:tsunagu:problem:validation-failed',
  title: '入力内容に誤りがあります。',
  status: 400,
  detail: '入力内容に誤りがあります（氏名）。',
  code: 'VALIDATION_FAILED',
  errors: [{ field: 'name', label: '氏名', message: '氏名: 入力してください' }],
  requestId: 'req-1',
};

function respond(status: number, body: unknown, contentType = 'application/problem+json') {
  return vi.fn(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': contentType } }));
}

describe('parseProblem', () => {
  it('reads a problem+json body as is', () => {
    const p = parseProblem(400, problemBody);
    expect(p.code).toBe('VALIDATION_FAILED');
    expect(p.detail).toBe('入力内容に誤りがあります（氏名）。');
    expect(p.errors).toEqual(problemBody.errors);
    expect(p.requestId).toBe('req-1');
  });

  it('trusts the HTTP status over the body’s', () => {
    expect(parseProblem(409, { ...problemBody, status: 400 }).status).toBe(409);
  });

  it('turns anything else into a Japanese problem for the status', () => {
    const p = parseProblem(502, '<html>Bad Gateway</html>');
    expect(p.status).toBe(502);
    expect(p.code).toBe('HTTP_502');
    expect(p.detail).toMatch(/サーバー/);
  });

  it('falls back to the title when the detail is empty', () => {
    expect(parseProblem(403, { ...problemBody, status: 403, detail: '', title: 'この操作を行う権限がありません。' }).detail).toBe('この操作を行う権限がありません。');
  });
});

describe('apiFetch', () => {
  const onUnauthenticated = vi.fn();
  const onTwoFactorRequired = vi.fn();

  beforeEach(() => {
    setApiEventHandlers({ onUnauthenticated, onTwoFactorRequired });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.clearAllMocks();
    setApiEventHandlers({});
  });

  it('sends JSON with the session cookie and returns the parsed body', async () => {
    const fetchMock = respond(200, { ok: true }, 'application/json');
    vi.stubGlobal('fetch', fetchMock);
    await expect(apiFetch('/api/me', { method: 'PATCH', body: { locale: 'en' } })).resolves.toEqual({ ok: true });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/me');
    expect(init.credentials).toBe('same-origin');
    expect(init.body).toBe('{"locale":"en"}');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('returns undefined for 204 No Content', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(null, { status: 204 })));
    await expect(apiFetch('/api/me/tokens/x', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it('throws an ApiError carrying the server’s problem', async () => {
    vi.stubGlobal('fetch', respond(400, problemBody));
    const error = await apiFetch('/api/admin/users', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.code).toBe('VALIDATION_FAILED');
    expect(apiError.fieldErrors[0]?.field).toBe('name');
    expect(apiError.message).toBe('入力内容に誤りがあります（氏名）。');
    expect(problemOf(apiError)).toBe(apiError.problem);
  });

  it('reports a lost session to the app', async () => {
    vi.stubGlobal('fetch', respond(401, { ...problemBody, status: 401, code: 'UNAUTHENTICATED', detail: 'ログインが必要です。', errors: undefined }));
    await expect(apiFetch('/api/admin/users')).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthenticated).toHaveBeenCalledOnce();
  });

  it('does not treat a wrong password (401 from /api/auth) as a lost session', async () => {
    vi.stubGlobal('fetch', respond(401, { ...problemBody, status: 401, code: 'UNAUTHENTICATED', detail: 'メールアドレスまたはパスワードが正しくありません。' }));
    await expect(apiFetch('/api/auth/sign-in/email', { method: 'POST', body: {} })).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('stays silent when asked to (the route guard redirects by itself)', async () => {
    vi.stubGlobal('fetch', respond(401, { ...problemBody, status: 401, code: 'UNAUTHENTICATED' }));
    await expect(apiFetch('/api/me', { silent: true })).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('sends accounts that still owe two-factor enrolment to the app’s handler', async () => {
    vi.stubGlobal('fetch', respond(403, { ...problemBody, status: 403, code: 'TWO_FACTOR_REQUIRED', detail: '二要素認証が必須です。' }));
    await expect(apiFetch('/api/admin/users')).rejects.toBeInstanceOf(ApiError);
    expect(onTwoFactorRequired).toHaveBeenCalledOnce();
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('does not call the 2FA handler for an ordinary 403', async () => {
    vi.stubGlobal('fetch', respond(403, { ...problemBody, status: 403, code: 'FORBIDDEN' }));
    await expect(apiFetch('/api/admin/users')).rejects.toBeInstanceOf(ApiError);
    expect(onTwoFactorRequired).not.toHaveBeenCalled();
  });

  it('turns a network failure into a Japanese problem', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const error = (await apiFetch('/api/me').catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.problem.detail).toMatch(/接続できません/);
  });
});

describe('buildUrl', () => {
  it('leaves out empty values and encodes the rest', () => {
    expect(buildUrl('/api/admin/users', { q: '松戸', role: undefined, disabled: '', limit: 25, cursor: null })).toBe(
      '/api/admin/users?q=%E6%9D%BE%E6%88%B8&limit=25',
    );
    expect(buildUrl('/api/me')).toBe('/api/me');
  });
});
