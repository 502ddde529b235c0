// The outbox over real SMTP: an `smtp-server` on loopback receives what the mailer sends.
// The app's own mailer runs every second (boot wiring); the direct `deliverOutboxOnce` tests use
// rows due far in the future and pass that `now`, so the background mailer never touches them.
import { eq } from 'drizzle-orm';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxEmail } from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { createSmtpTransport, deliverOutboxOnce } from './mailer.js';

interface Received {
  from: string;
  to: string[];
  raw: string;
  user?: string;
}

let t: TestApp;
let smtp: SMTPServer;
let port = 0;
const received: Received[] = [];
const flakySeen = new Set<string>();

/** Recipient local parts drive the server: bounce-… → 550, flaky-… → 451 once, down-… → always 451. */
function rcpt(address: SMTPServerAddress, cb: (err?: Error | null) => void) {
  const local = address.address.split('@')[0]!;
  const fail = (code: number, msg: string) => cb(Object.assign(new Error(msg), { responseCode: code }));
  if (local.startsWith('bounce-')) return fail(550, 'No such user');
  if (local.startsWith('down-')) return fail(451, 'Try again later');
  if (local.startsWith('flaky-') && !flakySeen.has(local)) {
    flakySeen.add(local);
    return fail(451, 'Greylisted');
  }
  cb();
}

/** Body of a single-part message, decoded (quoted-printable or base64) as UTF-8. */
function bodyOf(raw: string): string {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
    const soft = body.replace(/=\r?\n/g, '');
    const bytes: number[] = [];
    for (let i = 0; i < soft.length; i++) {
      if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
        bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
        i += 2;
      } else bytes.push(...Buffer.from(soft[i]!, 'utf8'));
    }
    return Buffer.from(bytes).toString('utf8');
  }
  return body;
}

const to = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}@example.jp`;
const forAddress = (addr: string) => received.filter((m) => m.to.includes(addr));

async function waitFor<T>(fn: () => T | undefined, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === 'mailer' && auth.password === 's3cret') return cb(null, { user: auth.username });
      cb(new Error('Invalid username or password'));
    },
    onRcptTo: (address, _session, cb) => rcpt(address, cb),
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          user: session.user as string | undefined,
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  port = (smtp.server.address() as { port: number }).port;
  t = await startTestApp({
    SMTP_URL: `smtp://mailer:s3cret@127.0.0.1:${port}`,
    SMTP_FROM: 'つなぐ <noreply@tsunagu.example.jp>',
    MAIL_SWEEP_SECONDS: '1',
    TRUST_PROXY: '1',
  });
});
afterAll(async () => {
  await t?.close();
  await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
});

const FAR = new Date('2100-01-01T00:00:00Z');
const transport = () => createSmtpTransport({ url: `smtp://mailer:s3cret@127.0.0.1:${port}`, host: undefined, port: 587, secure: false, user: undefined, pass: undefined, from: 'つなぐ <noreply@tsunagu.example.jp>' });
async function queueFar(address: string, at = FAR) {
  const id = newId();
  await t.db.insert(outboxEmail).values({ id, to: address, subject: '【つなぐ】テスト', text: 'テスト本文です。', nextAttemptAt: at });
  return id;
}
const rowOf = async (id: string) => (await t.db.select().from(outboxEmail).where(eq(outboxEmail.id, id)))[0]!;

describe('mailer (real SMTP)', () => {
  it('sends a public registration confirmation through the configured server, without the registrant’s name', async () => {
    const coord = (await t.signedIn(['coordinator'])).client;
    const start = new Date(Date.now() + 20 * 86_400_000).toISOString();
    const ev = (await (await coord.post('/api/events', { kind: 'training', title: '研修会（メール送信テスト）', startsAt: start, endsAt: start, venue: 'ふれあい22', publicRegistration: true })).json()) as { publicUrl: string };
    const email = to('reg');
    const res = await t.client().post(
      `/api/public/events/${ev.publicUrl.split('/').pop()}/registrations`,
      { name: '送信 テスト太郎', email, officeName: '相談支援センター', municipalityName: '野田市', participantRole: 'consultant', website: '' },
      { headers: { 'x-forwarded-for': '198.51.100.77' } },
    );
    expect(res.status).toBe(201);
    const mail = await waitFor(() => forAddress(email)[0]);
    expect(mail.user).toBe('mailer');
    expect(mail.from).toBe('noreply@tsunagu.example.jp');
    const [row] = await t.db.select().from(outboxEmail).where(eq(outboxEmail.to, email));
    expect(mail.raw).toContain(`Message-ID: <${row!.id}@tsunagu.example.jp>`);
    const body = bodyOf(mail.raw);
    expect(body).toContain('受付コード');
    expect(body).toContain('研修会（メール送信テスト）');
    expect(body).not.toContain('テスト太郎');
    expect(mail.raw).not.toContain('テスト太郎');
    // Marked sent right after the server accepted it.
    for (let i = 0; i < 50 && (await rowOf(row!.id)).status !== 'sent'; i++) await new Promise((r) => setTimeout(r, 100));
    expect((await rowOf(row!.id)).status).toBe('sent');
  });

  it('sends each message once: a second run finds nothing to do', async () => {
    const a = to('once');
    const id = await queueFar(a);
    const first = await deliverOutboxOnce({ db: t.db, transport: transport(), from: 'noreply@tsunagu.example.jp', maxAttempts: 3, now: FAR });
    expect(first.sent).toContain(id);
    const second = await deliverOutboxOnce({ db: t.db, transport: transport(), from: 'noreply@tsunagu.example.jp', maxAttempts: 3, now: FAR });
    expect(second.sent).not.toContain(id);
    expect(forAddress(a)).toHaveLength(1);
    const row = await rowOf(id);
    expect(row.status).toBe('sent');
    expect(row.sentAt).not.toBeNull();
    expect(row.attempts).toBe(1);
  });

  it('retries a temporary failure later (backoff) and then delivers', async () => {
    const a = to('flaky');
    const id = await queueFar(a);
    const r1 = await deliverOutboxOnce({ db: t.db, transport: transport(), from: 'noreply@tsunagu.example.jp', maxAttempts: 5, now: FAR });
    expect(r1.retried).toContain(id);
    let row = await rowOf(id);
    expect(row.status).toBe('queued');
    expect(row.attempts).toBe(1);
    expect(row.lastError).toContain('451');
    expect(row.nextAttemptAt.getTime()).toBe(FAR.getTime() + 60_000);
    // Not yet due: nothing happens.
    const early = await deliverOutboxOnce({ db: t.db, transport: transport(), from: 'noreply@tsunagu.example.jp', maxAttempts: 5, now: new Date(FAR.getTime() + 30_000) });
    expect([...early.sent, ...early.retried]).not.toContain(id);
    const r2 = await deliverOutboxOnce({ db: t.db, transport: transport(), from: 'noreply@tsunagu.example.jp', maxAttempts: 5, now: new Date(FAR.getTime() + 61_000) });
    expect(r2.sent).toContain(id);
    row = await rowOf(id);
    expect(row.status).toBe('sent');
    expect(row.attempts).toBe(2);
    expect(row.lastError).toBeNull();
    expect(forAddress(a)).toHaveLength(1);
  });

  it('gives up on a permanent rejection (5xx) at once, and after the last attempt on temporary ones', async () => {
    const bounce = await queueFar(to('bounce'));
    const down = await queueFar(to('down'));
    const r = await deliverOutboxOnce({ db: t.db, transport: transport(), from: 'noreply@tsunagu.example.jp', maxAttempts: 2, now: FAR });
    expect(r.failed).toContain(bounce);
    expect(r.retried).toContain(down);
    expect((await rowOf(bounce)).status).toBe('failed');
    const r2 = await deliverOutboxOnce({ db: t.db, transport: transport(), from: 'noreply@tsunagu.example.jp', maxAttempts: 2, now: new Date(FAR.getTime() + 3_600_000) });
    expect(r2.failed).toContain(down);
    const row = await rowOf(down);
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(2);
  });

  it('claims again a message whose sender died mid-send (lease ran out), and retries when the server is unreachable', async () => {
    const a = to('lease');
    const id = await queueFar(a);
    await t.db.update(outboxEmail).set({ status: 'sending', attempts: 1, lockedUntil: new Date(FAR.getTime() - 1000) }).where(eq(outboxEmail.id, id));
    const r = await deliverOutboxOnce({ db: t.db, transport: transport(), from: 'noreply@tsunagu.example.jp', maxAttempts: 5, now: FAR });
    expect(r.sent).toContain(id);
    expect(forAddress(a)).toHaveLength(1);

    const b = await queueFar(to('nohost'), new Date(FAR.getTime() + 86_400_000));
    const dead = createSmtpTransport({ url: 'smtp://127.0.0.1:1', host: undefined, port: 587, secure: false, user: undefined, pass: undefined, from: 'x@y.jp' });
    const r2 = await deliverOutboxOnce({ db: t.db, transport: dead, from: 'noreply@tsunagu.example.jp', maxAttempts: 5, now: new Date(FAR.getTime() + 86_400_000) });
    expect(r2.retried).toContain(b);
    expect((await rowOf(b)).status).toBe('queued');
  });

  it('shows the delivery state to admins in the outbox', async () => {
    const { client } = await t.signedIn(['admin']);
    const res = await client.get('/api/admin/outbox');
    expect(res.status).toBe(200);
    const items = ((await res.json()) as { items: { status: string; attempts: number }[] }).items;
    expect(items.some((i) => i.status === 'sent' && i.attempts >= 1)).toBe(true);
    expect(items.some((i) => i.status === 'failed')).toBe(true);
  });
});
