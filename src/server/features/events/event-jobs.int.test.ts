// Event reminders (scheduled sweep) and materials kept in a configured directory.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent, eventMaterial, eventRegistration, notification, outboxEmail, surveyInvitation } from '../../db/schema/index.js';
import { startTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { eventReminderTickOnce, eventTickOnce } from './event-reminders.js';

let t: TestApp;
let coord: TestClient;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tsunagu-materials-'));
  t = await startTestApp({ MATERIAL_STORAGE: 'directory', MATERIAL_DIR: dir, MATERIAL_MAX_BYTES: '4096', TRUST_PROXY: '1' });
  coord = (await t.signedIn(['coordinator'])).client;
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

async function createEvent(startsInHours: number, extra: Record<string, unknown> = {}) {
  const res = await coord.post('/api/events', { kind: 'training', title: `研修会 ${Math.random().toString(36).slice(2, 7)}`, startsAt: inHours(startsInHours), endsAt: inHours(startsInHours + 2), venue: 'ふれあい22', capacity: 1, publicRegistration: true, ...extra });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { id: string; title: string; publicUrl: string };
  return { ...body, token: body.publicUrl.split('/').pop()! };
}

describe('event reminders', () => {
  it('reminds seated participants once before the event, not the waiting list, nor far-off or cancelled events', async () => {
    const soon = await createEvent(20);
    const later = await createEvent(24 * 5);
    const { client: member, user } = await t.signedIn(['consultant']);
    expect((await member.post(`/api/events/${soon.id}/registration`)).status).toBe(201);
    expect((await member.post(`/api/events/${later.id}/registration`)).status).toBe(201);
    const waiting = `w-${Math.random().toString(36).slice(2)}@example.jp`;
    const pub = await t.client().post(`/api/public/events/${soon.token}/registrations`, { name: '待ち 花子', email: waiting, officeName: 'x', municipalityName: '野田市', participantRole: 'consultant', website: '' }, { headers: { 'x-forwarded-for': '198.51.100.9' } });
    expect(((await pub.json()) as { status: string }).status).toBe('waitlisted');
    const cancelled = await createEvent(10);
    expect((await member.post(`/api/events/${cancelled.id}/registration`)).status).toBe(201);
    expect((await coord.patch(`/api/events/${cancelled.id}`, { status: 'cancelled' })).status).toBe(200);

    const first = await eventReminderTickOnce({ db: t.db, hours: 24 });
    expect(first).not.toBe(false);
    const [mine] = await t.db.select().from(eventRegistration).where(and(eq(eventRegistration.eventId, soon.id), eq(eventRegistration.userId, user.id)));
    expect(first).toContain(mine!.id);
    expect(first as string[]).toHaveLength(1);
    const notes = await t.db.select().from(notification).where(and(eq(notification.userId, user.id), eq(notification.kind, 'event.reminder')));
    expect(notes).toHaveLength(1);
    expect(notes[0]!.link).toBe(`/events/${soon.id}`);
    const mails = await t.db.select().from(outboxEmail).where(and(eq(outboxEmail.to, user.email), like(outboxEmail.subject, '%まもなく開催%')));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain(mine!.checkInCode);
    expect(await t.db.select().from(outboxEmail).where(and(eq(outboxEmail.to, waiting), like(outboxEmail.subject, '%まもなく開催%')))).toHaveLength(0);

    // Idempotent: the next tick (or a second instance) reminds nobody again.
    expect(await eventReminderTickOnce({ db: t.db, hours: 24 })).toEqual([]);
    // Days later the other event comes within range.
    const later2 = await eventReminderTickOnce({ db: t.db, hours: 24, now: new Date(Date.now() + 24 * 4.5 * 3_600_000) });
    expect(later2 as string[]).toHaveLength(1);
    expect(await t.db.select().from(outboxEmail).where(and(eq(outboxEmail.to, user.email), like(outboxEmail.subject, '%まもなく開催%')))).toHaveLength(2);
  });
});

describe('materials in a configured directory', () => {
  const upload = (client: TestClient, eventId: string, name: string, bytes: Uint8Array) => {
    const form = new FormData();
    form.append('file', new File([bytes as Uint8Array<ArrayBuffer>], name));
    return client.request(`/api/events/${eventId}/materials`, { method: 'POST', body: form });
  };

  it('writes the file to the directory (not the database), serves it back and removes it on delete', async () => {
    const ev = await createEvent(24 * 30);
    const pdf = new TextEncoder().encode('%PDF-1.4\n%資料\n');
    const res = await upload(coord, ev.id, '../../etc/研修資料.pdf', pdf);
    expect(res.status).toBe(201);
    const m = (await res.json()) as { id: string; filename: string };
    expect(m.filename).toBe('研修資料.pdf');
    const [row] = await t.db.select().from(eventMaterial).where(eq(eventMaterial.id, m.id));
    expect(row!.storage).toBe('directory');
    expect(row!.content).toBeNull();
    expect(readdirSync(dir)).toContain(row!.storageKey);
    const dl = await coord.get(`/api/events/${ev.id}/materials/${m.id}`);
    expect(dl.status).toBe(200);
    expect(new Uint8Array(await dl.arrayBuffer())).toEqual(pdf);

    expect((await coord.delete(`/api/events/${ev.id}/materials/${m.id}`)).status).toBe(204);
    expect(readdirSync(dir)).not.toContain(row!.storageKey);
  });

  it('accepts a material larger than the body limit of other API calls (the material limit applies alone)', async () => {
    const small = await startTestApp({ BODY_LIMIT_BYTES: '2048', MATERIAL_MAX_BYTES: '8192' });
    try {
      const { client } = await small.signedIn(['coordinator']);
      const res = await client.post('/api/events', { kind: 'training', title: '資料の上限', startsAt: inHours(48), endsAt: inHours(50), venue: '会議室', capacity: 5, publicRegistration: false });
      const ev = (await res.json()) as { id: string };
      const ok = await upload(client, ev.id, 'handout.txt', new Uint8Array(6000).fill(0x41));
      expect(ok.status).toBe(201);
      // Above the material limit: refused, with the limit in the message.
      const big = await upload(client, ev.id, 'big.txt', new Uint8Array(100_000).fill(0x41));
      expect(big.status).toBe(413);
      // Other calls keep the small limit.
      const p = await client.post('/api/events', { kind: 'training', title: 'x'.repeat(3000), startsAt: inHours(48), endsAt: inHours(50), venue: '会議室', capacity: 5, publicRegistration: false });
      expect(p.status).toBe(413);
    } finally {
      await small.close();
    }
  });

  it('refuses oversized and wrong-type files before writing anything, and detects a file changed on disk', async () => {
    const ev = await createEvent(24 * 30);
    const before = readdirSync(dir).length;
    const big = await upload(coord, ev.id, 'big.txt', new Uint8Array(5000).fill(0x41));
    expect(big.status).toBe(413);
    expect(((await big.json()) as { detail: string }).detail).toContain('大きすぎます');
    const fake = await upload(coord, ev.id, 'fake.pdf', new TextEncoder().encode('<script>alert(1)</script>'));
    expect(fake.status).toBe(415);
    expect((await upload(coord, ev.id, 'tool.exe', new Uint8Array([0x4d, 0x5a, 0, 0]))).status).toBe(415);
    const { client: member } = await t.signedIn(['consultant']);
    expect((await upload(member, ev.id, 'a.txt', new TextEncoder().encode('hello'))).status).toBe(403);
    expect(readdirSync(dir).length).toBe(before);
    expect(await t.db.select().from(eventMaterial).where(eq(eventMaterial.eventId, ev.id))).toHaveLength(0);

    const ok = (await (await upload(coord, ev.id, 'メモ.txt', new TextEncoder().encode('配布資料'))).json()) as { id: string };
    const [row] = await t.db.select().from(eventMaterial).where(eq(eventMaterial.id, ok.id));
    writeFileSync(path.join(dir, row!.storageKey!), 'changed');
    expect((await coord.get(`/api/events/${ev.id}/materials/${ok.id}`)).status).toBe(500);
    rmSync(path.join(dir, row!.storageKey!));
    expect((await coord.get(`/api/events/${ev.id}/materials/${ok.id}`)).status).toBe(404);
  });

  it('removes the event’s files when the event is deleted', async () => {
    const ev = await createEvent(24 * 30);
    const m = (await (await upload(coord, ev.id, 'a.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]))).json()) as { id: string };
    const [row] = await t.db.select().from(eventMaterial).where(eq(eventMaterial.id, m.id));
    expect(readdirSync(dir)).toContain(row!.storageKey);
    expect((await coord.delete(`/api/events/${ev.id}`)).status).toBe(204);
    expect(readdirSync(dir)).not.toContain(row!.storageKey);
  });
});

// Runs after the reminder tests: its events start within the hour and would be reminded there.
describe('surveys sent automatically after the event', () => {
  const QUESTIONS = [{ type: 'single', text: '医療的ケアのある方の計画相談を受けられますか', options: ['受けられる', '支援があれば', 'わからない'] }];
  const invitedUsers = async (surveyId: string) => (await t.db.select({ userId: surveyInvitation.userId }).from(surveyInvitation).where(eq(surveyInvitation.surveyId, surveyId))).map((r) => r.userId);
  const inviteNotices = async (userId: string, surveyId: string) => t.db.select().from(notification).where(and(eq(notification.userId, userId), eq(notification.kind, 'survey.invited'), eq(notification.link, `/surveys/${surveyId}`)));
  async function openSurvey(eventId: string, extra: Record<string, unknown> = {}) {
    const res = await coord.post('/api/surveys', { title: '研修アンケート', eventId, questions: QUESTIONS, ...extra });
    expect(res.status).toBe(201);
    const s = (await res.json()) as { id: string; autoDistribute: boolean };
    expect((await coord.patch(`/api/surveys/${s.id}`, { status: 'open' })).status).toBe(200);
    return s;
  }
  const member = async () => {
    const m = await t.signedIn(['consultant']);
    return { ...m, reg: ((await (await m.client.post('/api/events/' + current + '/registration')).json()) as { myRegistration: { checkInCode: string } }).myRegistration };
  };
  let current = '';

  it('goes once to the checked-in participants after the end, not before, and never twice', async () => {
    const ev = await createEvent(1, { capacity: 10 });
    current = ev.id;
    const [present, absent] = [await member(), await member()];
    expect((await coord.post(`/api/events/${ev.id}/check-in`, { code: present.reg.checkInCode })).status).toBe(200);
    const s = await openSurvey(ev.id);
    expect(s.autoDistribute).toBe(true); // on by default for an event's survey
    const off = await openSurvey(ev.id, { autoDistribute: false, title: '手動で配るアンケート' });
    expect(off.autoDistribute).toBe(false);

    // During the event: nothing yet.
    const during = await eventTickOnce({ db: t.db, hours: 0, baseUrl: 'https://tsunagu.example.jp', now: new Date(Date.now() + 2 * 3_600_000) });
    expect(during && during.surveys).toEqual([]);
    expect(await invitedUsers(s.id)).toEqual([]);

    const after = new Date(Date.now() + 4 * 3_600_000);
    const first = await eventTickOnce({ db: t.db, hours: 0, baseUrl: 'https://tsunagu.example.jp', now: after });
    expect(first && first.surveys).toEqual([{ surveyId: s.id, audience: 'checked_in', created: 1, skipped: 0 }]);
    expect(await invitedUsers(s.id)).toEqual([present.user.id]);
    expect(await invitedUsers(off.id)).toEqual([]);
    expect(await inviteNotices(present.user.id, s.id)).toHaveLength(1);
    const mails = await t.db.select().from(outboxEmail).where(and(eq(outboxEmail.to, present.user.email), like(outboxEmail.subject, '%アンケートのお願い%')));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('https://tsunagu.example.jp/public/surveys/');
    expect(await inviteNotices(absent.user.id, s.id)).toHaveLength(0);
    const shown = (await (await coord.get(`/api/surveys/${s.id}`)).json()) as { autoDistributedAt: string | null; invitationCount: number };
    expect(shown.autoDistributedAt).toBe(after.toISOString());
    expect(shown.invitationCount).toBe(1);
    const audit = await t.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'survey.invite'), eq(auditEvent.entityId, s.id)));
    expect(audit.map((a) => a.actorLabel)).toEqual(['system:survey-auto-distribute']);

    // Later ticks (and a late check-in) send nothing more.
    expect((await coord.post(`/api/events/${ev.id}/check-in`, { code: absent.reg.checkInCode })).status).toBe(200);
    const again = await eventTickOnce({ db: t.db, hours: 0, baseUrl: 'https://tsunagu.example.jp', now: new Date(after.getTime() + 3_600_000) });
    expect(again && again.surveys).toEqual([]);
    expect(await inviteNotices(present.user.id, s.id)).toHaveLength(1);
    expect(await invitedUsers(s.id)).toEqual([present.user.id]);
  });

  it('goes to everyone registered when check-in was not used, skipping those invited by hand; waits for a draft to open', async () => {
    const ev = await createEvent(1, { capacity: 10 });
    current = ev.id;
    const [a, b] = [await member(), await member()];
    const s = await openSurvey(ev.id);
    // The organiser already sent it to the registrants by hand.
    const manual = (await (await coord.post(`/api/surveys/${s.id}/invitations`, { audience: 'registered' })).json()) as { created: number };
    expect(manual.created).toBe(2);
    const c = await member(); // registered after the manual distribution
    const draft = await coord.post('/api/surveys', { title: 'まだ下書き', eventId: ev.id, questions: QUESTIONS });
    const draftId = ((await draft.json()) as { id: string }).id;

    const after = new Date(Date.now() + 4 * 3_600_000);
    const first = await eventTickOnce({ db: t.db, hours: 0, baseUrl: 'https://tsunagu.example.jp', now: after });
    expect(first && first.surveys).toEqual([{ surveyId: s.id, audience: 'registered', created: 1, skipped: 2 }]);
    for (const m of [a, b, c]) expect(await inviteNotices(m.user.id, s.id)).toHaveLength(1);
    expect(await invitedUsers(draftId)).toEqual([]);

    // Opened after the event: the next tick sends it.
    expect((await coord.patch(`/api/surveys/${draftId}`, { status: 'open' })).status).toBe(200);
    const next = await eventTickOnce({ db: t.db, hours: 0, baseUrl: 'https://tsunagu.example.jp', now: new Date(after.getTime() + 600_000) });
    expect(next && next.surveys.map((x) => [x.surveyId, x.created])).toEqual([[draftId, 3]]);
  });

  it('refuses a non-boolean setting with the field named, and stores nothing', async () => {
    const ev = await createEvent(1, { capacity: 10 });
    const res = await coord.post('/api/surveys', { title: '不正な設定', eventId: ev.id, autoDistribute: 'yes', questions: QUESTIONS });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('終了後に自動で配布する');
    const list = (await (await coord.get(`/api/surveys?eventId=${ev.id}`)).json()) as { items: unknown[] };
    expect(list.items).toHaveLength(0);
  });
});
