// Hostile input at the edge of the app: oversized and malformed bodies, the wrong content
// type, injection strings in every text field, characters PostgreSQL cannot store, forged
// identifiers, and cross-site writes. None of it may reach a 500 or run as code.
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent, municipality, office, organization, user } from './db/schema/index.js';
import { randomKana, readJson, readProblem, startTestApp, TEST_PASSWORD, type TestApp, type TestClient } from './test/harness.js';

/** Strings that would do harm if pasted into SQL or HTML instead of being treated as text. */
const HOSTILE = [
  `Robert'); DROP TABLE "user"; --`,
  `' OR '1'='1' --`,
  `"; DELETE FROM audit_event; SELECT "`,
  `<script>alert("xss")</script>`,
  `<img src=x onerror=alert(1)>&amp;`,
  `%_\\ $1 $$ \${7*7} {{7*7}}`,
  `𠮷野家 ＡＢＣ 😀 ﾃｽﾄ`,
];

let t: TestApp;
let admin: TestClient;

beforeAll(async () => {
  t = await startTestApp({ BODY_LIMIT_BYTES: String(64 * 1024) });
  admin = (await t.signedIn(['admin'])).client;
});
afterAll(async () => t?.close());

/** Raw request with a string body, for bodies TestClient would not produce. */
function send(client: TestClient, method: string, path: string, body: BodyInit, headers: Record<string, string> = {}) {
  return client.request(path, { method, body, headers, ...({ duplex: 'half' } as object) });
}

async function tablesStillThere() {
  for (const table of [user, office, organization, municipality, auditEvent]) {
    const [{ n } = { n: -1 }] = await t.db.select({ n: sql<number>`count(*)::int` }).from(table);
    expect(n).toBeGreaterThan(0);
  }
}

describe('request bodies', () => {
  it('answers 413 problem+json for a body over the limit, declared or streamed, signed in or not', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(70 * 1024) });
    for (const client of [admin, t.client()]) {
      const p = await readProblem(await send(client, 'POST', '/api/admin/organizations', big, { 'content-type': 'application/json' }), 413);
      expect(p.code).toBe('PAYLOAD_TOO_LARGE');
      expect(p.detail).toContain('大きすぎます');
    }
    // Chunked: no Content-Length to trust, the limit applies while reading.
    const chunks = new ReadableStream<Uint8Array>({
      start(ctl) {
        for (let i = 0; i < 70; i++) ctl.enqueue(new TextEncoder().encode('x'.repeat(1024)));
        ctl.close();
      },
    });
    const p = await readProblem(await send(admin, 'POST', '/api/admin/organizations', chunks, { 'content-type': 'application/json' }), 413);
    expect(p.code).toBe('PAYLOAD_TOO_LARGE');
    // The sign-in endpoint is behind the same limit.
    await readProblem(await send(t.client(), 'POST', '/api/auth/sign-in/email', big, { 'content-type': 'application/json' }), 413);
  });

  it('answers 400 problem+json in Japanese for malformed JSON', async () => {
    for (const body of ['{"name": ', '{name: "x"}', '\u0000', '[1,2', 'null garbage']) {
      const p = await readProblem(await send(admin, 'POST', '/api/admin/organizations', body, { 'content-type': 'application/json' }), 400);
      expect(p.code).toBe('BAD_REQUEST');
      expect(p.detail).toContain('JSON');
      expect(p.detail).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    }
  });

  it('answers 400 naming the body when the JSON is not an object', async () => {
    const p = await readProblem(await send(admin, 'POST', '/api/admin/organizations', '"just a string"', { 'content-type': 'application/json' }), 400);
    expect(p.code).toBe('VALIDATION_FAILED');
  });

  it('refuses a write whose body is not JSON with 415 instead of treating it as empty', async () => {
    const { user: u } = await t.signedIn(['viewer']);
    const res = await send(admin, 'PATCH', `/api/admin/users/${u.id}`, JSON.stringify({ roles: ['admin'] }), { 'content-type': 'text/plain' });
    expect((await readProblem(res, 415)).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    await readProblem(await send(admin, 'POST', '/api/admin/organizations', 'name=x&nameKana=y', { 'content-type': 'application/x-www-form-urlencoded' }), 415);
    // Nothing was changed, and nothing was logged as changed.
    expect(await t.auditRows({ action: 'user.update', entityId: u.id })).toEqual([]);
    // A write without a body is fine, as is JSON with a charset.
    expect((await admin.post(`/api/admin/users/${u.id}/disable`)).status).toBe(200);
    expect((await send(admin, 'POST', `/api/admin/users/${u.id}/enable`, '', {})).status).toBe(200);
    const ok = await send(admin, 'POST', '/api/admin/organizations', JSON.stringify({ name: '文字コード付き', nameKana: 'もじこーど' }), { 'content-type': 'application/json; charset=utf-8' });
    expect(ok.status).toBe(201);
  });
});

describe('injection strings', () => {
  it('stores and returns them verbatim in every text field of organisations, offices and municipalities', async () => {
    for (const s of HOSTILE) {
      const org = await readJson<{ id: string; name: string }>(await admin.post('/api/admin/organizations', { name: s, nameKana: randomKana() }), 201);
      expect(org.name).toBe(s);
      const created = await admin.post('/api/admin/offices', { name: s, nameKana: randomKana(), sector: 'welfare', municipalityCode: '12207', organizationId: org.id });
      expect(created.headers.get('content-type')).toMatch(/^application\/json/);
      const o = await readJson<{ id: string; name: string; organizationName: string }>(created, 201);
      expect(o).toMatchObject({ name: s, organizationName: s });
      expect((await readJson<{ name: string }>(await admin.get(`/api/admin/offices/${o.id}`))).name).toBe(s);
      const [row] = await t.db.select().from(office).where(eq(office.id, o.id));
      expect(row?.name).toBe(s);
    }
    const [s0, s1, s2] = HOSTILE;
    const m = await readJson<{ name: string; prefectureName: string; region: string }>(
      await admin.put('/api/admin/municipalities', { code: '12999', name: s0, nameKana: 'てすと', prefectureName: s1, region: s2 }),
    );
    expect(m).toMatchObject({ name: s0, prefectureName: s1, region: s2 });
    await tablesStillThere();
  });

  it('stores them verbatim as account names, token names, disable reasons and passwords', async () => {
    for (const s of HOSTILE) {
      const u = await readJson<{ id: string; name: string; email: string }>(
        await admin.post('/api/admin/users', { email: `h-${randomUUID().slice(0, 8)}@test.tsunagu.example`, name: s.slice(0, 100), password: `${s} ${TEST_PASSWORD}`, roles: ['viewer'] }),
        201,
      );
      expect(u.name).toBe(s.slice(0, 100));
      // The hostile password is just a password.
      const c = await t.signIn(u.email, `${s} ${TEST_PASSWORD}`);
      expect((await readJson<{ name: string }>(await c.patch('/api/me', { name: s }))).name).toBe(s);
      const tok = await readJson<{ id: string }>(await c.post('/api/me/tokens', { name: s }), 201);
      const list = await readJson<{ items: { id: string; name: string }[] }>(await c.get('/api/me/tokens'));
      expect(list.items.find((x) => x.id === tok.id)?.name).toBe(s);
      await readJson(await admin.post(`/api/admin/users/${u.id}/disable`, { reason: s }));
      expect((await t.auditRows({ action: 'user.disable', entityId: u.id }))[0]?.details).toMatchObject({ reason: s });
    }
    await tablesStillThere();
  });

  it('treats them as plain search terms, wildcards included', async () => {
    const tag = randomUUID().slice(0, 6);
    const pct = await readJson<{ id: string }>(await admin.post('/api/admin/offices', { name: `達成率100%_${tag}`, nameKana: randomKana(), sector: 'medical', municipalityCode: '12207' }), 201);
    await readJson(await admin.post('/api/admin/offices', { name: `達成率100X${tag}`, nameKana: randomKana(), sector: 'medical', municipalityCode: '12207' }), 201);
    const hits = await readJson<{ items: { id: string }[] }>(await admin.get(`/api/admin/offices?q=${encodeURIComponent(`100%_${tag}`)}`));
    expect(hits.items.map((i) => i.id)).toEqual([pct.id]);
    for (const q of [...HOSTILE, '%', '_', '\\'].map((s) => s.slice(0, 100))) {
      for (const path of ['/api/admin/users', '/api/admin/offices', '/api/admin/organizations']) {
        const res = await admin.get(`${path}?q=${encodeURIComponent(q)}`);
        expect(res.status).toBe(200);
      }
      for (const field of ['actor', 'action', 'entityType', 'entityId', 'clientId']) {
        const res = await admin.get(`/api/admin/audit?${field}=${encodeURIComponent(q.slice(0, 50))}`);
        expect(res.status).toBe(200);
      }
    }
    // `%` alone matches only names that contain a percent sign.
    const all = await readJson<{ items: { name: string }[] }>(await admin.get('/api/admin/offices?q=%25&limit=200'));
    expect(all.items.length).toBeGreaterThan(0);
    expect(all.items.every((o) => o.name.includes('%'))).toBe(true);
    await tablesStillThere();
  });

  it('answers 404 (not an error) for identifiers that are injection strings', async () => {
    for (const s of HOSTILE.slice(0, 4)) {
      const id = encodeURIComponent(s);
      await readProblem(await admin.get(`/api/admin/users/${id}`), 404);
      await readProblem(await admin.get(`/api/admin/offices/${id}`), 404);
      await readProblem(await admin.patch(`/api/admin/organizations/${id}`, { name: 'x' }), 404);
      await readProblem(await admin.delete(`/api/me/tokens/${id}`), 404);
    }
    await tablesStillThere();
  });

  it('refuses injection strings where the field has a format, naming the field', async () => {
    const [s] = HOSTILE;
    const p = await readProblem(await admin.post('/api/admin/offices', { name: 'x', nameKana: s, sector: s, municipalityCode: s }), 400);
    expect((p.errors ?? []).map((e) => e.field).sort()).toEqual(['municipalityCode', 'nameKana', 'sector']);
    const u = await readProblem(await admin.post('/api/admin/users', { email: `${s}@x.example`, name: 'x', password: TEST_PASSWORD, roles: [s] }), 400);
    expect((u.errors ?? []).map((e) => e.field).sort()).toEqual(['email', 'roles.0']);
  });
});

describe('characters the database cannot store', () => {
  it('answers 400, not 500, for a NUL character in a body, a query or a path', async () => {
    const nul = 'a\u0000b';
    const p = await readProblem(await admin.post('/api/admin/organizations', { name: nul, nameKana: 'えぬゆー' }), 400);
    expect(p.detail).toContain('使用できない文字');
    await readProblem(await admin.post('/api/admin/offices', { name: nul, nameKana: 'えぬゆー', sector: 'welfare', municipalityCode: '12207' }), 400);
    await readProblem(await admin.post('/api/admin/users', { email: `n-${randomUUID().slice(0, 6)}@test.tsunagu.example`, name: nul, password: TEST_PASSWORD, roles: ['viewer'] }), 400);
    await readProblem(await admin.patch('/api/me', { name: nul }), 400);
    await readProblem(await admin.post('/api/me/tokens', { name: nul }), 400);
    await readProblem(await admin.get('/api/admin/offices?q=%00'), 400);
    await readProblem(await admin.get('/api/admin/users?q=a%00'), 400);
    await readProblem(await admin.get('/api/admin/audit?entityId=%00'), 400);
    await readProblem(await admin.get('/api/admin/users/%00'), 400);
    await readProblem(await t.client().post('/api/auth/sign-in/email', { email: `x\u0000@test.tsunagu.example`, password: 'whatever-123' }), 400);
    expect(await t.db.select().from(organization).where(eq(organization.nameKana, 'えぬゆー'))).toEqual([]);
  });

  it('answers 400 for a date filter that does not exist or is out of range', async () => {
    await readProblem(await admin.get('/api/admin/audit?from=99999-01-01'), 400);
    await readProblem(await admin.get('/api/admin/audit?from=2026-02-30'), 400);
  });
});

describe('cross-site writes (CSRF)', () => {
  it('refuses a cookie-authenticated write without an Origin, or from another origin, and logs it', async () => {
    const { client, user: victim } = await t.signedIn(['viewer']);
    for (const origin of [null, 'https://evil.example', 'null', `${t.url}.evil.example`]) {
      const res = await client.request('/api/me/tokens', { method: 'POST', json: { name: 'x' }, origin });
      const p = await readProblem(res, 403);
      expect(p.code).toBe('CSRF_REJECTED');
    }
    await readProblem(await client.request('/api/me', { method: 'PATCH', json: { name: 'evil' }, origin: null }), 403);
    await readProblem(await client.request(`/api/me/tokens/${randomUUID()}`, { method: 'DELETE', origin: 'https://evil.example' }), 403);
    expect((await readJson<{ items: unknown[] }>(await client.get('/api/me/tokens'))).items).toEqual([]);
    // Each attempt is logged under the user whose browser was used.
    const denied = await t.auditRows({ action: 'access.denied', actorUserId: victim.id, details: { code: 'CSRF_REJECTED' } });
    expect(denied.map((r) => r.entityId)).toEqual([...Array(4).fill('POST /api/me/tokens'), 'PATCH /api/me', expect.stringMatching(/^DELETE \/api\/me\/tokens\//)]);
    // Reads need no Origin, and a write from our own page goes through.
    expect((await client.get('/api/me')).status).toBe(200);
    expect((await client.post('/api/me/tokens', { name: 'ok' })).status).toBe(201);
    expect((await readJson<{ name: string }>(await client.get('/api/me'))).name).not.toBe('evil');
  });

  it('answers 401 to an anonymous cross-site write, which leaves no trace in the access log', async () => {
    const before = (await t.auditRows({ action: 'access.denied' })).length;
    await readProblem(await t.client().request('/api/me/tokens', { method: 'POST', json: { name: 'x' }, origin: 'https://evil.example' }), 401);
    await readProblem(await t.client().request('/api/admin/users', { method: 'POST', json: {}, origin: null }), 401);
    expect(await t.auditRows({ action: 'access.denied' })).toHaveLength(before);
  });

  it('accepts a same-origin write a browser marked with Sec-Fetch-Site instead of Origin', async () => {
    const { client } = await t.signedIn(['viewer']);
    const res = await client.request('/api/me', { method: 'PATCH', json: { locale: 'en' }, origin: null, headers: { 'sec-fetch-site': 'same-origin' } });
    expect(res.status).toBe(200);
    await readProblem(await client.request('/api/me', { method: 'PATCH', json: { locale: 'ja' }, origin: null, headers: { 'sec-fetch-site': 'cross-site' } }), 403);
  });

  it('refuses cross-site writes to the sign-in endpoints too', async () => {
    const { client } = await t.signedIn(['viewer']);
    const p = await readProblem(await client.request('/api/auth/change-password', { method: 'POST', json: { currentPassword: TEST_PASSWORD, newPassword: 'another-horse-battery-7' }, origin: 'https://evil.example' }), 403);
    expect(p.code).toBe('CSRF_REJECTED');
    const out = await client.request('/api/auth/sign-out', { method: 'POST', json: {}, origin: 'https://evil.example' });
    expect(out.status).toBe(403);
    expect((await client.get('/api/me')).status).toBe(200);
  });

  it('lets a Bearer-token write through without an Origin', async () => {
    const { client } = await t.signedIn(['viewer']);
    const { token } = await readJson<{ token: string }>(await client.post('/api/me/tokens', { name: 'script' }), 201);
    const script = t.client();
    script.bearer = token;
    const res = await script.request('/api/me', { method: 'PATCH', json: { name: 'スクリプト' }, origin: null });
    expect((await readJson<{ name: string }>(res)).name).toBe('スクリプト');
  });

  it('answers 401 to a malformed Bearer header instead of falling back to the session cookie', async () => {
    const { client } = await t.signedIn(['viewer']);
    for (const authorization of ['Bearer', 'Bearer ', 'Bearer a b', 'bearer  ']) {
      const res = await client.request('/api/me', { method: 'PATCH', json: { name: 'csrf' }, origin: null, headers: { authorization } });
      expect((await readProblem(res, 401)).code).toBe('UNAUTHENTICATED');
    }
    expect((await readJson<{ name: string }>(await client.get('/api/me'))).name).not.toBe('csrf');
  });
});

describe('errors', () => {
  it('answers an unknown API path with a Japanese 404 problem', async () => {
    const p = await readProblem(await admin.get('/api/no-such-thing'), 404);
    expect(p).toMatchObject({ code: 'NOT_FOUND', type: 'urn:tsunagu:problem:not-found' });
    expect(p.detail).toContain('存在しません');
  });

  it('echoes the request id in the header and the problem body', async () => {
    const res = await admin.get('/api/admin/users?limit=999');
    const p = await readProblem(res, 400);
    expect(p.requestId).toBeTruthy();
    expect(res.headers.get('x-request-id')).toBe(p.requestId);
  });
});
