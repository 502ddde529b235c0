import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent, notification } from '../../db/schema/index.js';
import { startTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ AUTH_IP_MAX_SIGNIN_PER_MINUTE: '1000' });
});
afterAll(async () => t?.close());

interface Thread {
  id: string;
  isCaseLinked: boolean;
  asker: { id: string | null; name: string };
  bodySegments: { text: string; termId?: string }[];
  answers: { id: string; body: string }[];
  status: string;
}

describe('ask a coordinator', () => {
  it('shows a case-linked question only to the asker, the case team and coordinators', async () => {
    // A client record opened by the asker (who joins its team), with a nurse's office on the team.
    const office = await t.createOffice({ name: `相談支援テスト ${Math.random().toString(36).slice(2, 7)}` });
    const asker = await t.signedIn(['consultant'], { officeIds: [office.id] });
    const created = await asker.client.post('/api/clients', {
      name: 'テスト あおい',
      nameKana: 'てすと あおい',
      birthDate: '2022-05-10',
      sex: 'female',
      municipalityCode: '12207',
      consent: { scopes: ['profile', 'medical'], givenBy: '山田 花子', givenByRelation: '母', consentedOn: '2026-04-01', method: 'written', document: '同意書（テスト）' },
    });
    expect(created.status).toBe(201);
    const clientId = ((await created.json()) as { id: string }).id;
    const nurseOffice = await t.createOffice({ sector: 'medical', name: `訪問看護テスト ${Math.random().toString(36).slice(2, 7)}` });
    const nurse = await t.signedIn(['provider_staff'], { officeIds: [nurseOffice.id] });
    expect((await asker.client.post(`/api/clients/${clientId}/team`, { role: 'medical', officeId: nurseOffice.id, roleNote: '訪問看護' })).status).toBe(201);

    const other = await t.signedIn(['consultant']);
    const official = await t.signedIn(['official']);
    const coord = await t.signedIn(['coordinator'], { municipalityCode: '12217' });
    // Someone off the team cannot link a question to the client (nothing written).
    const refused = await other.client.post('/api/consultations', { title: '他人のケース', body: '横から', caseRef: clientId });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe('caseRef');
    const res = await asker.client.post('/api/consultations', { title: 'Aちゃんの入浴時間', body: 'ヘルパーが見つからない', caseRef: clientId });
    expect(res.status).toBe(201);
    const q = (await res.json()) as Thread;
    expect(q.isCaseLinked).toBe(true);

    // The team's nurse reads it (and finds it in the list) but does not answer.
    const seen = await nurse.client.get(`/api/consultations/${q.id}`);
    expect(seen.status).toBe(200);
    expect(((await seen.json()) as { canAnswer: boolean }).canAnswer).toBe(false);
    expect(((await (await nurse.client.get('/api/consultations')).json()) as { items: { id: string }[] }).items.map((i) => i.id)).toContain(q.id);
    expect((await nurse.client.post(`/api/consultations/${q.id}/answers`, { body: '看護から' })).status).toBe(403);

    expect((await other.client.get(`/api/consultations/${q.id}`)).status).toBe(404);
    expect((await official.client.get(`/api/consultations/${q.id}`)).status).toBe(404);
    expect((await other.client.post(`/api/consultations/${q.id}/answers`, { body: '横から' })).status).toBe(404);
    const othersList = (await (await other.client.get('/api/consultations')).json()) as { items: { id: string }[] };
    expect(othersList.items.map((i) => i.id)).not.toContain(q.id);
    const kb = (await (await other.client.get('/api/knowledge-base?q=' + encodeURIComponent('入浴'))).json()) as { items: { id: string }[] };
    expect(kb.items.map((i) => i.id)).not.toContain(q.id);

    expect((await coord.client.get(`/api/consultations/${q.id}`)).status).toBe(200);
    // Reading a case-linked thread is logged against the client.
    const logged = await t.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'consultation.read'), eq(auditEvent.clientId, clientId)));
    expect(logged.length).toBeGreaterThan(0);
  });

  it('notifies the area coordinators, lets them answer, and puts resolved general questions in the knowledge base', async () => {
    const coordNoda = await t.signedIn(['coordinator'], { municipalityCode: '12208' });
    const coordElse = await t.signedIn(['coordinator'], { municipalityCode: '12222' });
    const asker = await t.signedIn(['consultant'], { municipalityCode: '12208' });
    const q = (await (await asker.client.post('/api/consultations', { title: '他市にどこまで相談してよいか', body: '小慢の申請について、胃ろうの子の就学で相談したい。<script>x</script>', careItems: ['tube_feeding'], lifeStages: ['elementary'] })).json()) as Thread;
    const notices = await t.db.select().from(notification).where(eq(notification.kind, 'consultation.new'));
    expect(notices.map((n) => n.userId)).toContain(coordNoda.user.id);
    expect(notices.map((n) => n.userId)).not.toContain(coordElse.user.id);

    // Glossary terms in the text are linked; the rest stays text, HTML included.
    expect(q.bodySegments.filter((s) => s.termId).map((s) => s.text)).toEqual(['小慢', '胃ろう']);
    expect(q.bodySegments.map((s) => s.text).join('')).toContain('<script>x</script>');

    expect((await asker.client.post(`/api/consultations/${q.id}/answers`, { body: '補足: 野田市です' })).status).toBe(201);
    const answered = (await (await coordNoda.client.post(`/api/consultations/${q.id}/answers`, { body: '県の医療的ケア児支援センターにも相談できます。' })).json()) as Thread;
    const mine = await t.db.select().from(notification).where(and(eq(notification.userId, asker.user.id), eq(notification.kind, 'consultation.answered')));
    expect(mine).toHaveLength(1);
    const other = await t.signedIn(['consultant']);
    expect((await other.client.post(`/api/consultations/${q.id}/answers`, { body: '私も' })).status).toBe(403);

    expect((await asker.client.post(`/api/consultations/${q.id}/resolve`, { acceptedAnswerId: answered.answers[1]!.id })).status).toBe(200);
    // Found by a word of the answer, typed in katakana, and by a two-character kanji word.
    for (const term of ['センター', 'せんたー', '就学']) {
      const kb = (await (await other.client.get('/api/knowledge-base?q=' + encodeURIComponent(term))).json()) as { items: { id: string }[] };
      expect(kb.items.map((i) => i.id)).toContain(q.id);
    }
    const kbNone = (await (await other.client.get('/api/knowledge-base?q=' + encodeURIComponent('存在しない語句'))).json()) as { items: unknown[] };
    expect(kbNone.items).toHaveLength(0);
  });

  it('hides the asker name from non-coordinators when asked to', async () => {
    const asker = await t.signedIn(['consultant']);
    const q = (await (await asker.client.post('/api/consultations', { title: '男性相談員として', body: '母親との関わり方', askerHidden: true })).json()) as Thread;
    const other = await t.signedIn(['consultant']);
    const coord = await t.signedIn(['coordinator']);
    expect(((await (await other.client.get(`/api/consultations/${q.id}`)).json()) as Thread).asker).toEqual({ id: null, name: '匿名の相談員' });
    expect(((await (await coord.client.get(`/api/consultations/${q.id}`)).json()) as Thread).asker.id).toBe(asker.user.id);
  });

  it('lets only consultants and coordinators ask', async () => {
    const staff = await t.signedIn(['provider_staff']);
    expect((await staff.client.post('/api/consultations', { title: 'x', body: 'y' })).status).toBe(403);
  });
});

describe('glossary', () => {
  it('ships the initial entries and finds them by kana, katakana and short words', async () => {
    const { client } = await t.signedIn(['consultant']);
    const all = (await (await client.get('/api/glossary')).json()) as { total: number };
    expect(all.total).toBeGreaterThanOrEqual(40);
    const find = async (q: string) => ((await (await client.get('/api/glossary?q=' + encodeURIComponent(q))).json()) as { items: { term: string }[] }).items.map((i) => i.term);
    expect((await find('しょうまん'))[0]).toBe('小慢');
    expect((await find('イロウ'))[0]).toBe('胃瘻');
    expect((await find('ｎｐｐｖ'))[0]).toBe('NPPV');
    expect(await find('吸引')).toContain('吸引');
    expect((await find('レスパイト'))[0]).toBe('レスパイト');
  });

  it('lets coordinators edit with history and refuses a stale edit', async () => {
    const { client: coord } = await t.signedIn(['coordinator']);
    const [term] = ((await (await coord.get('/api/glossary?q=' + encodeURIComponent('判定スコア'))).json()) as { items: { id: string; version: number }[] }).items;
    const res = await coord.patch(`/api/glossary/${term!.id}`, { expectedVersion: term!.version, explanation: '医療的ケアの種類と見守りの必要さを点数にしたもの（更新）。', note: '表現を修正' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { version: number }).version).toBe(term!.version + 1);
    expect((await coord.patch(`/api/glossary/${term!.id}`, { expectedVersion: term!.version, explanation: '古い版から' })).status).toBe(409);
    const revs = (await (await coord.get(`/api/glossary/${term!.id}/revisions`)).json()) as { items: { version: number; note: string }[] };
    expect(revs.items.map((r) => r.version)).toEqual([term!.version + 1, term!.version]);
    const { client: consultant } = await t.signedIn(['consultant']);
    expect((await consultant.patch(`/api/glossary/${term!.id}`, { expectedVersion: 2, explanation: 'x' })).status).toBe(403);
  });

  it('adds and deletes a term: duplicates named on the field, stale deletes refused, the deleted version kept in the audit log', async () => {
    const { client: coord } = await t.signedIn(['coordinator']);
    const { client: consultant } = await t.signedIn(['consultant']);
    const input = { term: 'テスト用語ネブライザー', reading: 'てすとようごねぶらいざー', category: 'device', explanation: '薬を霧にして吸い込む機械（テスト用）。', relatedTerms: ['吸引'], relatedCareItems: ['nebulizer'] };
    expect((await consultant.post('/api/glossary', input)).status).toBe(403);
    const bad = await coord.post('/api/glossary', { ...input, reading: '漢字', relatedCareItems: [] });
    expect(bad.status).toBe(400);
    const created = await coord.post('/api/glossary', input);
    expect(created.status).toBe(201);
    const term = (await created.json()) as { id: string; version: number; relatedTerms: { id: string | null; term: string }[] };
    expect(term.relatedTerms[0]!.id).not.toBeNull();
    const dup = await coord.post('/api/glossary', { ...input, reading: 'べつ' });
    expect(dup.status).toBe(400);
    expect(((await dup.json()) as { errors: { field: string }[] }).errors.map((f) => f.field)).toEqual(['term']);

    expect((await consultant.delete(`/api/glossary/${term.id}?expectedVersion=1`)).status).toBe(403);
    expect((await coord.patch(`/api/glossary/${term.id}`, { expectedVersion: 1, explanation: '更新した説明。' })).status).toBe(200);
    expect((await coord.delete(`/api/glossary/${term.id}?expectedVersion=1`)).status).toBe(409);
    expect((await coord.get(`/api/glossary/${term.id}`)).status).toBe(200);
    expect((await coord.delete(`/api/glossary/${term.id}?expectedVersion=2`)).status).toBe(204);
    expect((await coord.get(`/api/glossary/${term.id}`)).status).toBe(404);
    expect((await coord.delete(`/api/glossary/${term.id}?expectedVersion=2`)).status).toBe(404);
    const [logged] = await t.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'glossary.delete'), eq(auditEvent.entityId, term.id)));
    expect((logged!.details as { snapshot: { explanation: string } }).snapshot.explanation).toBe('更新した説明。');
  });

  it('links terms in any text', async () => {
    const { client } = await t.signedIn(['consultant']);
    const res = (await (await client.post('/api/glossary/link', { text: '人工呼吸器とカフアシスト、個別避難計画' })).json()) as { segments: { text: string; termId?: string }[] };
    expect(res.segments.filter((s) => s.termId).map((s) => s.text)).toEqual(['人工呼吸器', 'カフアシスト', '個別避難計画']);
  });
});

describe('OpenAPI', () => {
  it('documents the network API, the public links and the multipart upload', async () => {
    const doc = (await (await t.client().get('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { security?: unknown[]; requestBody?: { content: Record<string, unknown> } }>> };
    for (const p of ['/api/events', '/api/events/{id}/check-in', '/api/surveys/{id}/results', '/api/indicators/{id}/trend', '/api/consultations', '/api/knowledge-base', '/api/glossary', '/api/notifications', '/api/admin/outbox'])
      expect(doc.paths[p], p).toBeDefined();
    expect(doc.paths['/api/public/surveys/{token}/responses']!.post!.security).toEqual([]);
    expect(doc.paths['/api/public/events/{token}/registrations']!.post!.security).toEqual([]);
    expect(Object.keys(doc.paths['/api/events/{id}/materials']!.post!.requestBody!.content)).toEqual(['multipart/form-data']);
  });
});
