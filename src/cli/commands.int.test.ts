// Admin commands run in-process against the test database, with their output captured; their
// effects are checked through the running test app, as an operator would see them.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { user } from '../server/db/schema/index.js';
import { enrollTotp, readJson, startTestApp, tamperWithAuditLog, TEST_PASSWORD, type TestApp } from '../server/test/harness.js';
import { runCommand } from './commands.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

/** Runs one command as `npm run cli -- name args…` would, collecting what it prints. */
async function cli(name: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCommand(name, args, { database: t.database, env: t.running.deps.env, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const newEmail = () => `cli-${randomUUID().slice(0, 8)}@test.tsunagu.example`;

describe('user:create', () => {
  it('creates an account and prints a generated password once, which signs in', async () => {
    const email = newEmail();
    const o = await t.createOffice();
    const r = await cli('user:create', '--email', email, '--name', '運用 花子', '--kana', 'うんよう はなこ', '--role', 'coordinator,consultant', '--municipality', '12207', '--office', o.name);
    expect(r).toMatchObject({ code: 0, err: '' });
    const lines = r.out.split('\n').filter((l) => l.includes('初期パスワード'));
    expect(lines).toHaveLength(1);
    const password = lines[0]!.match(/初期パスワード: (\S+)/)![1]!;
    expect(password.length).toBeGreaterThanOrEqual(12);
    const client = await t.signIn(email, password);
    expect(await readJson(await client.get('/api/me'))).toMatchObject({ email, roles: ['coordinator', 'consultant'], municipalityCode: '12207', offices: [{ id: o.id }] });
    // The access log says the CLI did it.
    const [row] = await t.auditRows({ action: 'user.create', details: { email } });
    expect(row?.actorLabel).toMatch(/^cli:/);
  });

  it('prints no password when one is given', async () => {
    const r = await cli('user:create', '--email', newEmail(), '--name', '指定', '--role', 'viewer', '--password', TEST_PASSWORD);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('パスワード');
    expect(r.out).not.toContain(TEST_PASSWORD);
  });

  it('exits 2 with the usage for an unknown role or a missing option, creating nothing', async () => {
    const email = newEmail();
    const bad = await cli('user:create', '--email', email, '--name', 'x', '--role', 'superuser');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('使い方: npm run cli -- user:create');
    expect(bad.err).toContain('不明な役割: superuser');
    expect(bad.err).toContain('admin, official');
    const missing = await cli('user:create', '--email', email);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--role');
    const unknownOption = await cli('user:create', '--email', email, '--name', 'x', '--role', 'viewer', '--admin');
    expect(unknownOption.code).toBe(2);
    expect(await t.db.select().from(user).where(eq(user.email, email))).toEqual([]);
  });

  it('exits 1 with a Japanese message for a duplicate email or an unknown office', async () => {
    const { email } = await t.createUser();
    const dup = await cli('user:create', '--email', email.toUpperCase(), '--name', 'x', '--role', 'viewer');
    expect(dup.code).toBe(1);
    expect(dup.err).toContain('メールアドレス');
    const office = await cli('user:create', '--email', newEmail(), '--name', 'x', '--role', 'viewer', '--office', 'どこにもない事業所');
    expect(office).toMatchObject({ code: 1 });
    expect(office.err).toContain('事業所が見つかりません');
  });

  it('holds the same contract as the admin API: a malformed email or reading exits 1 naming the field', async () => {
    const r = await cli('user:create', '--email', 'not-an-email', '--name', 'x', '--role', 'viewer');
    expect(r.code).toBe(1);
    expect(r.err).toContain('メールアドレス: メールアドレスの形式が正しくありません');
    const kana = await cli('user:create', '--email', newEmail(), '--name', 'x', '--kana', '漢字', '--role', 'viewer');
    expect(kana.code).toBe(1);
    expect(kana.err).toContain('氏名（よみ）');
    expect(await t.db.select().from(user).where(eq(user.email, 'not-an-email'))).toEqual([]);
  });

  it('exits 2 with the command list for an unknown command', async () => {
    const r = await cli('user:delete-everything');
    expect(r.code).toBe(2);
    expect(r.err).toContain('user:create');
  });
});

describe('user:list', () => {
  it('prints every account as JSON with email, roles, offices and municipality', async () => {
    const o = await t.createOffice();
    const u = await t.createUser({ roles: ['provider_staff'], officeIds: [o.id], municipalityCode: '12217' });
    const r = await cli('user:list', '--json');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as { email: string; roles: string[]; offices: string[]; municipality: string | null; disabled: boolean }[];
    expect(list.find((x) => x.email === u.email)).toEqual(expect.objectContaining({ roles: ['provider_staff'], offices: [o.name], municipality: '12217', disabled: false }));
    expect(list).toHaveLength(await t.db.$count(user));
  });

  it('filters by role, and prints a table without --json', async () => {
    const u = await t.createUser({ roles: ['official'] });
    const json = JSON.parse((await cli('user:list', '--json', '--role', 'official')).out) as { roles: string[] }[];
    expect(json.every((x) => x.roles.includes('official'))).toBe(true);
    const table = await cli('user:list');
    expect(table.out).toContain(u.email);
    expect(table.out).toMatch(/\d+ 件$/);
  });
});

describe('user:disable, user:enable and user:reset-2fa', () => {
  it('disables an account, ending its sessions, and enables it again', async () => {
    const { client, user: u } = await t.signedIn(['consultant']);
    const r = await cli('user:disable', u.email, '--reason', '退職');
    expect(r.code).toBe(0);
    expect(r.out).toContain('無効化しました');
    expect((await client.get('/api/me')).status).toBe(401);
    expect((await t.client().post('/api/auth/sign-in/email', { email: u.email, password: TEST_PASSWORD })).status).toBe(403);
    expect((await t.auditRows({ action: 'user.disable', entityId: u.id }))[0]?.details).toMatchObject({ reason: '退職', sessionsEnded: 1 });
    expect((await cli('user:enable', u.email)).code).toBe(0);
    await t.signIn(u.email);
  });

  it('exits 1 for an unknown account and 2 without an email', async () => {
    const r = await cli('user:disable', 'nobody@test.tsunagu.example');
    expect(r.code).toBe(1);
    expect(r.err).toContain('アカウントが見つかりません');
    expect((await cli('user:disable')).code).toBe(2);
  });

  it('resets two-factor so the account must enrol again', async () => {
    const { client, user: u } = await t.signedIn(['consultant']);
    await enrollTotp(client);
    expect((await readJson<{ twoFactorEnabled: boolean }>(await client.get('/api/me'))).twoFactorEnabled).toBe(true);
    const r = await cli('user:reset-2fa', u.email);
    expect(r.code).toBe(0);
    expect((await client.get('/api/me')).status).toBe(401);
    const again = await t.signIn(u.email);
    expect((await readJson<{ twoFactorEnabled: boolean }>(await again.get('/api/me'))).twoFactorEnabled).toBe(false);
  });
});

describe('token:create, token:list and token:revoke', () => {
  it('prints a token that works as Bearer on the running app, lists it, and revokes it', async () => {
    const u = await t.createUser({ roles: ['admin'] });
    const r = await cli('token:create', '--user', u.email, '--name', 'backup script', '--days', '7');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^tsg_\S+$/); // only the token on stdout, for $(…) in scripts
    expect(r.err).toContain('二度と表示されません');
    const script = t.client();
    script.bearer = r.out;
    expect((await readJson<{ email: string }>(await script.get('/api/me'))).email).toBe(u.email);
    expect((await script.get('/api/admin/users?limit=1')).status).toBe(200);

    const list = await cli('token:list', '--user', u.email);
    expect(list.out).toContain('backup script');
    expect(list.out).not.toContain(r.out);
    const id = list.out.split('\t')[0]!;
    expect((await cli('token:revoke', '--user', u.email, '--id', id)).code).toBe(0);
    expect((await script.get('/api/me')).status).toBe(401);
  });

  it('refuses a disabled account and a bad lifetime', async () => {
    const u = await t.createUser({ roles: ['viewer'] });
    expect((await cli('token:create', '--user', u.email, '--name', 'x', '--days', '0')).code).toBe(2);
    expect((await cli('token:create', '--user', u.email)).code).toBe(2);
    await cli('user:disable', u.email);
    const r = await cli('token:create', '--user', u.email, '--name', 'x');
    expect(r.code).toBe(1);
    expect(r.err).toContain('無効化');
  });
});

describe('audit:verify', () => {
  it('exits 0 on an intact access log and 1, naming the row, once a row was edited', async () => {
    await t.createOffice();
    const ok = await cli('audit:verify');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('アクセスログは正常です');
    const [row] = await t.auditRows({ action: 'office.create' });
    await tamperWithAuditLog(t.db, `update audit_event set actor_label = 'someone-else' where id = ${row!.id}`, async () => {
      const bad = await cli('audit:verify');
      expect(bad.code).toBe(1);
      expect(bad.out).toContain(`改ざんを検出しました: 行 ${row!.id}`);
    });
    expect((await cli('audit:verify')).code).toBe(0);
  });
});
