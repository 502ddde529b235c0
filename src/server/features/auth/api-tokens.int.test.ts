// Personal API tokens: issued once, used as Bearer, listed without the secret, revoked at once.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiToken } from '../../db/schema/index.js';
import { readJson, readProblem, startTestApp, type TestApp, type TestClient } from '../../test/harness.js';

interface Issued {
  id: string;
  token: string;
  prefix: string;
}
interface Listed {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const bearerClient = (token: string): TestClient => {
  const c = t.client();
  c.bearer = token;
  return c;
};

describe('personal API tokens', () => {
  it('issues a token that works as a Bearer credential with the owner’s permissions', async () => {
    const { client, user } = await t.signedIn(['admin']);
    const issued = await readJson<Issued>(await client.post('/api/me/tokens', { name: 'nightly export' }), 201);
    expect(issued.token).toMatch(/^tsg_[A-Za-z0-9_-]{43}$/);
    expect(issued.token.startsWith(issued.prefix)).toBe(true);
    const script = bearerClient(issued.token);
    expect((await readJson<{ id: string }>(await script.get('/api/me'))).id).toBe(user.id);
    expect((await script.get('/api/admin/users?limit=1')).status).toBe(200);
    // A write needs no Origin with a token.
    expect((await script.request('/api/admin/organizations', { method: 'POST', json: { name: 'トークン法人', nameKana: 'とーくん' }, origin: null })).status).toBe(201);
    const [row] = await t.auditRows({ action: 'organization.create', actorUserId: user.id });
    expect(row?.actorLabel).toBe(user.email);
  });

  it('lists tokens without their secret, newest first', async () => {
    const { client } = await t.signedIn(['viewer']);
    const a = await readJson<Issued>(await client.post('/api/me/tokens', { name: 'first' }), 201);
    const b = await readJson<Issued>(await client.post('/api/me/tokens', { name: 'second', expiresInDays: 30 }), 201);
    const res = await client.get('/api/me/tokens');
    const raw = await res.text();
    expect(raw).not.toContain(a.token);
    expect(raw).not.toContain(b.token);
    expect(raw).not.toMatch(/hash/i);
    const { items } = JSON.parse(raw) as { items: Listed[] };
    expect(items.map((i) => i.name)).toEqual(['second', 'first']);
    expect(Object.keys(items[0]!).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'lastUsedAt', 'name', 'prefix', 'revokedAt']);
    expect(new Date(items[0]!.expiresAt!).getTime() - Date.now()).toBeGreaterThan(29 * 86400_000);
    // Stored as a hash only.
    const [stored] = await t.db.select().from(apiToken).where(eq(apiToken.id, a.id));
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(a.token);
  });

  it('records when a token was last used', async () => {
    const { client } = await t.signedIn(['viewer']);
    const issued = await readJson<Issued>(await client.post('/api/me/tokens', { name: 'used' }), 201);
    await bearerClient(issued.token).get('/api/me');
    const { items } = await readJson<{ items: Listed[] }>(await client.get('/api/me/tokens'));
    expect(items.find((i) => i.id === issued.id)?.lastUsedAt).not.toBeNull();
  });

  it('stops working the moment it is revoked, and the revocation is logged', async () => {
    const { client, user } = await t.signedIn(['viewer']);
    const issued = await readJson<Issued>(await client.post('/api/me/tokens', { name: 'temporary' }), 201);
    const script = bearerClient(issued.token);
    expect((await script.get('/api/me')).status).toBe(200);
    expect((await client.delete(`/api/me/tokens/${issued.id}`)).status).toBe(204);
    const p = await readProblem(await script.get('/api/me'), 401);
    expect(p.detail).toContain('API トークンが無効です');
    const { items } = await readJson<{ items: Listed[] }>(await client.get('/api/me/tokens'));
    expect(items.find((i) => i.id === issued.id)?.revokedAt).not.toBeNull();
    // Revoking twice is a 404, as is revoking someone else's token.
    await readProblem(await client.delete(`/api/me/tokens/${issued.id}`), 404);
    expect((await t.auditRows({ action: 'api_token.create', entityId: issued.id }))[0]?.actorUserId).toBe(user.id);
    expect(await t.auditRows({ action: 'api_token.revoke', entityId: issued.id })).toHaveLength(1);
  });

  it('does not let one user list or revoke another user’s token', async () => {
    const { client: owner } = await t.signedIn(['viewer']);
    const { client: other } = await t.signedIn(['viewer']);
    const issued = await readJson<Issued>(await owner.post('/api/me/tokens', { name: 'mine' }), 201);
    expect((await readJson<{ items: Listed[] }>(await other.get('/api/me/tokens'))).items).toEqual([]);
    await readProblem(await other.delete(`/api/me/tokens/${issued.id}`), 404);
    expect((await bearerClient(issued.token).get('/api/me')).status).toBe(200);
  });

  it('refuses an expired token', async () => {
    const { client } = await t.signedIn(['viewer']);
    const issued = await readJson<Issued>(await client.post('/api/me/tokens', { name: 'short', expiresInDays: 1 }), 201);
    await t.db.update(apiToken).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiToken.id, issued.id));
    await readProblem(await bearerClient(issued.token).get('/api/me'), 401);
  });

  it('answers 401 to unknown and garbled tokens', async () => {
    const { client } = await t.signedIn(['viewer']);
    const issued = await readJson<Issued>(await client.post('/api/me/tokens', { name: 'real' }), 201);
    const flipped = issued.token.slice(0, -1) + (issued.token.endsWith('A') ? 'B' : 'A');
    for (const token of [flipped, 'tsg_', 'tsg_' + randomUUID(), issued.token.slice(4), `${issued.token}x`, 'eyJhbGciOiJIUzI1NiJ9.e30.x', '%00', 'Basic Zm9vOmJhcg==']) {
      const p = await readProblem(await bearerClient(token).get('/api/me'), 401);
      expect(p.code).toBe('UNAUTHENTICATED');
    }
    await readProblem(await t.client().get('/api/me', { headers: { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` } }), 401);
  });

  it('validates the token name and lifetime, naming the field', async () => {
    const { client } = await t.signedIn(['viewer']);
    const p = await readProblem(await client.post('/api/me/tokens', { name: ' ', expiresInDays: 0 }), 400);
    const fields = Object.fromEntries((p.errors ?? []).map((e) => [e.field, e]));
    expect(fields.name?.label).toBe('トークン名');
    expect(fields.expiresInDays?.label).toBe('有効日数');
    await readProblem(await client.post('/api/me/tokens', { name: 'x'.repeat(101) }), 400);
  });
});
