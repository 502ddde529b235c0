import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent, client, clientMedical, consent, glossaryTerm, notification, outboxEmail, provisionRecord } from '../../db/schema/index.js';
import { readJson, readProblem, startTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { OUTPUT_ROUTE_PATHS } from '../plans/outputs.routes.js';
import { PLAN_ROUTES } from '../plans/plans.routes.js';
import { CLIENT_ROUTES } from './clients.routes.js';
import { withUserContext } from './client-access.js';
import { rowsOf } from './sql-rows.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const CONSENT = { scopes: ['profile', 'contact', 'medical', 'plan', 'timeline', 'emergency'], givenBy: '山田 花子', givenByRelation: '母', consentedOn: '2026-04-01', method: 'written', document: '同意書 2026-04-01（相談室キャビネット）' };

interface World {
  consultant: { client: TestClient; user: { id: string } };
  office: { id: string };
  clientId: string;
}

/** A consultant with an office and a client record opened through the API. */
async function world(): Promise<World> {
  const office = await t.createOffice({ name: `相談支援テスト ${Math.random().toString(36).slice(2, 7)}` });
  const consultant = await t.signedIn(['consultant'], { officeIds: [office.id] });
  const body = await readJson<{ id: string }>(
    await consultant.client.post('/api/clients', {
      name: 'テスト あおい',
      nameKana: 'てすと あおい',
      birthDate: '2022-05-10',
      sex: 'female',
      municipalityCode: '12207',
      consent: CONSENT,
      medical: { careItems: [{ code: 'ventilator', monitoring: 'high' }, { code: 'tracheostomy', monitoring: 'high' }], devices: [{ type: '人工呼吸器', makerModel: 'テスト機 X', dealerPhone24h: '0120-000-000', settings: 'SIMV 12回/分' }] },
      contact: { guardians: [{ name: '山田 花子', relation: '母', phone: '090-0000-0000' }] },
    }),
    201,
  );
  return { consultant, office, clientId: body.id };
}

/** Adds a provider office with its staff member to the team, with consent for the given scopes. */
async function addProvider(w: World, scopes: string[]) {
  const office = await t.createOffice({ sector: 'medical', name: `訪問看護テスト ${Math.random().toString(36).slice(2, 7)}` });
  const staff = await t.signedIn(['provider_staff'], { officeIds: [office.id] });
  await readJson(await w.consultant.client.post(`/api/clients/${w.clientId}/team`, { role: 'medical', officeId: office.id, roleNote: '訪問看護' }), 201);
  const c = await readJson<{ id: string }>(
    await w.consultant.client.post(`/api/clients/${w.clientId}/consents`, { ...CONSENT, scopes, recipientType: 'office', recipientOfficeId: office.id }),
    201,
  );
  return { office, staff, consentId: c.id };
}

describe('client record', () => {
  it('opens a record with the creator on the team, the consent recorded and the care score computed', async () => {
    const w = await world();
    const rec = await readJson<{ scopes: string[]; myTeamRoles: string[]; medical: { careScore: { total: number; band: number } }; lifeStage: string }>(await w.consultant.client.get(`/api/clients/${w.clientId}`));
    expect(rec.myTeamRoles).toEqual(['consultant']);
    expect(rec.scopes).toContain('medical');
    // ventilator 10 + 2, tracheostomy 8 (monitoring not added with a ventilator)
    expect(rec.medical.careScore).toMatchObject({ total: 20, band: 16 });
    const reads = await t.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'client.read'), eq(auditEvent.clientId, w.clientId)));
    // the record returned by the create call, then the GET
    expect(reads.length).toBe(2);
  });

  it('names the field in Japanese when the input is wrong', async () => {
    const w = await world();
    const res = await w.consultant.client.post('/api/clients', { name: '', nameKana: 'abc!', birthDate: '2022-02-30', sex: 'x', municipalityCode: '12207', consent: CONSENT });
    const p = await readProblem(res, 400);
    const labels = (p.errors ?? []).map((e) => e.label);
    expect(labels).toEqual(expect.arrayContaining(['氏名', '生年月日', '性別']));
  });

  it('changes the identity with the version, logs the change with the fields, and refuses bad input writing nothing', async () => {
    const w = await world();
    const url = `/api/clients/${w.clientId}`;
    const rec = await readJson<{ version: number }>(await w.consultant.client.get(url));
    const bad = await readProblem(await w.consultant.client.patch(url, { version: rec.version, name: '', nameKana: 'abc!', birthDate: '2999-01-01', sex: 'x' }), 400);
    expect((bad.errors ?? []).map((e) => e.label)).toEqual(expect.arrayContaining(['氏名', '氏名（よみ）', '生年月日', '性別']));
    expect((bad.errors ?? []).find((e) => e.label === '生年月日')?.message).toContain('未来の日付');
    const unknownCity = await readProblem(await w.consultant.client.patch(url, { version: rec.version, municipalityCode: '99999' }), 400);
    expect((unknownCity.errors ?? []).map((e) => e.label)).toContain('支給決定市区町村');
    const [unchanged] = await t.db.select().from(client).where(eq(client.id, w.clientId));
    expect(unchanged).toMatchObject({ name: 'テスト あおい', version: rec.version, municipalityCode: '12207' });

    const after = await readJson<{ name: string; nameKana: string; birthDate: string; sex: string; municipalityCode: string; version: number }>(
      await w.consultant.client.patch(url, { version: rec.version, name: 'テスト あおば', nameKana: 'テスト アオバ', birthDate: '2022-05-11', sex: 'male', municipalityCode: '12217' }),
    );
    expect(after).toMatchObject({ name: 'テスト あおば', nameKana: 'てすと あおば', birthDate: '2022-05-11', sex: 'male', municipalityCode: '12217', version: rec.version + 1 });
    const logged = await t.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'client.update'), eq(auditEvent.clientId, w.clientId)));
    expect(logged).toHaveLength(1);
    expect(JSON.stringify(logged[0]!.details)).toContain('nameKana');
    expect((await readProblem(await w.consultant.client.patch(url, { version: rec.version, name: '古い版' }), 409)).detail).toContain('他の人が先に更新しました');
  });

  it('refuses a stale version with 409 and a Japanese message (no lost update)', async () => {
    const w = await world();
    const rec = await readJson<{ medical: { version: number } }>(await w.consultant.client.get(`/api/clients/${w.clientId}`));
    const v = rec.medical.version;
    const [a, b] = await Promise.all([
      w.consultant.client.put(`/api/clients/${w.clientId}/medical`, { version: v, allergies: [{ substance: '卵' }] }),
      w.consultant.client.put(`/api/clients/${w.clientId}/medical`, { version: v, allergies: [{ substance: '牛乳' }] }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect((await readProblem(loser, 409)).detail).toContain('他の人が先に更新しました');
  });
});

describe('outsiders', () => {
  it('get 404 on every client endpoint, and each denial is logged with the client id', async () => {
    const w = await world();
    const outsiderOffice = await t.createOffice();
    const { client: outsider, user } = await t.signedIn(['consultant'], { officeIds: [outsiderOffice.id] });
    const id = w.clientId;
    const v = { version: 1 };
    const calls: [string, string, unknown?][] = [
      ['GET', `/api/clients/${id}`],
      ['PATCH', `/api/clients/${id}`, { ...v, name: '乗っ取り' }],
      ['PUT', `/api/clients/${id}/profile`, v],
      ['PUT', `/api/clients/${id}/contact`, v],
      ['PUT', `/api/clients/${id}/medical`, v],
      ['GET', `/api/clients/${id}/team`],
      ['POST', `/api/clients/${id}/team`, { role: 'provider', officeId: outsiderOffice.id }],
      ['GET', `/api/clients/${id}/team/candidates?q=${encodeURIComponent('テスト')}`],
      ['DELETE', `/api/clients/${id}/team/x`],
      ['GET', `/api/clients/${id}/consents`],
      ['POST', `/api/clients/${id}/consents`, { ...CONSENT, recipientType: 'office', recipientOfficeId: outsiderOffice.id }],
      ['POST', `/api/clients/${id}/consents/x/revoke`, { reason: 'test' }],
      ['GET', `/api/clients/${id}/provisions`],
      ['GET', `/api/clients/${id}/timeline`],
      ['POST', `/api/clients/${id}/timeline`, { kind: 'note', occurredAt: '2026-05-01T10:00:00+09:00', title: 'x' }],
      ['GET', `/api/clients/${id}/assessments`],
      ['POST', `/api/clients/${id}/assessments`, { assessedOn: '2026-05-01', sections: {} }],
      ['GET', `/api/clients/${id}/assessments/x`],
      ['PUT', `/api/clients/${id}/assessments/x`, { ...v, assessedOn: '2026-05-01', sections: {} }],
      ['GET', `/api/clients/${id}/plans`],
      ['POST', `/api/clients/${id}/plans`, {}],
      ['GET', `/api/clients/${id}/plans/current`],
      ['PUT', `/api/clients/${id}/plans/x`, { ...v, kind: 'child', createdOn: '2026-05-01', startDate: '2026-05-01', monitoringPeriodMonths: 3 }],
      ['PUT', `/api/clients/${id}/plans/x/weekly`, v],
      ['POST', `/api/clients/${id}/plans/x/agree`, { ...v, agreedOn: '2026-05-01', agreedBy: '母' }],
      ['GET', `/api/clients/${id}/monitoring`],
      ['POST', `/api/clients/${id}/monitoring`, { planId: 'x', conductedOn: '2026-05-01' }],
      ['GET', `/api/clients/${id}/monitoring/x`],
      ['PUT', `/api/clients/${id}/monitoring/x`, { ...v, conductedOn: '2026-05-01' }],
      ['GET', `/api/clients/${id}/conferences`],
      ['POST', `/api/clients/${id}/conferences`, { heldAt: '2026-05-01T10:00:00+09:00' }],
      ['GET', `/api/clients/${id}/conferences/x`],
      ['PUT', `/api/clients/${id}/conferences/x`, { ...v, heldAt: '2026-05-01T10:00:00+09:00' }],
      ...OUTPUT_ROUTE_PATHS.map((p) => ['GET', p.replace('{id}', id).replace(/\{(\w+)\}/g, (_, n: string) => (n.endsWith('Pdf') ? 'x.pdf' : n.endsWith('Xlsx') ? 'x.xlsx' : 'x'))] as [string, string]),
    ];
    // The list above must name every route of a client (a new endpoint without an outsider check fails here).
    const tried = (method: string, template: string) => {
      const re = new RegExp(`^${template.replace('{id}', id).replace(/\{\w+\}/g, '[^/?]+')}(\\?.*)?$`);
      return calls.some(([m, p]) => m === method && re.test(p));
    };
    const clientRoutes = [...CLIENT_ROUTES, ...PLAN_ROUTES, ...OUTPUT_ROUTE_PATHS.map((path) => ({ method: 'GET', path }))].filter((r) => r.path.includes('{id}'));
    expect(clientRoutes.length).toBeGreaterThan(30);
    expect(clientRoutes.filter((r) => !tried(r.method, r.path)).map((r) => `${r.method} ${r.path}`)).toEqual([]);
    for (const [method, path, json] of calls) {
      const res = await outsider.request(path, { method, json });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    const denials = await t.db.select().from(auditEvent).where(and(eq(auditEvent.actorUserId, user.id), eq(auditEvent.action, 'client.access_denied'), eq(auditEvent.clientId, id)));
    expect(denials.length).toBe(calls.length);
    const list = await readJson<{ items: { id: string }[]; total: number }>(await outsider.get('/api/clients'));
    expect(list.items.map((i) => i.id)).not.toContain(id);
  });

  it('see zero rows in a raw query without a where clause inside their own access context', async () => {
    const w = await world();
    const outsider = await t.createUser({ roles: ['consultant'] });
    const counts = await withUserContext(t.db, { userId: outsider.id }, async (tx) => ({
      client: rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from client`))[0]!.n,
      medical: (await tx.select().from(clientMedical)).length,
      consent: (await tx.select().from(consent)).length,
      provisions: (await tx.select().from(provisionRecord)).length,
    }));
    expect(counts).toEqual({ client: 0, medical: 0, consent: 0, provisions: 0 });
    // …while the team member sees their client in the same kind of query.
    const mine = await withUserContext(t.db, { userId: w.consultant.user.id }, async (tx) => (await tx.select({ id: client.id }).from(client)).map((r) => r.id));
    expect(mine).toEqual([w.clientId]);
  });

  it('cannot write a row for a client outside their access even with a hand-written insert', async () => {
    const w = await world();
    const outsider = await t.createUser({ roles: ['consultant'] });
    await expect(
      withUserContext(t.db, { userId: outsider.id }, (tx) =>
        tx.execute(sql`insert into timeline_event (id, client_id, kind, occurred_at, title, author_name) values ('x1', ${w.clientId}, 'note', now(), 'x', 'x')`),
      ),
    ).rejects.toThrow();
  });

  it('never see client data as an admin or viewer', async () => {
    const w = await world();
    const { client: viewer } = await t.signedIn(['viewer']);
    expect((await viewer.get(`/api/clients/${w.clientId}`)).status).toBe(403);
  });
});

describe('team and consent', () => {
  it('shows a provider only the consented sections and answers 403 outside them', async () => {
    const w = await world();
    const { staff } = await addProvider(w, ['medical', 'timeline']);
    const rec = await readJson<{ medical: unknown; contact: unknown; profile: unknown; hiddenScopes: string[] }>(await staff.client.get(`/api/clients/${w.clientId}`));
    expect(rec.medical).not.toBeNull();
    expect(rec.contact).toBeNull();
    expect(rec.hiddenScopes).toEqual(expect.arrayContaining(['contact', 'plan', 'profile']));
    const plans = await staff.client.get(`/api/clients/${w.clientId}/plans`);
    expect((await readProblem(plans, 403)).detail).toContain('同意の範囲外');
    // and the database agrees: no plan rows, no contact rows for this user
  });

  it('removes access at once when the consent is revoked', async () => {
    const w = await world();
    const { staff, consentId } = await addProvider(w, ['medical']);
    expect((await staff.client.get(`/api/clients/${w.clientId}`)).status).toBe(200);
    await readJson(await w.consultant.client.post(`/api/clients/${w.clientId}/consents/${consentId}/revoke`, { reason: '保護者の申し出' }));
    expect((await staff.client.get(`/api/clients/${w.clientId}`)).status).toBe(404);
    const list = await readJson<{ items: unknown[] }>(await staff.client.get('/api/clients'));
    expect(list.items).toEqual([]);
    const consents = await readJson<{ items: { id: string; active: boolean }[] }>(await w.consultant.client.get(`/api/clients/${w.clientId}/consents`));
    expect(consents.items.find((c) => c.id === consentId)?.active).toBe(false);
  });

  it('writes a provision record when another organisation gains access, and it cannot be deleted', async () => {
    const w = await world();
    const { office, consentId } = await addProvider(w, ['medical', 'emergency']);
    const prov = await readJson<{ items: { kind: string; recipientOfficeId: string; consentId: string; scopes: string[]; retainUntil: string }[] }>(await w.consultant.client.get(`/api/clients/${w.clientId}/provisions`));
    expect(prov.items).toHaveLength(1);
    expect(prov.items[0]).toMatchObject({ kind: 'team_access', recipientOfficeId: office.id, consentId, scopes: ['medical', 'emergency'] });
    expect(prov.items[0]!.retainUntil >= `${new Date().getUTCFullYear() + 3}`).toBe(true);
    const err = await t.db.execute(sql`delete from provision_record where client_id = ${w.clientId}`).then(() => null, (e: Error) => e);
    expect(String((err?.cause as Error | undefined)?.message ?? err?.message)).toMatch(/append-only/);
  });
});

describe('a named person on the team', () => {
  type Candidate = { userId: string; name: string; offices: { id: string; consentScopes: string[] }[]; personalConsentScopes: string[]; onTeam: boolean };
  it('is found by name with their offices and consent status, added by name, and then sees the consented scope', async () => {
    const w = await world();
    const nurseOffice = await t.createOffice({ sector: 'medical', name: `訪問看護 人 ${Math.random().toString(36).slice(2, 7)}` });
    const name = `小林 看護${Math.random().toString(36).slice(2, 7)}`;
    const nurse = await t.createUser({ roles: ['provider_staff'], name, officeIds: [nurseOffice.id] });
    const search = async (q: string) => readJson<{ items: Candidate[] }>(await w.consultant.client.get(`/api/clients/${w.clientId}/team/candidates?q=${encodeURIComponent(q)}`));

    const before = await search(name.slice(3));
    expect(before.items).toEqual([{ userId: nurse.id, name, nameKana: null, offices: [{ id: nurseOffice.id, name: nurseOffice.name, consentScopes: [] }], personalConsentScopes: [], onTeam: false }]);
    // LIKE wildcards are matched literally, not as "everyone".
    expect((await search('%')).items).toEqual([]);

    await readJson(await w.consultant.client.post(`/api/clients/${w.clientId}/consents`, { ...CONSENT, scopes: ['medical'], recipientType: 'user', recipientUserId: nurse.id }), 201);
    expect((await search(name)).items[0]).toMatchObject({ personalConsentScopes: ['medical'], onTeam: false });

    const member = await readJson<{ userId: string; officeId: string; scopes: string[] }>(await w.consultant.client.post(`/api/clients/${w.clientId}/team`, { role: 'medical', userId: nurse.id, officeId: nurseOffice.id, roleNote: '訪問看護師' }), 201);
    expect(member).toMatchObject({ userId: nurse.id, officeId: nurseOffice.id, scopes: ['medical'] });
    expect((await search(name)).items[0]!.onTeam).toBe(true);

    const nurseClient = await t.signIn(nurse.email);
    const rec = await readJson<{ medical: unknown; contact: unknown }>(await nurseClient.get(`/api/clients/${w.clientId}`));
    expect(rec.medical).not.toBeNull();
    expect(rec.contact).toBeNull();
    // The person's office is another organisation: the access is a provision record.
    const prov = await readJson<{ items: { recipientUserId: string | null; scopes: string[] }[] }>(await w.consultant.client.get(`/api/clients/${w.clientId}/provisions`));
    expect(prov.items).toEqual([expect.objectContaining({ recipientUserId: nurse.id, scopes: ['medical'] })]);
    const searches = await t.auditRows({ action: 'client.team.search', actorUserId: w.consultant.user.id });
    expect(searches.length).toBe(4);
    expect(searches.every((a) => a.clientId === w.clientId)).toBe(true);
  });

  it('refuses bad input and a member who may not manage the team, writing nothing', async () => {
    const w = await world();
    const { staff } = await addProvider(w, ['medical', 'plan']);
    const empty = await w.consultant.client.get(`/api/clients/${w.clientId}/team/candidates?q=`);
    expect((await readProblem(empty, 400)).errors?.[0]?.label).toBe('検索語（氏名・よみ）');
    const long = await w.consultant.client.get(`/api/clients/${w.clientId}/team/candidates?q=${'あ'.repeat(101)}`);
    expect((await readProblem(long, 400)).detail).toBeTruthy();
    const denied = await staff.client.get(`/api/clients/${w.clientId}/team/candidates?q=${encodeURIComponent('テスト')}`);
    expect((await readProblem(denied, 403)).detail).toContain('相談支援専門員・コーディネーター');
    // A person who does not act for the office named is refused with the field named.
    const other = await t.createUser({ roles: ['provider_staff'] });
    const team = await readJson<{ items: unknown[] }>(await w.consultant.client.get(`/api/clients/${w.clientId}/team`));
    const wrong = await w.consultant.client.post(`/api/clients/${w.clientId}/team`, { role: 'medical', userId: other.id, officeId: w.office.id });
    expect((await readProblem(wrong, 400)).errors?.[0]?.label).toBe('担当者');
    expect((await readJson<{ items: unknown[] }>(await w.consultant.client.get(`/api/clients/${w.clientId}/team`))).items).toHaveLength(team.items.length);
  });
});

describe('timeline', () => {
  it('notifies every team member with timeline consent, in-app and by e-mail, and not the outsider', async () => {
    const w = await world();
    const a = await addProvider(w, ['medical', 'timeline']);
    const b = await addProvider(w, ['medical']); // no timeline consent: not told
    const outsider = await t.createUser({ roles: ['consultant'] });
    const ev = await readJson<{ notifiedUserIds: string[] }>(
      await a.staff.client.post(`/api/clients/${w.clientId}/timeline`, { kind: 'admission', occurredAt: '2026-06-01T09:00:00+09:00', title: '肺炎で入院', place: '松戸みらい病院', body: '酸素 2L' }),
      201,
    );
    expect(ev.notifiedUserIds.sort()).toEqual([w.consultant.user.id].sort());
    const n = await t.db.select().from(notification).where(eq(notification.kind, 'client.timeline.admission'));
    expect(n.map((x) => x.userId)).toContain(w.consultant.user.id);
    expect(n.map((x) => x.userId)).not.toContain(b.staff.user.id);
    expect(n.map((x) => x.userId)).not.toContain(outsider.id);
    const mails = await t.db.select().from(outboxEmail).where(sql`${outboxEmail.subject} like '%入院%'`);
    expect(mails.length).toBeGreaterThan(0);
    expect(mails.every((m) => !m.text.includes('肺炎'))).toBe(true);
    // consultant posts: the provider with timeline consent is told
    const ev2 = await readJson<{ notifiedUserIds: string[] }>(await w.consultant.client.post(`/api/clients/${w.clientId}/timeline`, { kind: 'discharge', occurredAt: '2026-06-10T11:00:00+09:00', title: '退院' }), 201);
    expect(ev2.notifiedUserIds).toEqual([a.staff.user.id]);
    const tl = await readJson<{ items: { kind: string }[] }>(await w.consultant.client.get(`/api/clients/${w.clientId}/timeline`));
    expect(tl.items.map((i) => i.kind)).toEqual(['discharge', 'admission']);
  });

  it('links glossary terms in a note to their entry, keeping HTML as text', async () => {
    const w = await world();
    const [irou] = await t.db.select({ id: glossaryTerm.id }).from(glossaryTerm).where(eq(glossaryTerm.term, '胃瘻'));
    expect(irou).toBeDefined();
    type Ev = { id: string; bodySegments: { text: string; termId?: string }[] };
    const body = '胃瘻からの注入を再開。<b>様子見</b>';
    const posted = await readJson<Ev>(await w.consultant.client.post(`/api/clients/${w.clientId}/timeline`, { kind: 'note', occurredAt: '2026-06-02T09:00:00+09:00', title: '注入再開', body }), 201);
    const listed = await readJson<{ items: Ev[] }>(await w.consultant.client.get(`/api/clients/${w.clientId}/timeline`));
    for (const ev of [posted, listed.items.find((i) => i.id === posted.id)!]) {
      expect(ev.bodySegments.find((x) => x.text === '胃瘻')?.termId).toBe(irou!.id);
      expect(ev.bodySegments.map((x) => x.text).join('')).toBe(body);
      expect(ev.bodySegments.some((x) => x.text.includes('<b>') && !x.termId)).toBe(true);
    }
    // The note itself stays under the record's access rules.
    const outsider = await t.signedIn(['consultant']);
    expect((await outsider.client.get(`/api/clients/${w.clientId}/timeline`)).status).toBe(404);
  });
});

describe('care score calculator', () => {
  it('computes total, band and breakdown for anyone signed in', async () => {
    const { client: viewer } = await t.signedIn(['viewer']);
    const r = await readJson<{ total: number; band: number; breakdown: unknown[] }>(
      await viewer.post('/api/care-score', { items: [{ code: 'ventilator', monitoring: 'high' }, { code: 'suction', monitoring: 'high' }, { code: 'tube_feeding', monitoring: 'high' }, { code: 'feeding_pump', monitoring: 'high' }] }),
    );
    expect(r).toMatchObject({ total: 12 + 9 + 10 + 4, band: 32 });
    expect(r.breakdown).toHaveLength(4);
    const bad = await readProblem(await viewer.post('/api/care-score', { items: [{ code: 'nope', monitoring: 'high' }] }), 400);
    expect(bad.errors?.[0]?.label).toBe('項目コード');
  });
});

