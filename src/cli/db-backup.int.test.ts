// db:backup and db:restore: a backup restores into a fresh database row for row (the access
// log still verifies, with the restore logged after the restored rows), a non-empty target
// needs --force, and a broken, truncated or too-new file is refused without touching the target
// (nor writing a log row into it).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../server/db/client.js';
import { listTables } from '../server/features/backup/backup.js';
import { createTestDatabase, enrollTotp, readJson, startTestApp, type TestApp, type TestDatabase } from '../server/test/harness.js';
import { runCommand } from './commands.js';

let t: TestApp;
let dir: string;
let backupFile: string;
/** Every table's rows at the time of the backup. */
let snapshot: Record<string, unknown[]>;

/** Sessions, rate limits and verification tokens are deliberately not carried over. */
const EPHEMERAL = new Set(['session', 'verification', 'rate_limit']);

async function cli(database: Database, name: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCommand(name, args, { database, env: t.running.deps.env, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** All rows of every lasting table, in primary-key order, as JSON-comparable values. */
async function contents(database: Database): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const table of await listTables(database.db)) {
    if (EPHEMERAL.has(table.name)) continue;
    const res = await database.db.execute(
      sql.raw(`select row_to_json(x)::text as r from (select * from "${table.name}" order by ${table.orderBy.map((c) => `"${c}"`).join(', ')}) x`),
    );
    const rows = ((res as { rows?: { r: string }[] }).rows ?? (res as unknown as { r: string }[])) as { r: string }[];
    result[table.name] = rows.map((row) => JSON.parse(row.r));
  }
  return result;
}

type AuditRow = { id: number; action: string; outcome: string; actor_label: string; details: Record<string, unknown> };

/**
 * The target's rows with the access-log row its restore wrote taken out (it must be the last
 * one, a `backup.restore` by the CLI): what is left must equal the backup.
 */
async function afterRestore(database: Database): Promise<{ rows: Record<string, unknown[]>; restore: AuditRow }> {
  const rows = await contents(database);
  const log = rows.audit_event as AuditRow[];
  const restore = log.at(-1)!;
  expect(restore).toMatchObject({ action: 'backup.restore', outcome: 'success', actor_label: expect.stringMatching(/^cli:/) });
  return { rows: { ...rows, audit_event: log.slice(0, -1) }, restore };
}

async function withFreshDatabase(fn: (db: TestDatabase) => Promise<void>) {
  const db = await createTestDatabase();
  try {
    await fn(db);
  } finally {
    await db.drop();
  }
}

beforeAll(async () => {
  t = await startTestApp();
  dir = mkdtempSync(path.join(tmpdir(), 'tsunagu-backup-'));
  // A small region with something in every kind of table.
  const { client: admin } = await t.signedIn(['admin']);
  const org = await readJson<{ id: string }>(await admin.post('/api/admin/organizations', { name: '社会福祉法人 テスト会', nameKana: 'てすとかい', corporateNumber: '1234567890123' }), 201);
  const office = await readJson<{ id: string }>(await admin.post('/api/admin/offices', { name: `バックアップ事業所 ${randomUUID().slice(0, 4)}`, nameKana: 'ばっくあっぷ', sector: 'medical', municipalityCode: '12207', organizationId: org.id }), 201);
  const { client } = await t.signedIn(['consultant'], { officeIds: [office.id] });
  await enrollTotp(client);
  await client.post('/api/me/tokens', { name: '改行\nと "引用" と \\ と 😀' });
  await client.patch('/api/me', { name: 'O\'Brien <b>太郎</b>' });

  backupFile = path.join(dir, 'backup.jsonl.gz');
  const r = await cli(t.database, 'db:backup', backupFile);
  expect(r.code, r.err).toBe(0);
  expect(r.out).toContain('バックアップしました');
  snapshot = await contents(t.database);
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t?.close();
});

describe('db:backup then db:restore', () => {
  it('restores into a fresh empty database row for row, and the access log still verifies', async () => {
    await withFreshDatabase(async (target) => {
      const r = await cli(target, 'db:restore', backupFile);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain('復元しました');
      const { rows: restored, restore } = await afterRestore(target);
      expect(Object.keys(restored).sort()).toEqual(Object.keys(snapshot).sort());
      for (const [table, rows] of Object.entries(snapshot)) expect(restored[table], table).toEqual(rows);
      expect(snapshot.audit_event!.length).toBeGreaterThan(5);
      // The restore is in the restored database's access log, right after the restored rows.
      const rowsInBackup = Object.values(snapshot).reduce((a, rows) => a + rows.length, 0);
      expect(restore.details).toMatchObject({ file: backupFile, overwritten: false, rows: rowsInBackup, backupCreatedAt: expect.any(String) });
      expect(restore.id).toBe((snapshot.audit_event!.at(-1) as AuditRow).id + 1);
      expect(snapshot.two_factor).toHaveLength(1);
      const verify = await cli(target, 'audit:verify');
      expect(verify.code, verify.out).toBe(0);
      // The access log continues after the restored rows: new rows chain onto them.
      await target.db.execute(sql`select 1`);
      const { writeAudit } = await import('../server/lib/audit.js');
      await writeAudit(target.db, { label: 'test' }, { action: 'test.after_restore' });
      expect((await cli(target, 'audit:verify')).code).toBe(0);
    });
  });

  it('logs the backup in the access log before reading, so the backup carries its own row', async () => {
    const rows = await t.auditRows({ action: 'backup.create', details: { file: backupFile } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: 'success', entityType: 'database', actorLabel: expect.stringMatching(/^cli:/) });
    const inBackup = (snapshot.audit_event as { action: string; details: { file?: string } }[]).filter((r) => r.action === 'backup.create');
    expect(inBackup.map((r) => r.details.file)).toEqual([backupFile]);
    expect((await cli(t.database, 'audit:verify')).code).toBe(0);
  });

  it('a backup that cannot be written says so in Japanese and is logged as a failure', async () => {
    const file = path.join(dir, 'no-such-dir', 'backup.jsonl.gz');
    const r = await cli(t.database, 'db:backup', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain('バックアップファイルを書き込めません');
    const rows = await t.auditRows({ action: 'backup.create', details: { file } });
    expect(rows.map((x) => x.outcome).sort()).toEqual(['failure', 'success']);
    expect(rows.find((x) => x.outcome === 'failure')?.details).toMatchObject({ error: expect.stringContaining('ENOENT') });
  });

  it('refuses a non-empty database without --force, telling how, and overwrites it with --force', async () => {
    await withFreshDatabase(async (target) => {
      expect((await cli(target, 'db:restore', backupFile)).code).toBe(0);
      await target.db.execute(sql`insert into organization (id, name, name_kana) values ('extra', '後から追加', 'あとから')`);
      const before = await contents(target);

      const refused = await cli(target, 'db:restore', backupFile);
      expect(refused.code).toBe(1);
      expect(refused.err).toContain('--force');
      expect(await contents(target)).toEqual(before);

      const forced = await cli(target, 'db:restore', backupFile, '--force');
      expect(forced.code, forced.err).toBe(0);
      // The first restore's row went with the database it replaced; this one says it overwrote.
      const { rows, restore } = await afterRestore(target);
      expect(rows).toEqual(snapshot);
      expect(restore.details).toMatchObject({ file: backupFile, overwritten: true });
      expect((await cli(target, 'audit:verify')).code).toBe(0);
    });
  });

  it('leaves the target unchanged when the file is truncated, garbage, missing or from a newer version — even with --force', async () => {
    const raw = readFileSync(backupFile);
    const lines = gunzipSync(raw).toString('utf8').split('\n');
    const broken = {
      'truncated.gz': raw.subarray(0, Math.floor(raw.length * 0.6)),
      'no-end-marker.gz': gzipSync(lines.filter((l) => !l.includes('"end"')).join('\n')),
      'cut-after-header.gz': gzipSync(lines.slice(0, Math.ceil(lines.length / 2)).join('\n')),
      'garbage.gz': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
      'not-json.gz': gzipSync('hello\nworld\n'),
      'bad-row.gz': gzipSync(lines.map((l, i) => (i === 5 ? '{"r": {' : l)).join('\n')),
      'newer.gz': gzipSync(lines.map((l, i) => (i === 0 ? l.replace(/"migrations":\d+/, '"migrations":999') : l)).join('\n')),
    };
    for (const [name, bytes] of Object.entries(broken)) writeFileSync(path.join(dir, name), bytes);

    await withFreshDatabase(async (target) => {
      expect((await cli(target, 'db:restore', backupFile)).code).toBe(0);
      await target.db.execute(sql`insert into organization (id, name, name_kana) values ('keep-me', '残るはず', 'のこる')`);
      const before = await contents(target);
      for (const name of [...Object.keys(broken), 'does-not-exist.gz']) {
        for (const force of [[], ['--force']]) {
          const r = await cli(target, 'db:restore', path.join(dir, name), ...force);
          expect(r.code, `${name} ${force.join('')}: ${r.out}`).toBe(1);
          expect(r.err, name).toMatch(/^エラー: /);
          expect(await contents(target), `${name} ${force.join('')}`).toEqual(before);
        }
      }
    });
  });

  it('restores into an empty database that was never migrated', async () => {
    await withFreshDatabase(async (target) => {
      // An empty schema, as on a new server: drop what the template created.
      await target.db.execute(sql.raw('drop schema public cascade'));
      await target.db.execute(sql.raw('create schema public'));
      await target.db.execute(sql.raw('drop schema if exists drizzle cascade'));
      const r = await cli(target, 'db:restore', backupFile);
      expect(r.code, r.err).toBe(0);
      expect((await afterRestore(target)).rows).toEqual(snapshot);
    });
  });
});
