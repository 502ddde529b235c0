import ICAL from 'ical.js';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventRegistration, outboxEmail } from '../../db/schema/index.js';
import { startTestApp, type TestApp, type TestClient } from '../../test/harness.js';

let t: TestApp;
let coord: TestClient;
let ipSeq = 0;
/** Each test speaks from its own address, so the per-IP limiter never couples tests. */
const fromIp = () => ({ 'x-forwarded-for': `198.51.100.${++ipSeq}` });

beforeAll(async () => {
  t = await startTestApp({ AUTH_IP_MAX_SIGNIN_PER_MINUTE: '1000', TRUST_PROXY: '1', PUBLIC_FORM_MAX_PER_10_MINUTES: '5', MATERIAL_MAX_BYTES: '4096' });
  coord = (await t.signedIn(['coordinator'])).client;
});
afterAll(async () => t?.close());

const future = (days: number, hour = 14) => new Date(Date.now() + days * 86_400_000 + hour * 3_600_000).toISOString();

async function createEvent(extra: Record<string, unknown> = {}) {
  const res = await coord.post('/api/events', {
    kind: 'training',
    title: '医療的ケア児者支援研修会',
    startsAt: future(10),
    endsAt: future(10, 16),
    venue: 'ふれあい22 3F 研修室',
    targetAudience: '東葛地区の相談支援専門員',
    staff: [{ role: 'lecturer', name: '講師 花子', affiliation: '訪問看護' }],
    programme: [{ kind: 'lecture', title: '医療的ケアって何でしょう？' }, { kind: 'group_work', title: 'アセスメントをとってみよう' }],
    capacity: 2,
    publicRegistration: true,
    ...extra,
  });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { id: string; publicUrl: string };
  return { ...body, token: body.publicUrl.split('/').pop()! };
}

const publicForm = (over: Record<string, unknown> = {}) => ({
  name: '近隣 太郎',
  email: `p-${Math.random().toString(36).slice(2)}@example.jp`,
  officeName: '相談支援センター（他市）',
  municipalityName: '野田市',
  participantRole: 'consultant',
  ...over,
});

describe('events and registration', () => {
  it('lets only coordinators and admins create events', async () => {
    const { client } = await t.signedIn(['consultant']);
    const res = await client.post('/api/events', { kind: 'training', title: 'x', startsAt: future(1), endsAt: future(1, 16) });
    expect(res.status).toBe(403);
  });

  it('seats members and public registrants up to capacity, waitlists the rest and promotes on cancellation', async () => {
    const ev = await createEvent();
    const { client: member } = await t.signedIn(['consultant']);
    const r1 = await member.post(`/api/events/${ev.id}/registration`);
    expect(r1.status).toBe(201);
    expect(((await r1.json()) as { myRegistration: { status: string } }).myRegistration.status).toBe('registered');

    const pub = t.client();
    const r2 = await pub.post(`/api/public/events/${ev.token}/registrations`, publicForm(), { headers: fromIp() });
    expect(r2.status).toBe(201);
    expect(await r2.json()).toMatchObject({ status: 'registered' });

    const late = publicForm({ name: '遅れて 申込' });
    const r3 = await pub.post(`/api/public/events/${ev.token}/registrations`, late, { headers: fromIp() });
    expect(await r3.json()).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    // The event's own counts (list and detail) agree with the registrations.
    const detail = (await (await coord.get(`/api/events/${ev.id}`)).json()) as { counts: Record<string, number | null> };
    expect(detail.counts).toMatchObject({ registered: 2, waitlisted: 1, seatsLeft: 0 });

    // The member cancels: the first on the waiting list is seated and told by e-mail.
    expect((await member.delete(`/api/events/${ev.id}/registration`)).status).toBe(204);
    const list = (await (await coord.get(`/api/events/${ev.id}/registrations`)).json()) as { items: { name: string; status: string }[] };
    expect(list.items.find((i) => i.name === '遅れて 申込')!.status).toBe('registered');
    const mails = await t.db.select().from(outboxEmail).where(eq(outboxEmail.to, late.email as string));
    expect(mails.map((m) => m.subject).join()).toContain('参加確定');
  });

  it('detects a duplicate registration by normalised e-mail', async () => {
    const ev = await createEvent({ capacity: null });
    const email = `dup-${Date.now()}@example.jp`;
    const pub = t.client();
    expect((await pub.post(`/api/public/events/${ev.token}/registrations`, publicForm({ email }), { headers: fromIp() })).status).toBe(201);
    const again = await pub.post(`/api/public/events/${ev.token}/registrations`, publicForm({ email: email.toUpperCase() }), { headers: fromIp() });
    expect(again.status).toBe(409);
  });

  it('rate-limits public submissions per address', async () => {
    const ev = await createEvent({ capacity: null });
    const headers = fromIp();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await t.client().post(`/api/public/events/${ev.token}/registrations`, publicForm(), { headers })).status);
    expect(statuses.slice(0, 5)).toEqual([201, 201, 201, 201, 201]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it('stores nothing when the honeypot is filled, refuses oversized bodies and unknown links', async () => {
    const ev = await createEvent({ capacity: null });
    const bot = await t.client().post(`/api/public/events/${ev.token}/registrations`, publicForm({ website: 'http://spam.example' }), { headers: fromIp() });
    expect(bot.status).toBe(201);
    const rows = await t.db.select().from(eventRegistration).where(eq(eventRegistration.eventId, ev.id));
    expect(rows).toHaveLength(0);
    const big = await t.client().post(`/api/public/events/${ev.token}/registrations`, publicForm({ officeName: 'あ'.repeat(40_000) }), { headers: fromIp() });
    expect(big.status).toBe(413);
    expect((await t.client().get('/api/public/events/not-a-real-token-123')).status).toBe(404);
    // A closed event takes no more registrations.
    await coord.patch(`/api/events/${ev.id}`, { registrationOpen: false });
    expect((await t.client().post(`/api/public/events/${ev.token}/registrations`, publicForm(), { headers: fromIp() })).status).toBe(409);
  });

  it('keeps HTML in names as text', async () => {
    const ev = await createEvent({ capacity: null });
    const name = '<script>alert("x")</script>';
    const res = await t.client().post(`/api/public/events/${ev.token}/registrations`, publicForm({ name }), { headers: fromIp() });
    expect(res.status).toBe(201);
    const list = await coord.get(`/api/events/${ev.id}/registrations`);
    expect(list.headers.get('content-type')).toContain('application/json');
    expect(((await list.json()) as { items: { name: string }[] }).items[0]!.name).toBe(name);
  });

  it('cancels through the e-mailed link once', async () => {
    const ev = await createEvent({ capacity: null });
    const form = publicForm();
    await t.client().post(`/api/public/events/${ev.token}/registrations`, form, { headers: fromIp() });
    const [mail] = await t.db.select().from(outboxEmail).where(eq(outboxEmail.to, form.email as string));
    const token = mail!.text.match(/token=([A-Za-z0-9_-]+)/)![1]!;
    expect((await t.client().post('/api/public/registrations/cancel', { token }, { headers: fromIp() })).status).toBe(200);
    expect((await t.client().post('/api/public/registrations/cancel', { token }, { headers: fromIp() })).status).toBe(404);
  });

  it('checks people in by QR code and counts participants by city and role', async () => {
    const ev = await createEvent({ capacity: 10 });
    const { client: member } = await t.signedIn(['consultant'], { municipalityCode: '12217' });
    const mine = (await (await member.post(`/api/events/${ev.id}/registration`)).json()) as { myRegistration: { id: string; checkInCode: string } };
    await t.client().post(`/api/public/events/${ev.token}/registrations`, publicForm({ municipalityName: '千葉市', participantRole: 'nurse' }), { headers: fromIp() });
    await coord.post(`/api/events/${ev.id}/registrations`, { name: '講師 花子', participantRole: 'nurse', isStaff: true, municipalityName: '松戸市' });

    const qr = await member.get(`/api/events/${ev.id}/registrations/${mine.myRegistration.id}/qr.svg`);
    expect(qr.headers.get('content-type')).toContain('image/svg+xml');
    const checked = await coord.post(`/api/events/${ev.id}/check-in`, { code: mine.myRegistration.checkInCode.toLowerCase() });
    expect(checked.status).toBe(200);
    expect(((await checked.json()) as { checkedInAt: string | null }).checkedInAt).not.toBeNull();

    const stats = (await (await coord.get(`/api/events/${ev.id}/stats`)).json()) as {
      participants: number;
      staff: number;
      checkedIn: number;
      byMunicipality: { municipalityName: string; registered: number; checkedIn: number }[];
      byRole: { role: string; registered: number }[];
    };
    expect(stats.participants).toBe(3);
    expect(stats.staff).toBe(1);
    expect(stats.checkedIn).toBe(1);
    expect(stats.byMunicipality).toEqual([
      { municipalityName: '松戸市', registered: 1, checkedIn: 0 },
      { municipalityName: '柏市', registered: 1, checkedIn: 1 },
      { municipalityName: '千葉市', registered: 1, checkedIn: 0 },
    ]);
    expect(stats.byRole.find((r) => r.role === 'nurse')!.registered).toBe(2);
  });

  it('assigns groups mixing cities', async () => {
    const ev = await createEvent({ capacity: null });
    for (const city of ['松戸市', '松戸市', '柏市', '柏市', '流山市', '野田市']) await t.client().post(`/api/public/events/${ev.token}/registrations`, publicForm({ municipalityName: city }), { headers: fromIp() });
    await coord.put(`/api/events/${ev.id}/groups`, { groups: [{ name: 'A', facilitatorName: 'FT 一郎' }, { name: 'B' }] });
    const res = await coord.post(`/api/events/${ev.id}/groups/assign`, { mode: 'balanced' });
    const groups = ((await res.json()) as { items: { name: string; members: { municipalityName: string }[] }[] }).items;
    expect(groups.map((g) => g.members.length)).toEqual([3, 3]);
    for (const g of groups) expect(new Set(g.members.map((m) => m.municipalityName)).size).toBeGreaterThan(1);
  });

  it('serves an iCalendar file per event and a personal feed that parse', async () => {
    const ev = await createEvent({ capacity: null });
    const one = await coord.get(`/api/events/${ev.id}/event.ics`);
    expect(one.headers.get('content-type')).toContain('text/calendar');
    const parsed = new ICAL.Component(ICAL.parse(await one.text()));
    expect(new ICAL.Event(parsed.getFirstSubcomponent('vevent')!).summary).toBe('医療的ケア児者支援研修会');

    const { client: member } = await t.signedIn(['consultant']);
    await member.post(`/api/events/${ev.id}/registration`);
    const { url } = (await (await member.post('/api/me/calendar-feed')).json()) as { url: string };
    const feed = await t.client().get(new URL(url).pathname);
    expect(feed.status).toBe(200);
    const events = new ICAL.Component(ICAL.parse(await feed.text())).getAllSubcomponents('vevent');
    expect(events).toHaveLength(1);
    await member.post('/api/me/calendar-feed'); // rotating the URL revokes the old one
    expect((await t.client().get(new URL(url).pathname)).status).toBe(404);
  });
});

describe('materials', () => {
  const upload = (client: TestClient, eventId: string, name: string, bytes: Uint8Array, type = 'application/octet-stream') => {
    const form = new FormData();
    form.append('file', new File([bytes as Uint8Array<ArrayBuffer>], name, { type }));
    return client.request(`/api/events/${eventId}/materials`, { method: 'POST', body: form });
  };

  it('stores an allowed file and serves it back with a Japanese file name', async () => {
    const ev = await createEvent();
    const pdf = new TextEncoder().encode('%PDF-1.4\n%test\n');
    const res = await upload(coord, ev.id, '研修資料 第1回.pdf', pdf, 'application/pdf');
    expect(res.status).toBe(201);
    const m = (await res.json()) as { id: string; mimeType: string; size: number };
    expect(m.mimeType).toBe('application/pdf');
    const dl = await coord.get(`/api/events/${ev.id}/materials/${m.id}`);
    expect(dl.headers.get('content-type')).toBe('application/pdf');
    expect(dl.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('研修資料 第1回.pdf')}`);
    expect(new Uint8Array(await dl.arrayBuffer())).toEqual(pdf);
  });

  it('refuses oversized files and files of the wrong type', async () => {
    const ev = await createEvent();
    const big = new Uint8Array(5000).fill(0x41);
    expect((await upload(coord, ev.id, 'big.txt', big)).status).toBe(413);
    expect((await upload(coord, ev.id, 'tool.exe', new Uint8Array([0x4d, 0x5a, 0, 0]))).status).toBe(415);
    // A script renamed to .pdf: the first bytes do not say PDF.
    expect((await upload(coord, ev.id, 'fake.pdf', new TextEncoder().encode('<script>alert(1)</script>'))).status).toBe(415);
    const { client: member } = await t.signedIn(['consultant']);
    expect((await upload(member, ev.id, 'a.txt', new TextEncoder().encode('hello'))).status).toBe(403);
  });
});
