import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollTotp, nextTotp, startTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ REQUIRE_2FA: '1' });
});
afterAll(async () => t?.close());

describe('sign-in', () => {
  it('answers the same generic 401 for a wrong password and for an unknown account', async () => {
    const u = await t.createUser({ roles: ['viewer'] });
    const wrong = await t.client().post('/api/auth/sign-in/email', { email: u.email, password: 'wrong-password-1' });
    const unknown = await t.client().post('/api/auth/sign-in/email', { email: 'nobody@test.tsunagu.example', password: 'wrong-password-1' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const a = (await wrong.json()) as { detail: string };
    const b = (await unknown.json()) as { detail: string };
    expect(a.detail).toBe(b.detail);
    expect(a.detail).toContain('メールアドレスまたはパスワード');
  });

  it('requires TOTP after the password once two-factor is enrolled', async () => {
    const u = await t.createUser({ roles: ['consultant'] });
    const c = await t.signIn(u.email);
    const { secret } = await enrollTotp(c);
    const c2 = t.client();
    const first = await c2.post('/api/auth/sign-in/email', { email: u.email, password: TEST_PASSWORD });
    expect(await first.json()).toMatchObject({ twoFactorRedirect: true });
    expect((await c2.get('/api/me')).status).toBe(401);
    const bad = await c2.post('/api/auth/two-factor/verify-totp', { code: '000000' });
    expect(bad.status).toBe(401);
    const ok = await c2.post('/api/auth/two-factor/verify-totp', { code: await nextTotp(secret) });
    expect(ok.status).toBe(200);
    const me = (await (await c2.get('/api/me')).json()) as { twoFactorEnabled: boolean };
    expect(me.twoFactorEnabled).toBe(true);
  });

  it('refuses a TOTP code that was already used (replay) and opens no session', async () => {
    const u = await t.createUser({ roles: ['consultant'] });
    const { secret } = await enrollTotp(await t.signIn(u.email));
    const code = await nextTotp(secret);
    const a = t.client();
    await a.post('/api/auth/sign-in/email', { email: u.email, password: TEST_PASSWORD });
    expect((await a.post('/api/auth/two-factor/verify-totp', { code })).status).toBe(200);
    const b = t.client();
    await b.post('/api/auth/sign-in/email', { email: u.email, password: TEST_PASSWORD });
    const replay = await b.post('/api/auth/two-factor/verify-totp', { code });
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as { detail: string }).detail).toContain('すでに使われています');
    expect((await b.get('/api/me')).status).toBe(401);
    expect((await a.get('/api/me')).status).toBe(200);
  });

  it('blocks every API but /api/me for a role that must enrol two-factor', async () => {
    const { client } = await t.signedIn(['admin']);
    const me = (await (await client.get('/api/me')).json()) as { twoFactorRequired: boolean };
    expect(me.twoFactorRequired).toBe(true);
    const res = await client.get('/api/admin/users');
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe('TWO_FACTOR_REQUIRED');
  });

  it('writes sign-in successes and failures to the access log', async () => {
    const u = await t.createUser({ roles: ['viewer'] });
    await t.client().post('/api/auth/sign-in/email', { email: u.email, password: 'nope-nope-1' });
    await t.signIn(u.email);
    const { client: admin } = await t.signedIn(['admin']);
    await enrollTotp(admin);
    const res = await admin.get(`/api/admin/audit?action=auth.sign_in&entityId=${encodeURIComponent(u.email)}`);
    const body = (await res.json()) as { items: { outcome: string }[] };
    expect(body.items.map((i) => i.outcome).sort()).toEqual(['failure', 'success']);
  });
});

describe('throttling', () => {
  it('throttles an account after repeated failures, with the same message whether or not it exists', async () => {
    const t2 = await startTestApp({ AUTH_ACCOUNT_MAX_FAILURES_PER_HOUR: '3', AUTH_IP_MAX_SIGNIN_PER_MINUTE: '1000' });
    try {
      const u = await t2.createUser({ roles: ['viewer'] });
      for (let i = 0; i < 3; i++) expect((await t2.client().post('/api/auth/sign-in/email', { email: u.email, password: `bad-pass-${i}x` })).status).toBe(401);
      // Even the right password is refused now.
      const locked = await t2.client().post('/api/auth/sign-in/email', { email: u.email, password: TEST_PASSWORD });
      expect(locked.status).toBe(429);
      for (let i = 0; i < 3; i++) await t2.client().post('/api/auth/sign-in/email', { email: 'ghost@test.tsunagu.example', password: `bad-pass-${i}x` });
      const ghost = await t2.client().post('/api/auth/sign-in/email', { email: 'ghost@test.tsunagu.example', password: 'bad-pass-9x' });
      expect(ghost.status).toBe(429);
      expect(((await ghost.json()) as { detail: string }).detail).toBe(((await locked.json()) as { detail: string }).detail);
    } finally {
      await t2.close();
    }
  });

  it('rate-limits sign-in attempts per IP address', async () => {
    const t3 = await startTestApp({ AUTH_IP_MAX_SIGNIN_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await t3.client().post('/api/auth/sign-in/email', { email: `x${i}@test.tsunagu.example`, password: 'whatever-123' })).status);
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
      expect(statuses.slice(3)).toEqual([429, 429]);
    } finally {
      await t3.close();
    }
  });
});

describe('sessions', () => {
  it('ends a session that is older than the absolute limit even while active', async () => {
    const u = await t.createUser({ roles: ['viewer'] });
    const c = await t.signIn(u.email);
    expect((await c.get('/api/me')).status).toBe(200);
    // Age the session in the database instead of waiting 12 hours.
    const { session } = await import('../../db/schema/index.js');
    const { eq } = await import('drizzle-orm');
    await t.db.update(session).set({ createdAt: new Date(Date.now() - 13 * 3600_000) }).where(eq(session.userId, u.id));
    const res = await c.get('/api/me');
    expect(res.status).toBe(401);
    expect(((await res.json()) as { detail: string }).detail).toContain('時間が経過');
    expect((await c.get('/api/me')).status).toBe(401);
  });

  it('ends every session and token of a disabled account at once', async () => {
    const t2 = await startTestApp();
    try {
      const { client: admin } = await t2.signedIn(['admin']);
      const { client: victim, user } = await t2.signedIn(['consultant']);
      const tok = (await (await victim.post('/api/me/tokens', { name: 'script' })).json()) as { token: string };
      const byToken = t2.client();
      byToken.bearer = tok.token;
      expect((await byToken.get('/api/me')).status).toBe(200);
      expect((await admin.post(`/api/admin/users/${user.id}/disable`, { reason: '退職' })).status).toBe(200);
      expect((await victim.get('/api/me')).status).toBe(401);
      expect((await byToken.get('/api/me')).status).toBe(401);
      expect((await t2.client().post('/api/auth/sign-in/email', { email: user.email, password: TEST_PASSWORD })).status).toBe(403);
    } finally {
      await t2.close();
    }
  });
});

describe('passwords', () => {
  it('refuses a common password when changing it', async () => {
    const u = await t.createUser({ roles: ['viewer'] });
    const c = await t.signIn(u.email);
    const res = await c.post('/api/auth/change-password', { currentPassword: TEST_PASSWORD, newPassword: 'password123' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toContain('パスワード');
  });

  it('stores passwords with argon2id, never in clear', async () => {
    const u = await t.createUser({ roles: ['viewer'] });
    const { account } = await import('../../db/schema/index.js');
    const { eq } = await import('drizzle-orm');
    const [row] = await t.db.select().from(account).where(eq(account.userId, u.id));
    expect(row!.password).toMatch(/^\$argon2id\$/);
    expect(row!.password).not.toContain(TEST_PASSWORD);
  });
});
