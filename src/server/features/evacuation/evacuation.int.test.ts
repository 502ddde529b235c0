import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../../shared/calendar-date.js';
import { tokyoDate } from '../../../shared/dates.js';
import { evacuationPlan, evacuationPlanVersion, notification, provisionRecord } from '../../db/schema/index.js';
import { verifyAuditChain } from '../../lib/audit.js';
import { readJson, readProblem, startTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { withSystemContext, withUserContext } from '../clients/client-access.js';
import { POWER_ASSUMPTIONS } from '../../../shared/domain/power-runtime.js';
import { recomputeEvacuationRuntimes } from './recompute-evacuation-runtimes.js';
import { rowsOf } from '../clients/sql-rows.js';
import { EVACUATION_CLIENT_PATHS } from './evacuation.routes.js';
import { evacuationTickOnce } from './evacuation-jobs.js';
import { processEvacuationReviews } from './process-evacuation-reviews.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const CONSENT = { scopes: ['profile', 'contact', 'medical', 'plan', 'timeline', 'emergency'], givenBy: '山田 花子', givenByRelation: '母', consentedOn: '2026-04-01', method: 'written', document: '同意書 2026-04-01（相談室）' };
const CITY = { recipientKind: 'city', recipientName: '松戸市 障害福祉課', givenBy: '山田 花子', givenByRelation: '母', consentedOn: '2026-04-02', method: 'written', document: '個別避難計画 提供同意書' };
const uniq = () => Math.random().toString(36).slice(2, 7);

interface World {
  consultant: TestClient;
  clientId: string;
  name: string;
}

/** A consultant with an office and a client record (ventilator, suction) in 松戸. */
async function world(municipalityCode = '12207'): Promise<World> {
  const office = await t.createOffice({ name: `相談支援 ${uniq()}`, municipalityCode });
  const consultant = await t.signedIn(['consultant'], { officeIds: [office.id], municipalityCode });
  const name = `避難 ${uniq()}`;
  const body = await readJson<{ id: string }>(
    await consultant.client.post('/api/clients', {
      name,
      nameKana: 'ひなん てすと',
      birthDate: '2021-06-01',
      sex: 'male',
      municipalityCode,
      consent: CONSENT,
      profile: { address: '千葉県松戸市テスト1-1', postalCode: '271-0001' },
      contact: { guardians: [{ name: '山田 花子', relation: '母', phone: '090-1111-2222', isPrimary: true }] },
      medical: {
        careItems: [{ code: 'ventilator', monitoring: 'high' }],
        devices: [
          { type: '人工呼吸器', makerModel: 'テスト機', dealer: 'テスト医療機器', dealerPhone24h: '0120-111-222', batteryHours: 5, powerWatts: 60 },
          { type: '吸引器', batteryHours: 1 },
        ],
        hospitals: [{ name: 'テスト病院', department: '小児科', doctor: '佐々木', phone: '047-000-0000' }],
        medications: [{ name: 'テスト薬', dose: '1錠' }],
      },
    }),
    201,
  );
  return { consultant: consultant.client, clientId: body.id, name };
}

/** A complete plan body: a ventilator running `ventHours` h on its own battery, no backup. */
function completeBody(name: string, ventHours: number, extra: Record<string, unknown> = {}) {
  return {
    register: { name, nameKana: 'ひなん てすと', birthDate: '2021-06-01', sex: 'male', address: '千葉県松戸市テスト1-1', phone: '090-1111-2222' },
    location: { lat: 35.787, lon: 139.903 },
    supportReason: '人工呼吸器を24時間使用。自力での移動ができない。',
    supporters: [
      { name: '山田 太郎', relation: '父', phone: '090-3333-4444', role: '呼吸器を持って車まで運ぶ' },
      { name: '隣 一郎', relation: '近所', phone: '090-5555-6666', role: '安否確認', livesNearby: true },
    ],
    destination: { kind: 'welfare_shelter', name: 'テスト福祉避難所', transport: ['car', 'buggy'], routeNotes: '県道は冠水しやすい' },
    medicalContacts: [{ kind: 'device_dealer', name: 'テスト医療機器', phone: '0120-111-222', available24h: true }],
    medications: [{ name: 'テスト薬', stockDays: 7 }],
    consumables: [{ name: '吸引カテーテル', stockDays: 10 }],
    powerRegistration: { registered: true, registeredOn: '2026-04-10', company: '東京電力パワーグリッド' },
    devices: [{ kind: 'ventilator', essential: true, watts: 60, internalBattery: { hours: ventHours, ageYears: 0 }, manualAlternative: { kind: 'resuscitation_bag' } }],
    backups: [],
    ...extra,
  };
}

async function official(municipalityCode = '12207') {
  const office = await t.createOffice({ name: `市役所 ${uniq()}`, municipalityCode, sector: 'administration' });
  return t.signedIn(['official'], { municipalityCode, officeIds: [office.id] });
}

async function saveComplete(w: World, ventHours: number, version = 0) {
  return readJson<{ version: number; status: string; runtime: { runtimeHours: number } }>(await w.consultant.put(`/api/clients/${w.clientId}/evacuation-plan`, { version, ...completeBody(w.name, ventHours) }));
}

describe('drafting and versions', () => {
  it('starts from a template built from the record, then versions every save (409 on a stale version)', async () => {
    const w = await world();
    const tpl = await readJson<{ status: string; version: number; body: { register: { name: string; address: string; phone: string }; devices: { kind: string; watts: number; internalBattery: { hours: number } | null }[]; medicalContacts: { kind: string; phone: string }[] }; runtime: { runtimeHours: number } }>(
      await w.consultant.get(`/api/clients/${w.clientId}/evacuation-plan`),
    );
    expect(tpl).toMatchObject({ status: 'none', version: 0 });
    expect(tpl.body.register).toMatchObject({ name: w.name, address: '千葉県松戸市テスト1-1', phone: '090-1111-2222' });
    expect(tpl.body.devices.map((d) => [d.kind, d.watts, d.internalBattery?.hours])).toEqual([
      ['ventilator', 60, 5],
      ['suction', 80, 1], // draw not recorded: the typical value, flagged in the note
    ]);
    expect(tpl.body.medicalContacts.find((m) => m.kind === 'device_dealer')?.phone).toBe('0120-111-222');

    const v1 = await readJson<{ version: number; status: string; runtime: { runtimeHours: number } }>(await w.consultant.put(`/api/clients/${w.clientId}/evacuation-plan`, { version: 0, ...tpl.body }));
    expect(v1).toMatchObject({ version: 1, status: 'draft' });
    // ventilator 5 h; suction 80 W continuous with a 1 h battery → stops first at 1 h
    expect(v1.runtime.runtimeHours).toBeCloseTo(1);
    const [row] = await t.db.select().from(evacuationPlan).where(eq(evacuationPlan.clientId, w.clientId));
    expect(row!.runtimeHours).toBeCloseTo(1);
    expect(row!.summary.firstStop).toEqual(['吸引器']);

    const v2 = await saveComplete(w, 8, 1);
    expect(v2.version).toBe(2);
    const stale = await w.consultant.put(`/api/clients/${w.clientId}/evacuation-plan`, { version: 1, ...completeBody(w.name, 9) });
    expect((await readProblem(stale, 409)).detail).toContain('他の人が先に更新しました');
    const versions = await readJson<{ items: { version: number; event: string; runtimeHours: number }[] }>(await w.consultant.get(`/api/clients/${w.clientId}/evacuation-plan/versions`));
    expect(versions.items.map((v) => [v.version, v.event])).toEqual([
      [2, 'save'],
      [1, 'save'],
    ]);
    const old = await readJson<{ body: { devices: unknown[] }; runtime: { runtimeHours: number } }>(await w.consultant.get(`/api/clients/${w.clientId}/evacuation-plan/versions/1`));
    expect(old.body.devices).toHaveLength(2);
    expect(old.runtime.runtimeHours).toBeCloseTo(1);
  });

  it('names the field in Japanese when a device is wrong', async () => {
    const w = await world();
    const res = await w.consultant.put(`/api/clients/${w.clientId}/evacuation-plan`, { version: 0, devices: [{ kind: 'toaster', watts: -1 }], backups: [{ kind: 'portable_power' }] });
    const p = await readProblem(res, 400);
    expect(p.errors?.map((e) => e.label)).toEqual(expect.arrayContaining(['機器の種類', '消費電力（W）', '正弦波（純正弦波）出力']));
  });

  it('refuses oversized input and the wrong roles in Japanese, writing nothing', async () => {
    const w = await world();
    const url = `/api/clients/${w.clientId}/evacuation-plan`;
    const device = { kind: 'ventilator', essential: true, watts: 60 };
    const tooMany = await readProblem(await w.consultant.put(url, { version: 0, ...completeBody(w.name, 5), devices: Array.from({ length: 21 }, () => device) }), 400);
    expect(tooMany.errors?.map((e) => e.label)).toContain('医療機器');
    const tooLong = await readProblem(await w.consultant.put(url, { version: 0, ...completeBody(w.name, 5), supportReason: 'あ'.repeat(2001) }), 400);
    expect(tooLong.errors?.map((e) => e.label)).toContain('支援が必要な理由');
    const tooMuchPower = await readProblem(await w.consultant.put(url, { version: 0, ...completeBody(w.name, 5), devices: [{ ...device, watts: 50_000 }] }), 400);
    expect(tooMuchPower.errors?.[0]?.message).toMatch(/以下で入力してください/);
    // An official may approve but never edit; a consultant may edit but never approve.
    const city = await official();
    await readProblem(await city.client.put(url, { version: 0, ...completeBody(w.name, 5) }), 403);
    await readProblem(await w.consultant.post(`${url}/approve`, { version: 1 }), 403);
    // Malformed: not JSON at all.
    const raw = await w.consultant.request(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"version": 0, "devices": [' });
    expect(raw.status).toBe(400);
    const plan = await readJson<{ status: string; version: number }>(await w.consultant.get(url));
    expect([plan.status, plan.version]).toEqual(['none', 0]);
    const plans = await withSystemContext(t.db, (tx) => tx.select({ id: evacuationPlan.id }).from(evacuationPlan).where(eq(evacuationPlan.clientId, w.clientId)));
    const versions = await withSystemContext(t.db, (tx) => tx.select({ id: evacuationPlanVersion.id }).from(evacuationPlanVersion).where(eq(evacuationPlanVersion.clientId, w.clientId)));
    expect([plans, versions]).toEqual([[], []]);
  });

  it('keeps versions append-only for the app role', async () => {
    const w = await world();
    await saveComplete(w, 5);
    await expect(
      t.db.transaction(async (tx) => {
        await tx.execute(sql.raw('set local role tsunagu_app'));
        await tx.execute(sql`select set_config('tsunagu.system', 'on', true)`);
        await tx.update(evacuationPlanVersion).set({ note: 'x' }).where(eq(evacuationPlanVersion.clientId, w.clientId));
      }),
    ).rejects.toThrow();
  });
});

describe('approval by the city', () => {
  it('needs the guardian’s consent to the city, a complete plan and the version read; then review falls due in a year', async () => {
    const w = await world();
    await readJson(await w.consultant.put(`/api/clients/${w.clientId}/evacuation-plan`, { version: 0, register: { name: w.name } }));
    const city = await official();
    // Without the consent to the city, the official does not see the client at all.
    await readProblem(await city.client.get(`/api/clients/${w.clientId}/evacuation-plan`), 404);
    await readProblem(await city.client.post(`/api/clients/${w.clientId}/evacuation-plan/approve`, { version: 1 }), 404);
    const denied = await t.auditRows({ action: 'client.access_denied', entityId: w.clientId, actorUserId: city.user.id });
    expect(denied.length).toBe(2);

    const consent = await readJson<{ recipientMunicipalityCode: string; items: string[] }>(await w.consultant.post(`/api/clients/${w.clientId}/evacuation-plan/consents`, CITY), 201);
    expect(consent.recipientMunicipalityCode).toBe('12207');
    expect(consent.items).toContain('devices');
    const seen = await readJson<{ access: string; canApprove: boolean; canEdit: boolean }>(await city.client.get(`/api/clients/${w.clientId}/evacuation-plan`));
    expect(seen).toMatchObject({ access: 'city', canApprove: true, canEdit: false });
    // The official may not edit, and a consultant may not approve.
    await readProblem(await city.client.put(`/api/clients/${w.clientId}/evacuation-plan`, { version: 1 }), 403);
    await readProblem(await w.consultant.post(`/api/clients/${w.clientId}/evacuation-plan/approve`, { version: 1 }), 403);

    // Incomplete: the checklist names what is missing.
    const incomplete = await readProblem(await city.client.post(`/api/clients/${w.clientId}/evacuation-plan/approve`, { version: 1 }), 400);
    expect(incomplete.detail).toContain('避難支援等実施者を2人以上');
    expect(incomplete.errors?.map((e) => e.field)).toEqual(expect.arrayContaining(['supporters', 'supportReason']));

    await saveComplete(w, 6, 1);
    await readProblem(await city.client.post(`/api/clients/${w.clientId}/evacuation-plan/approve`, { version: 1 }), 409);
    const approved = await readJson<{ status: string; version: number; approvedVersion: number; reviewDueOn: string; approvedByName: string }>(
      await city.client.post(`/api/clients/${w.clientId}/evacuation-plan/approve`, { version: 2, note: '確認しました' }),
    );
    expect(approved).toMatchObject({ status: 'approved', version: 3, approvedVersion: 3 });
    expect(approved.reviewDueOn).toBe(addMonths(tokyoDate(), 12));
    const versions = await readJson<{ items: { version: number; event: string; byName: string }[] }>(await city.client.get(`/api/clients/${w.clientId}/evacuation-plan/versions`));
    expect(versions.items[0]).toMatchObject({ version: 3, event: 'approve' });
    // The team hears of it.
    const notes = await t.db.select().from(notification).where(eq(notification.kind, 'evacuation.approved'));
    expect(notes.some((n) => n.link === `/clients/${w.clientId}/evacuation-plan`)).toBe(true);

    // A change after approval is a new draft; the last approval stays on record.
    const edited = await readJson<{ status: string; approvedVersion: number }>(await w.consultant.put(`/api/clients/${w.clientId}/evacuation-plan`, { version: 3, ...completeBody(w.name, 7) }));
    expect(edited).toMatchObject({ status: 'draft', approvedVersion: 3 });
  });

  it('refuses officials of another city even with a consent to the client’s city', async () => {
    const w = await world();
    await saveComplete(w, 5);
    await readJson(await w.consultant.post(`/api/clients/${w.clientId}/evacuation-plan/consents`, CITY), 201);
    const kashiwa = await official('12217');
    await readProblem(await kashiwa.client.get(`/api/clients/${w.clientId}/evacuation-plan`), 404);
    await readProblem(await kashiwa.client.post(`/api/clients/${w.clientId}/evacuation-plan/approve`, { version: 1 }), 404);
  });

  it('stops the city’s access when the consent is revoked (and the database itself returns no row)', async () => {
    const w = await world();
    await saveComplete(w, 5);
    const c = await readJson<{ id: string }>(await w.consultant.post(`/api/clients/${w.clientId}/evacuation-plan/consents`, CITY), 201);
    const city = await official();
    await readJson(await city.client.get(`/api/clients/${w.clientId}/evacuation-plan`));
    await readJson(await w.consultant.post(`/api/clients/${w.clientId}/evacuation-plan/consents/${c.id}/revoke`, { reason: '家族の希望' }));
    await readProblem(await city.client.get(`/api/clients/${w.clientId}/evacuation-plan`), 404);
    const n = await withUserContext(t.db, { userId: city.user.id }, async (tx) => rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from evacuation_plan where client_id = ${w.clientId}`))[0]!.n);
    expect(n).toBe(0);
  });
});

describe('giving the plan to recipients', () => {
  it('gives a neighbourhood association only the consented items, with a provision record; nothing without consent', async () => {
    const w = await world();
    await saveComplete(w, 5);
    const hood = await readJson<{ id: string; items: string[] }>(
      await w.consultant.post(`/api/clients/${w.clientId}/evacuation-plan/consents`, { ...CITY, recipientKind: 'neighborhood', recipientName: 'テスト町会' }),
      201,
    );
    expect(hood.items).toEqual(['identity', 'address', 'reason', 'supporters', 'destination']);
    const view = await readJson<{ plan: Record<string, unknown>; itemLabels: string[]; provisionId: string }>(await w.consultant.get(`/api/clients/${w.clientId}/evacuation-plan/recipient-view?consentId=${hood.id}`));
    expect(Object.keys(view.plan).sort()).toEqual(['address', 'destination', 'identity', 'reason', 'supporters']);
    expect(JSON.stringify(view.plan)).not.toContain('人工呼吸器（');
    expect(view.plan).not.toHaveProperty('devices');
    expect(view.plan).not.toHaveProperty('medications');
    const [prov] = await t.db.select().from(provisionRecord).where(eq(provisionRecord.id, view.provisionId));
    expect(prov).toMatchObject({ kind: 'export', recipientName: 'テスト町会', consentId: hood.id });
    expect(prov!.items[0]).toContain('避難支援等実施者');
    expect(prov!.items[0]).not.toContain('医療機器');

    // The printout for the association: their items only, no battery table.
    const pdf = await w.consultant.get(`/api/clients/${w.clientId}/evacuation-plan/print.pdf?consentId=${hood.id}`);
    expect(pdf.status).toBe(200);
    const text = pdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(text).toContain('提供先: テスト町会');
    expect(text).toContain('山田 太郎');
    expect(text).not.toContain('バッテリー表');
    expect(text).not.toContain('テスト薬');

    // A custom narrower consent, and a revoked one.
    const narrow = await readJson<{ id: string }>(await w.consultant.post(`/api/clients/${w.clientId}/evacuation-plan/consents`, { ...CITY, recipientKind: 'shelter', recipientName: 'テスト福祉避難所', items: ['identity', 'devices'] }), 201);
    const shelter = await readJson<{ plan: Record<string, unknown> }>(await w.consultant.get(`/api/clients/${w.clientId}/evacuation-plan/recipient-view?consentId=${narrow.id}`));
    expect(Object.keys(shelter.plan).sort()).toEqual(['devices', 'identity']);
    await readJson(await w.consultant.post(`/api/clients/${w.clientId}/evacuation-plan/consents/${narrow.id}/revoke`, { reason: '撤回' }));
    await readProblem(await w.consultant.get(`/api/clients/${w.clientId}/evacuation-plan/recipient-view?consentId=${narrow.id}`), 403);
    await readProblem(await w.consultant.get(`/api/clients/${w.clientId}/evacuation-plan/recipient-view?consentId=unknown`), 403);
  });

  it('prints one client’s plan on at most two A4 pages, in Japanese, with the battery table', async () => {
    const w = await world();
    await readJson(
      await w.consultant.put(`/api/clients/${w.clientId}/evacuation-plan`, {
        version: 0,
        ...completeBody(w.name, 5, {
          devices: [
            { kind: 'ventilator', essential: true, watts: 60, internalBattery: { hours: 5, ageYears: 2 }, externalBatteries: { count: 2, whEach: 240, ageYears: 1 }, manualAlternative: { kind: 'resuscitation_bag' } },
            { kind: 'suction', essential: true, watts: 80, hoursPerDay: 2, internalBattery: { hours: 0.5 }, manualAlternative: { kind: 'foot_suction' } },
            { kind: 'feeding_pump', essential: true, watts: 5, internalBattery: { hours: 10, ageYears: 1 } },
          ],
          backups: [{ kind: 'portable_power', label: 'テスト電源', capacityWh: 1000, ratedWatts: 1000, pureSine: true, ageYears: 1 }],
        }),
      }),
    );
    const res = await w.consultant.get(`/api/clients/${w.clientId}/evacuation-plan/print.pdf`);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const buf = Buffer.from(await res.arrayBuffer());
    const pages = (buf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    const text = pdfText(buf);
    for (const s of ['個別避難計画', '電源がなくなるまでの時間（バッテリー表）', '人工呼吸器', '吸引器', '経管栄養ポンプ', 'テスト電源', '避難支援等実施者', 'テスト福祉避難所', '時間の計算のしかた']) expect(text).toContain(s);
    expect(text).toMatch(/停電から\s*約/);
  });
});

describe('outage simulation and registers', () => {
  it('lists consented clients whose devices stop before power returns, earliest first; the rest only counted, never exported', async () => {
    const a = await world();
    const b = await world();
    const hidden = await world();
    const safe = await world();
    await saveComplete(a, 8);
    await saveComplete(b, 2);
    await saveComplete(hidden, 1);
    await saveComplete(safe, 30);
    for (const w of [a, b, safe]) await readJson(await w.consultant.post(`/api/clients/${w.clientId}/evacuation-plan/consents`, CITY), 201);
    const city = await official();
    type Result = { rows: { rank: number; clientId: string; name: string; runtimeHours: number; shortfallHours: number; supporters: unknown[]; destination: { kindLabel: string } }[]; counts: { affected: number; affectedWithoutConsent: number }; geojson: { features: unknown[] } };
    const r = await readJson<Result>(await city.client.get('/api/evacuation/simulation?outageHours=12'));
    const mine = r.rows.filter((x) => [a, b, safe, hidden].some((w) => w.clientId === x.clientId));
    expect(mine.map((x) => x.clientId)).toEqual([b.clientId, a.clientId]);
    expect(mine[0]).toMatchObject({ runtimeHours: 2, shortfallHours: 10 });
    expect(mine[0]!.destination.kindLabel).toBe('福祉避難所');
    expect(mine[0]!.supporters).toHaveLength(2);
    // ranks are strictly increasing with runtime over the whole list
    expect(r.rows.map((x) => x.rank)).toEqual(r.rows.map((_, i) => i + 1));
    expect([...r.rows].sort((x, y) => x.runtimeHours - y.runtimeHours).map((x) => x.clientId)).toEqual(r.rows.map((x) => x.clientId));
    expect(r.rows.some((x) => x.clientId === hidden.clientId)).toBe(false);
    expect(r.counts.affectedWithoutConsent).toBeGreaterThanOrEqual(1);
    expect(r.geojson.features.length).toBe(r.rows.length);
    // each named client is in the access log
    expect((await t.auditRows({ action: 'evacuation.simulation.view', entityId: b.clientId })).length).toBe(1);
    expect((await verifyAuditChain(t.db)).ok).toBe(true); // rows written in one batch still chain

    const csv = await city.client.get('/api/evacuation/simulation.csv?outageHours=12');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM, so Excel reads UTF-8
    const body = bytes.toString('utf8');
    expect(body).toContain('順位,氏名');
    expect(body).toContain(b.name);
    expect(body).not.toContain(hidden.name);
    const provs = await t.db.select().from(provisionRecord).where(and(eq(provisionRecord.clientId, b.clientId), eq(provisionRecord.kind, 'export')));
    expect(provs.some((p) => p.items[0]!.includes('停電シミュレーション 12時間（CSV）'))).toBe(true);

    const pdf = await city.client.get('/api/evacuation/simulation.pdf?outageHours=12');
    const text = pdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(text).toContain('停電シミュレーション');
    expect(text).toContain(b.name);
    expect(text).not.toContain(hidden.name);

    // A circle that misses everyone, and another city refused.
    const far = await readJson<Result>(await city.client.get('/api/evacuation/simulation?outageHours=12&lat=35.0&lon=140.0&radiusKm=1'));
    expect(far.rows).toEqual([]);
    const near = await readJson<Result>(await city.client.get('/api/evacuation/simulation?outageHours=12&lat=35.787&lon=139.903&radiusKm=1'));
    expect(near.rows.some((x) => x.clientId === b.clientId)).toBe(true);
    await readProblem(await city.client.get('/api/evacuation/simulation?outageHours=12&municipalityCodes=12217'), 403);
    const bad = await readProblem(await city.client.get('/api/evacuation/simulation?outageHours=12&lat=35'), 400);
    expect(bad.errors?.[0]?.message).toContain('緯度・経度・半径');
    // Consultants do not run simulations.
    await readProblem(await a.consultant.get('/api/evacuation/simulation?outageHours=12'), 403);
  });

  it('counts every client by plan status and names only those consented to the city', async () => {
    const code = '12222'; // 我孫子: no other test uses it
    const none = await world(code);
    const draft = await world(code);
    const approved = await world(code);
    await saveComplete(draft, 3);
    await saveComplete(approved, 3);
    await readJson(await approved.consultant.post(`/api/clients/${approved.clientId}/evacuation-plan/consents`, { ...CITY, recipientName: '我孫子市' }), 201);
    const city = await official(code);
    await readJson(await city.client.post(`/api/clients/${approved.clientId}/evacuation-plan/approve`, { version: 1 }));
    const reg = await readJson<{ summary: Record<string, number>; items: { clientId: string; status: string }[]; total: number }>(await city.client.get('/api/evacuation/registers'));
    expect(reg.summary).toMatchObject({ total: 3, none: 1, draft: 1, approved: 1, reviewDue: 0, approvedShare: 0.333, consentedToCity: 1, powerDependent: 2 });
    expect(reg.items.map((i) => [i.clientId, i.status])).toEqual([[approved.clientId, 'approved']]);
    expect(reg.items.some((i) => i.clientId === none.clientId || i.clientId === draft.clientId)).toBe(false);
    await readProblem(await city.client.get('/api/evacuation/registers?municipalityCode=12207'), 403);
  });
});

describe('yearly review reminders', () => {
  it('tells the team once when the review falls due, and again only after a new approval', async () => {
    const w = await world();
    await saveComplete(w, 5);
    await readJson(await w.consultant.post(`/api/clients/${w.clientId}/evacuation-plan/consents`, CITY), 201);
    const city = await official();
    await readJson(await city.client.post(`/api/clients/${w.clientId}/evacuation-plan/approve`, { version: 1 }));
    const soon = await processEvacuationReviews({ db: t.db, now: new Date() });
    expect(soon.notified).not.toContain(w.clientId);
    const later = new Date(Date.now() + 370 * 86_400_000);
    expect((await processEvacuationReviews({ db: t.db, now: later })).notified).toContain(w.clientId);
    expect((await processEvacuationReviews({ db: t.db, now: later })).notified).not.toContain(w.clientId);
    // through the scheduler's tick (advisory lock) as well: still nothing new
    const tick = await evacuationTickOnce({ db: t.db, now: later });
    expect(tick && tick.notified).not.toContain(w.clientId);
    const notes = await t.db.select().from(notification).where(and(eq(notification.kind, 'evacuation.review_due'), eq(notification.link, `/clients/${w.clientId}/evacuation-plan`)));
    expect(notes).toHaveLength(1);
    const plan = await readJson<{ status: string; version: number }>(await w.consultant.get(`/api/clients/${w.clientId}/evacuation-plan`));
    expect(plan.status).toBe('approved'); // due only from the review date on (today it is not yet)
    // A new approval starts a new cycle: the team is told again when that one falls due.
    await saveComplete(w, 6, plan.version);
    await readJson(await city.client.post(`/api/clients/${w.clientId}/evacuation-plan/approve`, { version: plan.version + 1 }));
    expect((await processEvacuationReviews({ db: t.db, now: later })).notified).toContain(w.clientId);
  });
});

describe('recomputing stored runtimes', () => {
  it('recomputes every plan stored under other model assumptions, and only those', async () => {
    const w = await world();
    await saveComplete(w, 5);
    await withSystemContext(t.db, (tx) => tx.update(evacuationPlan).set({ runtimeHours: 999, assumptionsVersion: 'old' }).where(eq(evacuationPlan.clientId, w.clientId)));
    expect(await recomputeEvacuationRuntimes({ db: t.db })).toBeGreaterThanOrEqual(1);
    const [row] = await t.db.select().from(evacuationPlan).where(eq(evacuationPlan.clientId, w.clientId));
    expect(row).toMatchObject({ runtimeHours: 5, assumptionsVersion: POWER_ASSUMPTIONS.version });
    expect(await recomputeEvacuationRuntimes({ db: t.db })).toBe(0);
  });
});

describe('outsiders', () => {
  it('get 404 on every evacuation endpoint of a client, each denial logged with the client id', async () => {
    const w = await world();
    await saveComplete(w, 5);
    const outsiderOffice = await t.createOffice();
    const { client: outsider, user } = await t.signedIn(['consultant'], { officeIds: [outsiderOffice.id] });
    const id = w.clientId;
    const calls: [string, string, unknown?][] = [
      ['GET', `/api/clients/${id}/evacuation-plan`],
      ['PUT', `/api/clients/${id}/evacuation-plan`, { version: 1 }],
      ['GET', `/api/clients/${id}/evacuation-plan/versions`],
      ['GET', `/api/clients/${id}/evacuation-plan/versions/1`],
      ['GET', `/api/clients/${id}/evacuation-plan/print.pdf`],
      ['GET', `/api/clients/${id}/evacuation-plan/consents`],
      ['POST', `/api/clients/${id}/evacuation-plan/consents`, CITY],
      ['POST', `/api/clients/${id}/evacuation-plan/consents/x/revoke`, { reason: 'x' }],
      ['GET', `/api/clients/${id}/evacuation-plan/recipient-view?consentId=x`],
    ];
    // every client path of the feature is covered (approve is for officials: 403 by role first)
    expect(new Set(calls.map(([, p]) => p.replace(id, '{id}').replace(/\?.*$/, '').replace('/versions/1', '/versions/{version}').replace('/consents/x/', '/consents/{consentId}/')))).toEqual(
      new Set(EVACUATION_CLIENT_PATHS.filter((p) => !p.endsWith('/approve')).map((p) => `/api${p}`)),
    );
    for (const [method, p, body] of calls) {
      const res = await outsider.request(p, { method, json: body });
      expect(res.status, `${method} ${p}`).toBe(404);
    }
    const denied = await t.auditRows({ action: 'client.access_denied', entityId: id, actorUserId: user.id });
    expect(denied.length).toBe(calls.length);
  });

  it('the power-runtime calculator is open to any signed-in user and computes without saving', async () => {
    const { client } = await t.signedIn(['viewer']);
    const r = await readJson<{ runtimeHours: number; explanation: string[] }>(await client.post('/api/evacuation/power-runtime', { devices: [{ kind: 'ventilator', watts: 60, internalBattery: { hours: 5, ageYears: 5 } }] }));
    expect(r.runtimeHours).toBeCloseTo(2.5);
    expect(r.explanation[0]).toContain('前提');
  });

  it('documents every route in the OpenAPI document, with named bodies, path parameters and problem+json errors', async () => {
    type Op = { summary?: string; tags?: string[]; parameters?: { in: string; name: string }[]; requestBody?: { content: Record<string, { schema: { $ref?: string } }> }; responses: Record<string, { content?: Record<string, unknown> }> };
    const doc = await readJson<{ paths: Record<string, Record<string, Op>> }>(await t.client().get('/api/openapi.json'));
    for (const p of ['/clients/{id}/evacuation-plan', '/clients/{id}/evacuation-plan/approve', '/evacuation/simulation', '/evacuation/simulation.csv', '/evacuation/registers', '/evacuation/power-runtime']) expect(Object.keys(doc.paths)).toContain(`/api${p}`);
    const mine = Object.entries(doc.paths).filter(([p]) => p.includes('evacuation'));
    expect(mine.length).toBeGreaterThanOrEqual(12);
    for (const [path, ops] of mine)
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method} ${path}`;
        expect(op.summary && op.tags?.length, where).toBeTruthy();
        expect(op.responses['401']?.content?.['application/problem+json'], where).toBeDefined();
        for (const name of path.match(/\{(\w+)\}/g) ?? []) expect(op.parameters?.some((x) => x.in === 'path' && `{${x.name}}` === name), where).toBe(true);
        if (op.requestBody) expect(op.requestBody.content['application/json']?.schema.$ref, where).toMatch(/^#\/components\/schemas\/\w+$/);
      }
  });
});

function pdfText(buf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'evac-pdf-'));
  const file = path.join(dir, 'x.pdf');
  writeFileSync(file, buf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}
