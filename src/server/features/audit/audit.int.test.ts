// The access log: append-only for every database role, tamper-evident through its hash chain
// (an edited, deleted or inserted row is reported), searchable and exportable by admins.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../lib/audit.js';
import { readJson, readProblem, startTestApp, tamperWithAuditLog, type TestApp, type TestClient } from '../../test/harness.js';

interface Verify {
  ok: boolean;
  checked: number;
  firstBreak?: { id: number; reason: string };
}

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await startTestApp();
  admin = (await t.signedIn(['admin'])).client;
  for (let i = 0; i < 3; i++) await t.createOffice();
});
afterAll(async () => t?.close());

/** Tampers as the table owner could, checks, and restores the rows (see the harness). */
async function tamper(statement: string, check: () => Promise<void>) {
  await tamperWithAuditLog(t.db, statement, check);
  expect((await verifyAuditChain(t.db)).ok).toBe(true);
}

async function middleRowId(): Promise<number> {
  const rows = await t.auditRows({ action: 'office.create' });
  return rows[1]!.id;
}

describe('append-only', () => {
  it('rejects UPDATE, DELETE and TRUNCATE even from the table owner', async () => {
    for (const statement of ["update audit_event set details = '{}'::jsonb", 'delete from audit_event', 'truncate audit_event']) {
      await expect(t.db.execute(sql.raw(statement)), statement).rejects.toThrow();
    }
    const [{ n } = { n: 0 }] = await t.db.select({ n: sql<number>`count(*)::int` }).from(sql`audit_event`);
    expect(n).toBeGreaterThan(3);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('names the reason in the database error', async () => {
    const error = await t.db.execute(sql.raw('delete from audit_event')).then(
      () => null,
      (e: Error & { cause?: { message?: string } }) => e.cause?.message ?? e.message,
    );
    expect(error).toContain('append-only');
  });
});

describe('tamper evidence', () => {
  it('verifies an untouched chain, through the API as well', async () => {
    const direct = await verifyAuditChain(t.db);
    expect(direct.ok).toBe(true);
    const api = await readJson<Verify>(await admin.post('/api/admin/audit/verify'));
    expect(api).toMatchObject({ ok: true, checked: direct.checked });
    // The check itself is logged.
    expect((await t.auditRows({ action: 'audit.verify' }))[0]).toMatchObject({ outcome: 'success' });
  });

  it('reports a row whose content was edited behind the trigger, directly and through the API', async () => {
    const id = await middleRowId();
    await tamper(`update audit_event set details = '{"name":"書き換え"}'::jsonb where id = ${id}`, async () => {
      const r = await verifyAuditChain(t.db);
      expect(r.ok).toBe(false);
      expect(r.firstBreak?.id).toBe(id);
      expect(r.firstBreak?.reason).toContain('書き換えられた');
      const api = await readJson<Verify>(await admin.post('/api/admin/audit/verify'));
      expect(api).toMatchObject({ ok: false, firstBreak: { id } });
      expect((await t.auditRows({ action: 'audit.verify' })).at(-1)).toMatchObject({ outcome: 'failure', details: { firstBreak: { id } } });
    });
  });

  it('reports a row edited together with its own hash (the next link breaks)', async () => {
    const id = await middleRowId();
    await tamper(`update audit_event set action = 'office.view', hash = repeat('a', 64) where id = ${id}`, async () => {
      const r = await verifyAuditChain(t.db);
      expect(r).toMatchObject({ ok: false, firstBreak: { id } });
    });
  });

  it('reports a deleted row at the row after the gap', async () => {
    const id = await middleRowId();
    const [next] = (await t.auditRows({})).filter((row) => row.id > id);
    await tamper(`delete from audit_event where id = ${id}`, async () => {
      const r = await verifyAuditChain(t.db);
      expect(r).toMatchObject({ ok: false, firstBreak: { id: next!.id } });
      expect(r.firstBreak?.reason).toContain('削除');
    });
  });

  it('reports a row inserted with a made-up link', async () => {
    const [last] = (await t.auditRows({})).slice(-1);
    await tamper(
      `insert into audit_event (at, action, outcome, details, prev_hash, hash) values (now(), 'user.create', 'success', '{}'::jsonb, '${last!.hash}', repeat('b', 64))`,
      async () => expect((await verifyAuditChain(t.db)).ok).toBe(false),
    );
  });
});

describe('reading the log', () => {
  it('filters by action, outcome and entity, and exports CSV with a BOM for Excel', async () => {
    const o = await t.createOffice({ name: 'ＣＳＶ,"引用"事業所' });
    const list = await readJson<{ items: { action: string; entityId: string }[]; total: number }>(await admin.get(`/api/admin/audit?action=office.create&entityId=${o.id}`));
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ action: 'office.create', entityId: o.id });
    const csv = await admin.get(`/api/admin/audit/export.csv?entityId=${o.id}`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('"{""name"":""ＣＳＶ,\\""引用\\""事業所""}"');
    expect(await t.auditRows({ action: 'audit.export' })).toHaveLength(1);
  });

  it('refuses malformed dates and unknown outcomes, naming the field', async () => {
    const p = await readProblem(await admin.get('/api/admin/audit?from=yesterday&outcome=maybe'), 400);
    expect((p.errors ?? []).map((e) => e.field).sort()).toEqual(['from', 'outcome']);
  });
});
