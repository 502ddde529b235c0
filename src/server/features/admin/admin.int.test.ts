// The admin API: municipalities, organisations, offices, accounts, roles and office
// memberships — happy paths, not-found, conflicts, field-naming validation errors, the list
// convention, and the access-log row written in the same transaction as each change.
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { office, organization, user } from '../../db/schema/index.js';
import { randomKana, readJson, readProblem, startTestApp, TEST_PASSWORD, type TestApp, type TestClient } from '../../test/harness.js';

interface AdminUser {
  id: string;
  email: string;
  name: string;
  nameKana: string | null;
  roles: string[];
  municipalityCode: string | null;
  offices: { id: string; name: string }[];
  disabled: boolean;
  twoFactorEnabled: boolean;
}
interface Office {
  id: string;
  name: string;
  nameKana: string;
  sector: string;
  municipalityCode: string;
  municipalityName: string;
  organizationId: string | null;
  organizationName: string | null;
  memberCount: number;
}
interface Organization {
  id: string;
  name: string;
  nameKana: string;
  corporateNumber: string | null;
  officeCount: number;
}
interface Page<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
}

let t: TestApp;
let admin: TestClient;
let adminId: string;

beforeAll(async () => {
  t = await startTestApp();
  const signed = await t.signedIn(['admin']);
  admin = signed.client;
  adminId = signed.user.id;
});
afterAll(async () => t?.close());

const newEmail = () => `a-${randomUUID().slice(0, 8)}@test.tsunagu.example`;
const newUserInput = (extra: Record<string, unknown> = {}) => ({
  email: newEmail(),
  name: `利用 ${randomUUID().slice(0, 6)}`,
  nameKana: randomKana(),
  password: TEST_PASSWORD,
  roles: ['consultant'],
  municipalityCode: '12207',
  ...extra,
});
const newOfficeInput = (extra: Record<string, unknown> = {}) => ({
  name: `事業所 ${randomUUID().slice(0, 6)}`,
  nameKana: randomKana(),
  sector: 'welfare',
  municipalityCode: '12207',
  ...extra,
});

async function createOrganization(extra: Record<string, unknown> = {}) {
  return readJson<Organization>(await admin.post('/api/admin/organizations', { name: `法人 ${randomUUID().slice(0, 6)}`, nameKana: randomKana(), ...extra }), 201);
}

/** Follows nextCursor from the first page to the last. */
async function pageThrough<T>(client: TestClient, path: string, limit: number): Promise<{ pages: Page<T>[]; items: T[] }> {
  const pages: Page<T>[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page: Page<T> = await readJson<Page<T>>(await client.get(`${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`));
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor && pages.length < 500);
  return { pages, items: pages.flatMap((p) => p.items) };
}

describe('municipalities', () => {
  it('lets any network member read them and an admin add and rename one, each change in the access log', async () => {
    const { client: consultant } = await t.signedIn(['consultant']);
    const list = await readJson<Page<{ code: string }>>(await consultant.get('/api/region/municipalities'));
    expect(list.items.map((m) => m.code)).toContain('12207');
    expect(list.total).toBe(list.items.length);

    const code = `12${String(900 + Math.floor(Math.random() * 99))}`;
    const created = await readJson<{ code: string; prefectureCode: string; name: string }>(
      await admin.put('/api/admin/municipalities', { code, name: 'テスト市', nameKana: 'てすとし', prefectureName: '千葉県', region: '東葛北部' }),
    );
    expect(created).toMatchObject({ code, prefectureCode: '12', name: 'テスト市' });
    await readJson(await admin.put('/api/admin/municipalities', { code, name: 'テスト新市', nameKana: 'てすとしんし', prefectureName: '千葉県' }));

    expect((await t.auditRows({ entityType: 'municipality', entityId: code })).map((r) => r.action)).toEqual(['municipality.create', 'municipality.update']);
  });

  it('refuses a code whose first two digits are not a prefecture, naming the field', async () => {
    const p = await readProblem(await admin.put('/api/admin/municipalities', { code: '99001', name: '架空市', nameKana: 'かくうし', prefectureName: '架空県' }), 400);
    expect(p.errors?.[0]).toMatchObject({ field: 'code', label: '市区町村コード' });
  });

  it('is closed to writes for everyone but an admin', async () => {
    const { client: official } = await t.signedIn(['official']);
    const p = await readProblem(await official.put('/api/admin/municipalities', { code: '12217', name: '柏市', nameKana: 'かしわし', prefectureName: '千葉県' }), 403);
    expect(p.code).toBe('FORBIDDEN');
  });
});

describe('the region for network members', () => {
  it('refuses the admin lists to every other role with 403 and nothing of the list, each denial logged', async () => {
    const org = await createOrganization({ corporateNumber: '9876543210987' });
    const o = await readJson<Office>(await admin.post('/api/admin/offices', newOfficeInput({ organizationId: org.id })), 201);
    for (const role of ['consultant', 'coordinator', 'official', 'provider_staff', 'viewer'] as const) {
      const { client, user: u } = await t.signedIn([role]);
      const paths = ['/api/admin/offices', `/api/admin/offices?q=${encodeURIComponent(o.name)}`, `/api/admin/offices/${o.id}`, '/api/admin/organizations', `/api/admin/organizations?q=${encodeURIComponent(org.name)}`];
      for (const path of paths) {
        const res = await client.get(path);
        const text = await res.clone().text();
        const p = await readProblem(res, 403);
        expect(p.code, `${role} ${path}`).toBe('FORBIDDEN');
        for (const secret of [o.id, o.name, org.name, '9876543210987', 'memberCount', 'officeCount']) expect(text, `${role} ${path}`).not.toContain(secret);
      }
      // The municipalities are read outside /api/admin: no list there for anyone.
      const moved = await client.get('/api/admin/municipalities');
      expect(moved.status).not.toBe(200);
      expect(await moved.text()).not.toContain('松戸市');
      const denied = await t.auditRows({ action: 'access.denied', actorUserId: u.id });
      expect(denied.map((d) => d.entityId), role).toEqual(paths.map((p) => `GET ${p.split('?')[0]}`));
    }
  });

  it('gives every network member the municipalities and offices by name — who and where, no admin fields', async () => {
    const org = await createOrganization();
    const o = await readJson<Office>(await admin.post('/api/admin/offices', newOfficeInput({ organizationId: org.id })), 201);
    for (const role of ['consultant', 'viewer', 'admin'] as const) {
      const { client } = await t.signedIn([role]);
      const munis = await readJson<Page<{ code: string; name: string }>>(await client.get('/api/region/municipalities'));
      expect(munis.items.find((m) => m.code === '12207')?.name).toBe('松戸市');
      const hits = await readJson<Page<Record<string, unknown>>>(await client.get(`/api/region/offices?q=${encodeURIComponent(o.name)}`));
      expect(hits.items).toEqual([{ id: o.id, name: o.name, nameKana: o.nameKana, sector: 'welfare', municipalityCode: '12207', municipalityName: '松戸市', organizationName: org.name }]);
    }
    const p = await readProblem(await t.client().get('/api/region/offices'), 401);
    expect(p.code).toBe('UNAUTHENTICATED');
  });
});

describe('organisations', () => {
  it('creates, renames and deletes one; its offices stay, unlinked', async () => {
    const org = await createOrganization({ corporateNumber: '1234567890123' });
    expect(org).toMatchObject({ corporateNumber: '1234567890123', officeCount: 0 });
    const o = await readJson<Office>(await admin.post('/api/admin/offices', newOfficeInput({ organizationId: org.id })), 201);
    expect(o).toMatchObject({ organizationId: org.id, organizationName: org.name });

    const renamed = await readJson<Organization>(await admin.patch(`/api/admin/organizations/${org.id}`, { name: '改名した法人' }));
    expect(renamed).toMatchObject({ id: org.id, name: '改名した法人', officeCount: 1 });

    expect((await admin.delete(`/api/admin/organizations/${org.id}`)).status).toBe(204);
    const after = await readJson<Office>(await admin.get(`/api/admin/offices/${o.id}`));
    expect(after).toMatchObject({ organizationId: null, organizationName: null });
    expect((await t.auditRows({ entityType: 'organization', entityId: org.id })).map((r) => r.action)).toEqual([
      'organization.create',
      'organization.update',
      'organization.delete',
    ]);
  });

  it('answers 404 for an organisation that does not exist', async () => {
    const id = randomUUID();
    expect((await readProblem(await admin.patch(`/api/admin/organizations/${id}`, { name: 'x' }), 404)).detail).toContain('法人');
    await readProblem(await admin.delete(`/api/admin/organizations/${id}`), 404);
  });

  it('names the field of a malformed 法人番号', async () => {
    const p = await readProblem(await admin.post('/api/admin/organizations', { name: '法人', nameKana: 'ほうじん', corporateNumber: '12-34' }), 400);
    expect(p.code).toBe('VALIDATION_FAILED');
    expect(p.errors).toEqual([expect.objectContaining({ field: 'corporateNumber', label: '法人番号' })]);
    expect(p.errors?.[0]?.message).toContain('13桁');
  });
});

describe('offices', () => {
  it('creates, reads, updates and deletes an office', async () => {
    const input = newOfficeInput({ sector: 'medical' });
    const created = await readJson<Office>(await admin.post('/api/admin/offices', input), 201);
    expect(created).toMatchObject({ name: input.name, sector: 'medical', municipalityCode: '12207', municipalityName: '松戸市', memberCount: 0 });
    const updated = await readJson<Office>(await admin.patch(`/api/admin/offices/${created.id}`, { sector: 'education', municipalityCode: '12217' }));
    expect(updated).toMatchObject({ sector: 'education', municipalityCode: '12217' });
    expect((await admin.delete(`/api/admin/offices/${created.id}`)).status).toBe(204);
    await readProblem(await admin.get(`/api/admin/offices/${created.id}`), 404);
  });

  it('answers 404 for an office that does not exist', async () => {
    const id = randomUUID();
    await readProblem(await admin.get(`/api/admin/offices/${id}`), 404);
    await readProblem(await admin.patch(`/api/admin/offices/${id}`, { name: 'x' }), 404);
    await readProblem(await admin.delete(`/api/admin/offices/${id}`), 404);
  });

  it('refuses an unknown municipality or organisation, naming the field', async () => {
    const m = await readProblem(await admin.post('/api/admin/offices', newOfficeInput({ municipalityCode: '47999' })), 400);
    expect(m.errors?.[0]).toMatchObject({ field: 'municipalityCode', label: '市区町村コード' });
    const o = await readProblem(await admin.post('/api/admin/offices', newOfficeInput({ organizationId: randomUUID() })), 400);
    expect(o.errors?.[0]).toMatchObject({ field: 'organizationId', label: '法人' });
  });

  it('names every field at fault with its Japanese label', async () => {
    const p = await readProblem(await admin.post('/api/admin/offices', { name: '', nameKana: 'Kanji漢字', sector: 'space', municipalityCode: '1220' }), 400);
    const byField = Object.fromEntries((p.errors ?? []).map((e) => [e.field, e]));
    expect(Object.keys(byField).sort()).toEqual(['municipalityCode', 'name', 'nameKana', 'sector']);
    expect(byField.name?.message).toContain('事業所名');
    expect(byField.nameKana).toMatchObject({ label: '事業所名（よみ）', message: '事業所名（よみ）: ひらがな・カタカナで入力してください' });
    expect(byField.sector?.message).toContain('分野');
    expect(p.detail).toContain('入力内容に誤りがあります');
  });
});

describe('accounts', () => {
  it('creates an account with roles, municipality and offices, and shows it', async () => {
    const o = await t.createOffice();
    const input = newUserInput({ roles: ['coordinator', 'consultant'], officeIds: [o.id], email: `  Mixed.${randomUUID().slice(0, 6)}@Test.Tsunagu.Example ` });
    const created = await readJson<AdminUser>(await admin.post('/api/admin/users', input), 201);
    expect(created).toMatchObject({
      email: input.email.trim().toLowerCase(),
      roles: ['coordinator', 'consultant'],
      municipalityCode: '12207',
      offices: [{ id: o.id, name: o.name }],
      disabled: false,
      twoFactorEnabled: false,
    });
    expect(await readJson<AdminUser>(await admin.get(`/api/admin/users/${created.id}`))).toEqual(created);
    // The new account can sign in with the password the admin chose.
    const c = await t.signIn(created.email);
    expect((await readJson<{ email: string }>(await c.get('/api/me'))).email).toBe(created.email);
  });

  it('answers 404 for an account that does not exist', async () => {
    const id = randomUUID();
    for (const res of [
      await admin.get(`/api/admin/users/${id}`),
      await admin.patch(`/api/admin/users/${id}`, { name: 'x' }),
      await admin.post(`/api/admin/users/${id}/disable`),
      await admin.post(`/api/admin/users/${id}/enable`),
      await admin.post(`/api/admin/users/${id}/reset-2fa`),
    ])
      expect((await readProblem(res, 404)).detail).toContain('アカウント');
  });

  it('names the email field when it is malformed', async () => {
    const p = await readProblem(await admin.post('/api/admin/users', newUserInput({ email: 'not-an-email' })), 400);
    expect(p.code).toBe('VALIDATION_FAILED');
    const e = p.errors?.find((x) => x.field === 'email');
    expect(e?.label).toBe('メールアドレス');
    expect(e?.message).toContain('メールアドレス');
    expect(p.detail).toContain('メールアドレス');
  });

  it('answers in Japanese, field by field, when required fields are missing or of the wrong type', async () => {
    const p = await readProblem(await admin.post('/api/admin/users', { roles: 'admin', officeIds: [1] }), 400);
    const byField = Object.fromEntries((p.errors ?? []).map((e) => [e.field, e.message]));
    expect(byField).toMatchObject({
      email: 'メールアドレス: 入力してください',
      name: '氏名: 入力してください',
      password: 'パスワード: 入力してください',
    });
    expect(byField.roles).toMatch(/^役割: /);
    expect(byField['officeIds.0']).toMatch(/^所属事業所: /);
    for (const message of Object.values(byField)) expect(message).not.toMatch(/Invalid|expected|received/);
  });

  it('refuses a common password, naming the field', async () => {
    const p = await readProblem(await admin.post('/api/admin/users', newUserInput({ password: 'password123' })), 400);
    expect(p.errors?.[0]).toMatchObject({ field: 'password', label: 'パスワード' });
  });

  it('refuses a second account with the same email (in any letter case) with 409 naming the email', async () => {
    const first = await readJson<AdminUser>(await admin.post('/api/admin/users', newUserInput()), 201);
    const p = await readProblem(await admin.post('/api/admin/users', newUserInput({ email: first.email.toUpperCase() })), 409);
    expect(p.code).toBe('CONFLICT');
    expect(p.errors?.[0]).toMatchObject({ field: 'email', label: 'メールアドレス' });
    expect(p.detail).toContain('メールアドレス');
  });

  it('refuses an unknown municipality or office with 400 naming the field', async () => {
    const m = await readProblem(await admin.post('/api/admin/users', newUserInput({ municipalityCode: '13999' })), 400);
    expect(m.errors?.[0]).toMatchObject({ field: 'municipalityCode', label: '市区町村コード' });
    const o = await readProblem(await admin.post('/api/admin/users', newUserInput({ officeIds: [randomUUID()] })), 400);
    expect(o.errors?.[0]).toMatchObject({ field: 'officeIds', label: '所属事業所' });
  });

  it('changes roles and office memberships, which the office member count follows', async () => {
    const [a, b] = [await t.createOffice(), await t.createOffice()];
    const u = await readJson<AdminUser>(await admin.post('/api/admin/users', newUserInput({ officeIds: [a.id] })), 201);
    const changed = await readJson<AdminUser>(await admin.patch(`/api/admin/users/${u.id}`, { roles: ['provider_staff', 'viewer'], officeIds: [b.id, b.id], municipalityCode: null }));
    expect(changed).toMatchObject({ roles: ['provider_staff', 'viewer'], offices: [{ id: b.id }], municipalityCode: null });
    expect((await readJson<Office>(await admin.get(`/api/admin/offices/${a.id}`))).memberCount).toBe(0);
    expect((await readJson<Office>(await admin.get(`/api/admin/offices/${b.id}`))).memberCount).toBe(1);
    const [row] = await t.auditRows({ action: 'user.update', entityId: u.id });
    expect(row?.details).toMatchObject({ rolesBefore: ['consultant'], rolesAfter: ['provider_staff', 'viewer'] });
    // Removing every membership.
    expect((await readJson<AdminUser>(await admin.patch(`/api/admin/users/${u.id}`, { officeIds: [] }))).offices).toEqual([]);
  });

  it('keeps an admin from removing their own admin role or disabling themselves (409)', async () => {
    const p = await readProblem(await admin.patch(`/api/admin/users/${adminId}`, { roles: ['viewer'] }), 409);
    expect(p.detail).toContain('管理者');
    await readProblem(await admin.post(`/api/admin/users/${adminId}/disable`), 409);
    // Other changes to oneself are fine, as is keeping the admin role among others.
    const me = await readJson<AdminUser>(await admin.patch(`/api/admin/users/${adminId}`, { roles: ['admin', 'official'] }));
    expect(me.roles).toEqual(['admin', 'official']);
    expect((await readJson<{ roles: string[] }>(await admin.get('/api/me'))).roles).toContain('admin');
  });

  it('disables and re-enables another account, ending its sessions', async () => {
    const { client, user: u } = await t.signedIn(['viewer']);
    const disabled = await readJson<AdminUser>(await admin.post(`/api/admin/users/${u.id}/disable`, { reason: '異動' }));
    expect(disabled.disabled).toBe(true);
    await readProblem(await client.get('/api/me'), 401);
    expect((await t.auditRows({ action: 'user.disable', entityId: u.id }))[0]?.details).toMatchObject({ reason: '異動', sessionsEnded: 1 });
    expect((await readJson<AdminUser>(await admin.post(`/api/admin/users/${u.id}/enable`))).disabled).toBe(false);
    await t.signIn(u.email);
  });

  it('resets two-factor so the account has to enrol again', async () => {
    const { user: u } = await t.signedIn(['consultant']);
    const { twoFactor } = await import('../../db/schema/index.js');
    await t.db.update(user).set({ twoFactorEnabled: true }).where(eq(user.id, u.id));
    await t.db.insert(twoFactor).values({ id: randomUUID(), secret: 'x', backupCodes: 'y', userId: u.id });
    const r = await readJson<AdminUser>(await admin.post(`/api/admin/users/${u.id}/reset-2fa`));
    expect(r.twoFactorEnabled).toBe(false);
    expect(await t.db.select().from(twoFactor).where(eq(twoFactor.userId, u.id))).toEqual([]);
    expect(await t.auditRows({ action: 'user.reset_two_factor', entityId: u.id })).toHaveLength(1);
  });

  it('filters the list by role, disabled state and a search term', async () => {
    const tag = randomUUID().slice(0, 8);
    const official = await readJson<AdminUser>(await admin.post('/api/admin/users', newUserInput({ roles: ['official'], name: `検索 ${tag}` })), 201);
    const viewer = await readJson<AdminUser>(await admin.post('/api/admin/users', newUserInput({ roles: ['viewer'], name: `検索 ${tag}` })), 201);
    await readJson(await admin.post(`/api/admin/users/${viewer.id}/disable`));
    const ids = async (q: string) => (await readJson<Page<AdminUser>>(await admin.get(`/api/admin/users?q=${tag}${q}`))).items.map((u) => u.id).sort();
    expect(await ids('')).toEqual([official.id, viewer.id].sort());
    expect(await ids('&role=official')).toEqual([official.id]);
    expect(await ids('&disabled=true')).toEqual([viewer.id]);
    expect(await ids('&disabled=false')).toEqual([official.id]);
  });
});

describe('lists', () => {
  it('refuses a page size above 200 or below 1, naming the field', async () => {
    for (const path of ['/api/admin/users', '/api/admin/offices', '/api/admin/organizations', '/api/admin/audit']) {
      const p = await readProblem(await admin.get(`${path}?limit=201`), 400);
      expect(p.errors?.[0]).toMatchObject({ field: 'limit', label: '件数' });
      await readProblem(await admin.get(`${path}?limit=0`), 400);
    }
    expect((await readJson<Page<unknown>>(await admin.get('/api/admin/users?limit=200'))).items.length).toBeLessThanOrEqual(200);
  });

  it('refuses a cursor it did not issue', async () => {
    const forged = [
      'not-a-cursor',
      Buffer.from('{"a":1}').toString('base64url'),
      Buffer.from('["x"]').toString('base64url'),
      Buffer.from('[{"o":1},[2]]').toString('base64url'),
      Buffer.from('["\\u0000","x"]').toString('base64url'),
      Buffer.from('[1e999]').toString('base64url'),
    ];
    for (const path of ['/api/admin/users', '/api/admin/offices', '/api/admin/organizations', '/api/admin/audit'])
      for (const cursor of forged) {
        const p = await readProblem(await admin.get(`${path}?cursor=${cursor}`), 400);
        expect(p.errors?.[0]).toMatchObject({ field: 'cursor' });
      }
  });

  it('pages through accounts two at a time, every account exactly once, in reading order', async () => {
    for (let i = 0; i < 5; i++) await readJson(await admin.post('/api/admin/users', newUserInput()), 201);
    const { pages, items } = await pageThrough<AdminUser>(admin, '/api/admin/users', 2);
    const [{ n } = { n: 0 }] = await t.db.select({ n: sql<number>`count(*)::int` }).from(user);
    expect(pages.every((p) => p.total === n && p.items.length <= 2)).toBe(true);
    expect(items).toHaveLength(n);
    expect(new Set(items.map((u) => u.id)).size).toBe(n);
    const keys = items.map((u) => [u.nameKana ?? u.name, u.id] as const);
    expect(keys).toEqual([...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)));
    expect(pages.at(-1)?.nextCursor).toBeNull();
  });

  it('pages through offices and organisations two at a time, each exactly once, in reading order', async () => {
    for (let i = 0; i < 5; i++) {
      await readJson(await admin.post('/api/admin/offices', newOfficeInput()), 201);
      await createOrganization();
    }
    const offices = (await pageThrough<Office>(admin, '/api/admin/offices', 2)).items;
    const orgs = (await pageThrough<Organization>(admin, '/api/admin/organizations', 2)).items;
    const [{ no } = { no: 0 }] = await t.db.select({ no: sql<number>`count(*)::int` }).from(office);
    const [{ ng } = { ng: 0 }] = await t.db.select({ ng: sql<number>`count(*)::int` }).from(organization);
    for (const [items, n] of [
      [offices, no],
      [orgs, ng],
    ] as const) {
      expect(items).toHaveLength(n);
      expect(new Set(items.map((x) => x.id)).size).toBe(n);
      const keys = items.map((x) => `${x.nameKana}\u0000${x.id}`);
      expect(keys).toEqual([...keys].sort());
    }
  });

  it('pages through the access log newest first, each row exactly once', async () => {
    const { items, pages } = await pageThrough<{ id: string }>(admin, '/api/admin/audit', 2);
    const total = pages[0]!.total;
    expect(items.length).toBeGreaterThanOrEqual(total);
    const ids = items.map((i) => Number(i.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    // Rows written while paging (none here: reads are not logged) would only appear on page one.
    expect(ids.length).toBe(total);
  });
});

describe('access log beside each change', () => {
  it('writes exactly one row for a successful create, naming the entity', async () => {
    const input = newUserInput();
    const created = await readJson<AdminUser>(await admin.post('/api/admin/users', input), 201);
    const rows = await t.auditRows({ action: 'user.create', entityId: created.id });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entityType: 'user', actorUserId: adminId, outcome: 'success' });
    expect(rows[0]!.details).toMatchObject({ email: input.email, roles: ['consultant'] });
  });

  it('writes neither a row nor the data when the create fails validation or conflicts', async () => {
    const bad = newUserInput({ municipalityCode: '13999' });
    await readProblem(await admin.post('/api/admin/users', bad), 400);
    expect(await t.db.select().from(user).where(eq(user.email, bad.email))).toEqual([]);
    expect(await t.auditRows({ action: 'user.create', details: { email: bad.email } })).toEqual([]);

    const first = newUserInput();
    await readJson(await admin.post('/api/admin/users', first), 201);
    await readProblem(await admin.post('/api/admin/users', { ...first, name: '二人目' }), 409);
    expect(await t.db.select().from(user).where(eq(user.email, first.email))).toHaveLength(1);
    expect(await t.auditRows({ action: 'user.create', details: { email: first.email } })).toHaveLength(1);

    const officeName = `失敗 ${randomUUID().slice(0, 6)}`;
    await readProblem(await admin.post('/api/admin/offices', newOfficeInput({ name: officeName, municipalityCode: '47999' })), 400);
    expect(await t.db.select().from(office).where(eq(office.name, officeName))).toEqual([]);
    expect(await t.auditRows({ action: 'office.create', details: { name: officeName } })).toEqual([]);
  });

  it('does not commit a change whose access-log row cannot be written', async () => {
    // A trigger standing in for any failure of the log write (disk, constraint, bug).
    await t.db.execute(sql.raw(`create function test_fail_office_log() returns trigger language plpgsql as $$ begin raise exception 'log write failed'; end $$`));
    await t.db.execute(sql.raw(`create trigger test_fail_office_log before insert on audit_event for each row when (new.action = 'office.create') execute function test_fail_office_log()`));
    try {
      const name = `ログなし ${randomUUID().slice(0, 6)}`;
      const p = await readProblem(await admin.post('/api/admin/offices', newOfficeInput({ name })), 500);
      expect(p.code).toBe('INTERNAL');
      expect(p.detail).not.toContain('log write failed'); // internals stay in the server log
      expect(await t.db.select().from(office).where(eq(office.name, name))).toEqual([]);
    } finally {
      await t.db.execute(sql.raw('drop trigger test_fail_office_log on audit_event'));
      await t.db.execute(sql.raw('drop function test_fail_office_log()'));
    }
  });
});
