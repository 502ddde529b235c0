// Who may do what: role escalation attempts through every door (our API, better-auth's own
// endpoints, a token), the admin API closed to network members, and every denial in the
// access log as `access.denied`.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { user } from '../../db/schema/index.js';
import { readJson, readProblem, startTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness.js';

interface OpenApi {
  paths: Record<string, Record<string, unknown>>;
}

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

async function rolesInDatabase(userId: string) {
  const [row] = await t.db.select({ role: user.role }).from(user).where(eq(user.id, userId));
  return row?.role;
}

async function deniedRows(userId: string) {
  return (await t.auditRows({ action: 'access.denied', actorUserId: userId })).map((r) => ({ entityId: r.entityId, outcome: r.outcome }));
}

describe('role escalation', () => {
  it('keeps a consultant from giving itself the admin role through any endpoint', async () => {
    const { client, user: me } = await t.signedIn(['consultant']);
    // Our own settings endpoint ignores fields it does not know.
    const patched = await readJson<{ roles: string[]; name: string }>(await client.patch('/api/me', { name: '相談 太郎', roles: ['admin'], role: 'admin' }));
    expect(patched).toMatchObject({ name: '相談 太郎', roles: ['consultant'] });
    // The admin API refuses.
    await readProblem(await client.patch(`/api/admin/users/${me.id}`, { roles: ['admin'] }), 403);
    await readProblem(await client.post(`/api/admin/users/${me.id}/enable`), 403);
    // better-auth's profile and admin-plugin endpoints are closed.
    for (const [path, body] of [
      ['/api/auth/update-user', { role: 'admin', name: 'x' }],
      ['/api/auth/admin/set-role', { userId: me.id, role: 'admin' }],
      ['/api/auth//admin/set-role', { userId: me.id, role: 'admin' }],
      ['/api/auth/Admin/set-role', { userId: me.id, role: 'admin' }],
      ['/api/auth/admin/update-user', { userId: me.id, data: { role: 'admin' } }],
      ['/api/auth/admin/impersonate-user', { userId: me.id }],
    ] as const) {
      const res = await client.post(path, body);
      expect(res.status, path).toBe(403);
    }
    // Nor with a personal token instead of the session.
    const { token } = await readJson<{ token: string }>(await client.post('/api/me/tokens', { name: 'escalate' }), 201);
    const script = t.client();
    script.bearer = token;
    await readProblem(await script.patch(`/api/admin/users/${me.id}`, { roles: ['admin'] }), 403);

    expect(await rolesInDatabase(me.id)).toBe('consultant');
    expect((await readJson<{ roles: string[]; permissions: string[] }>(await client.get('/api/me'))).roles).toEqual(['consultant']);
    const denied = await deniedRows(me.id);
    expect(denied).toEqual(
      expect.arrayContaining([
        { entityId: `PATCH /api/admin/users/${me.id}`, outcome: 'denied' },
        { entityId: 'POST /api/auth/admin/set-role', outcome: 'denied' },
        { entityId: 'POST /api/auth/update-user', outcome: 'denied' },
        { entityId: 'POST /api/auth/admin/impersonate-user', outcome: 'denied' },
      ]),
    );
    expect(denied.filter((d) => d.entityId === `PATCH /api/admin/users/${me.id}`)).toHaveLength(2); // session and token
  });

  it('keeps every non-admin role from creating accounts or reading the access log', async () => {
    for (const role of ['official', 'coordinator', 'consultant', 'provider_staff', 'viewer'] as const) {
      const { client, user: me } = await t.signedIn([role]);
      const email = `esc-${randomUUID().slice(0, 8)}@test.tsunagu.example`;
      const p = await readProblem(await client.post('/api/admin/users', { email, name: '侵入', password: TEST_PASSWORD, roles: ['admin'] }), 403);
      expect(p.code).toBe('FORBIDDEN');
      expect(p.detail).toMatch(/権限/);
      await readProblem(await client.get('/api/admin/audit'), 403);
      await readProblem(await client.get('/api/admin/audit/export.csv'), 403);
      await readProblem(await client.post('/api/admin/audit/verify'), 403);
      await readProblem(await client.get('/api/admin/users'), 403);
      expect(await t.db.select().from(user).where(eq(user.email, email))).toEqual([]);
      expect((await deniedRows(me.id)).map((d) => d.entityId)).toEqual([
        'POST /api/admin/users',
        'GET /api/admin/audit',
        'GET /api/admin/audit/export.csv',
        'POST /api/admin/audit/verify',
        'GET /api/admin/users',
      ]);
    }
  });

  it('closes better-auth admin endpoints to admins as well: accounts change only through the logged admin API', async () => {
    const { client } = await t.signedIn(['admin']);
    const victim = await t.createUser({ roles: ['viewer'] });
    for (const [path, body] of [
      ['/api/auth/admin/set-role', { userId: victim.id, role: 'admin' }],
      ['/api/auth/admin/set-user-password', { userId: victim.id, newPassword: 'password' }],
      ['/api/auth/admin/create-user', { email: 'x@test.tsunagu.example', password: 'password', name: 'x' }],
      ['/api/auth/admin/impersonate-user', { userId: victim.id }],
      ['/api/auth/admin/ban-user', { userId: victim.id }],
    ] as const) {
      const p = await readProblem(await client.post(path, body), 403);
      expect(p.detail).toContain('/api/admin');
    }
    expect((await readProblem(await client.get('/api/auth/admin/list-users'), 403)).code).toBe('FORBIDDEN');
    expect(await rolesInDatabase(victim.id)).toBe('viewer');
    await t.signIn(victim.email);
  });
});

describe('the admin API for network members', () => {
  it('answers 403 to a consultant on every admin operation, reading the region’s admin lists included, and logs each denial', async () => {
    const { client, user: me } = await t.signedIn(['consultant']);
    const doc = await readJson<OpenApi>(await t.client().get('/api/openapi.json'));
    // Network members read the region's reference data outside /api/admin (region.routes.ts).
    const expected: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths).filter(([p]) => p.startsWith('/api/admin/'))) {
      for (const method of Object.keys(ops)) {
        const url = path.replace('{id}', randomUUID());
        const res = await client.request(url, { method: method.toUpperCase(), ...(method === 'get' || method === 'delete' ? {} : { json: {} }) });
        const p = await readProblem(res, 403);
        expect(p.code, `${method} ${path}`).toBe('FORBIDDEN');
        expected.push(`${method.toUpperCase()} ${url}`);
      }
    }
    expect(expected.length).toBeGreaterThan(10);
    expect((await deniedRows(me.id)).map((d) => d.entityId)).toEqual(expected);
  });
});
