// Shared steps for the end-to-end journeys: signing in through the UI, waiting for the router,
// TOTP codes, and server-side fixtures (accounts created and sessions aged directly in the
// database of the running server, so each test makes what it needs without depending on another).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { generate } from 'otplib';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Role } from '../src/shared/contracts/auth.js';
import { session, user } from '../src/server/db/schema/index.js';
import { createUser } from '../src/server/features/admin/users.js';
import { DEMO_PASSWORD, startE2E, type E2E } from './support';

export const DEMO_DOMAIN = 'demo.tsunagu.example';
export const ADMIN = `admin@${DEMO_DOMAIN}`;
export const CONSULTANT = `consult.suzuki@${DEMO_DOMAIN}`;
/** A demo account's address from its local part, e.g. demoEmail('coord.sato'). */
export const demoEmail = (local: string) => `${local}@${DEMO_DOMAIN}`;

/** Limits relaxed so a file's many sign-ins from 127.0.0.1 never hit the per-IP rate limit. */
export const E2E_ENV = { AUTH_IP_MAX_SIGNIN_PER_MINUTE: '200', AUTH_IP_MAX_2FA_PER_MINUTE: '200' };

/**
 * One server and browser for the whole test file: started before its first test, closed after
 * its last. The returned object reads through to them, so tests use it as the E2E itself.
 */
export function e2eForFile(env: Record<string, string> = E2E_ENV): E2E {
  let current: E2E | undefined;
  beforeAll(async () => {
    current = await startE2E(env);
  });
  afterAll(async () => {
    await current?.close();
  });
  const started = () => {
    if (!current) throw new Error('e2eForFile: the server is not started yet (use it inside a test)');
    return current;
  };
  return {
    get url() {
      return started().url;
    },
    get running() {
      return started().running;
    },
    get browser() {
      return started().browser;
    },
    newPage: (viewport) => started().newPage(viewport),
    close: () => started().close(),
  };
}

/**
 * A fresh browser context and page (Japanese, Tokyo time) whose waits give up after 20 s, so a
 * broken step fails with its own message well before the test's timeout.
 */
export async function openPage(e2e: E2E, viewport?: { width: number; height: number }) {
  const opened = await e2e.newPage(viewport);
  opened.context.setDefaultTimeout(20_000);
  return opened;
}

/** Resolves once the SPA's URL has the given pathname (client-side navigations included). */
export function waitForPath(page: Page, pathname: string) {
  return page.waitForURL((u) => u.pathname === pathname);
}

/** Waits until the locator is visible (playwright-core has no auto-retrying expect). */
export async function visible(locator: Locator) {
  await locator.first().waitFor({ state: 'visible' });
  return locator;
}

/** Waits until the locator is gone or hidden. */
export async function gone(locator: Locator) {
  await locator.first().waitFor({ state: 'hidden' });
}

/** The page's single h1 once it says `name` (exact). */
export async function heading(page: Page, name: string | RegExp) {
  return visible(page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' ? true : undefined }));
}

/** Fills the sign-in form's first step and submits it. */
export async function submitCredentials(page: Page, email: string, password: string) {
  await page.getByLabel('メールアドレス', { exact: true }).fill(email);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/sign-in/email'));
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  return answered;
}

/**
 * Signs in through the sign-in page and waits for the app to land on `landing`: the page asked
 * for with `redirect`, else the home page (unless the two-factor enrolment intervenes).
 */
export async function signIn(page: Page, email: string, { password = DEMO_PASSWORD, redirect, landing = redirect ?? '/' }: { password?: string; redirect?: string; landing?: string } = {}) {
  await page.goto(redirect ? `/sign-in?redirect=${encodeURIComponent(redirect)}` : '/sign-in');
  const response = await submitCredentials(page, email, password);
  expect(response.status()).toBe(200);
  await waitForPath(page, landing);
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/**
 * Signs a demo account in by its local part (e.g. 'coord.sato') and waits until the app has left
 * the sign-in page, wherever it lands.
 */
export async function signInDemo(page: Page, local: string) {
  await page.goto('/sign-in');
  await page.getByLabel('メールアドレス').fill(demoEmail(local));
  await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
}

/** Fetches a PDF inside the signed-in browser and returns the text pdftotext finds in it. */
export async function pdfTextOf(page: Page, href: string): Promise<string> {
  const fetched = await page.evaluate(async (url) => {
    const res = await fetch(url, { credentials: 'same-origin' });
    const bytes = new Uint8Array(await res.arrayBuffer());
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    return { status: res.status, type: res.headers.get('content-type'), base64: btoa(binary) };
  }, href);
  expect(fetched.status).toBe(200);
  expect(fetched.type).toBe('application/pdf');
  const file = join(mkdtempSync(join(tmpdir(), 'tsunagu-e2e-pdf-')), 'out.pdf');
  writeFileSync(file, Buffer.from(fetched.base64, 'base64'));
  return execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** The TOTP code for the current 30 s step, or for `stepsAhead` steps later. */
export function totp(secret: string, stepsAhead = 0) {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 * stepsAhead });
}

/** A six-digit code that is none of the codes the server could accept right now. */
export async function wrongTotp(secret: string) {
  const valid = new Set(await Promise.all([-2, -1, 0, 1, 2].map((s) => totp(secret, s))));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}

let seq = 0;
/** A fresh, unique e-mail address on a fictitious domain. */
export function uniqueEmail(prefix: string) {
  seq += 1;
  return `${prefix}.${Date.now().toString(36)}${seq}@e2e.tsunagu.example`;
}

/** Password that passes the password policy (length + strength) and names no account. */
export const NEW_PASSWORD = 'Hoshizora-Kawabe-4817';

/** Creates a non-demo account directly through the server's service (a fixture, not a journey). */
export async function createAccount(e2e: E2E, opts: { name: string; roles: Role[]; email?: string; password?: string }) {
  const email = opts.email ?? uniqueEmail('fixture');
  const created = await createUser({
    db: e2e.running.deps.db,
    audit: { label: 'e2e-fixture' },
    input: { email, name: opts.name, password: opts.password ?? NEW_PASSWORD, roles: opts.roles },
  });
  return { id: created.id, email, password: opts.password ?? NEW_PASSWORD, name: opts.name };
}

export async function userIdOf(e2e: E2E, email: string) {
  const [u] = await e2e.running.deps.db.select({ id: user.id }).from(user).where(eq(user.email, email));
  if (!u) throw new Error(`no account ${email}`);
  return u.id;
}

/** Rewrites every session row of the account (server-side, as time passing would). */
export async function ageSessions(e2e: E2E, email: string, change: { createdAt?: Date; expiresAt?: Date }) {
  const userId = await userIdOf(e2e, email);
  const rows = await e2e.running.deps.db.update(session).set(change).where(eq(session.userId, userId)).returning({ id: session.id });
  expect(rows.length).toBeGreaterThan(0);
}

export async function sessionCount(e2e: E2E, email: string) {
  const userId = await userIdOf(e2e, email);
  return (await e2e.running.deps.db.select({ id: session.id }).from(session).where(eq(session.userId, userId))).length;
}

/**
 * Goes through /account/2fa: password → QR and secret → code → recovery codes → 完了.
 * Calls `scan` at each step (for axe). Returns the secret and the recovery codes.
 */
export async function enrolTotp(page: Page, password: string, scan: (step: string) => Promise<void> = async () => {}) {
  await heading(page, '二要素認証の設定');
  await scan('2fa: password step');
  await page.getByLabel('現在のパスワード', { exact: true }).fill(password);
  await page.getByRole('button', { name: '設定を始める', exact: true }).click();

  await visible(page.getByRole('img', { name: '認証アプリに登録するための QR コード' }));
  const secret = await page.getByLabel('シークレットキー', { exact: true }).inputValue();
  expect(secret).toMatch(/^[A-Z2-7]{16,}=*$/);
  expect(await page.getByLabel('シークレットキー', { exact: true }).getAttribute('readonly')).not.toBeNull();
  await scan('2fa: QR step');
  await page.getByLabel('確認コード（6桁）', { exact: true }).fill(await totp(secret));
  await page.getByRole('button', { name: '確認して有効にする', exact: true }).click();

  const codesList = await visible(page.getByRole('list', { name: 'リカバリーコード' }));
  const codes = await codesList.getByRole('listitem').allInnerTexts();
  expect(codes).toHaveLength(10);
  await scan('2fa: recovery codes step');
  const finish = page.getByRole('button', { name: '完了', exact: true });
  expect(await finish.isDisabled()).toBe(true);
  await page.getByRole('checkbox', { name: 'リカバリーコードを保管しました' }).check();
  await finish.click();
  return { secret, codes: codes.map((c) => c.trim()) };
}

/** Signs out through the header button and waits for the sign-in page. */
export async function signOut(page: Page) {
  await page.getByRole('banner').getByRole('button', { name: 'ログアウト', exact: true }).click();
  await waitForPath(page, '/sign-in');
  await visible(page.getByText('ログアウトしました。', { exact: true }));
}
