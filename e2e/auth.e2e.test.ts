// Signing in, in Chromium against the real server: a wrong password, an account that must
// enrol two-factor and then signs in with a TOTP code, signing out, and sessions that end on the
// server (idle timeout and the 12-hour absolute limit) sending the browser back to sign-in.
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './support';
import {
  ADMIN,
  e2eForFile,
  CONSULTANT,
  DEMO_DOMAIN,
  ageSessions,
  createAccount,
  enrolTotp,
  gone,
  heading,
  openPage,
  sessionCount,
  signIn,
  signOut,
  submitCredentials,
  totp,
  visible,
  waitForPath,
  wrongTotp,
} from './helpers';

const e2e = e2eForFile();

/** Counts the page's /api requests in flight (those `include` selects), from now on. */
function trackApi(page: Page, include: (path: string) => boolean = () => true) {
  const inFlight = new Set<Request>();
  const isApi = (r: Request) => {
    const path = new URL(r.url()).pathname;
    return path.startsWith('/api/') && include(path);
  };
  page.on('request', (r) => isApi(r) && inFlight.add(r));
  page.on('requestfinished', (r) => inFlight.delete(r));
  page.on('requestfailed', (r) => inFlight.delete(r));
  return {
    /** Resolves once no /api request has been in flight for `ms` (the server has answered all). */
    async quiet(ms = 500) {
      let since = Date.now();
      for (const end = Date.now() + 20_000; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
        if (inFlight.size > 0) since = Date.now();
        else if (Date.now() - since >= ms) return;
      }
      throw new Error(`API requests still in flight: ${[...inFlight].map((r) => r.url()).join(', ')}`);
    },
  };
}

describe('sign-in', () => {
  it('a wrong password shows one generic Japanese error, stays on /sign-in and creates no session', async () => {
    const official = `official.kashiwa@${DEMO_DOMAIN}`;
    const { context, page } = await openPage(e2e);
    try {
      await page.goto('/sign-in');
      await heading(page, 'ログイン');

      const response = await submitCredentials(page, official, 'not-the-password');
      expect(response.status()).toBe(401);
      const summary = await visible(page.getByRole('alert').filter({ hasText: '入力内容を確認してください' }));
      expect(await summary.innerText()).toContain('メールアドレスまたはパスワードが正しくありません。');
      expect(new URL(page.url()).pathname).toBe('/sign-in');

      // An address with no account gets the very same answer (nothing to learn by probing).
      const unknown = await submitCredentials(page, 'nobody@e2e.tsunagu.example', 'not-the-password');
      expect(unknown.status()).toBe(401);
      await visible(summary.getByText('メールアドレスまたはパスワードが正しくありません。', { exact: true }));

      expect((await page.request.get('/api/me')).status()).toBe(401);
      expect(await sessionCount(e2e, official)).toBe(0);
      // The app is still closed: opening a page leads back to sign-in.
      await page.goto('/admin/users');
      await waitForPath(page, '/sign-in');
      expect(new URL(page.url()).searchParams.get('redirect')).toBe('/admin/users');
    } finally {
      await context.close();
    }
  });

  it('a new consultant must enrol two-factor, then signs in with password and a TOTP code', async () => {
    const account = await createAccount(e2e, { name: '二要素 試験', roles: ['consultant'] });
    const { context, page } = await openPage(e2e);
    try {
      // First sign-in: the account is held at /account/2fa, whatever page it asks for.
      await signIn(page, account.email, { password: account.password, landing: '/account/2fa' });
      expect(await page.getByRole('navigation', { name: 'メインメニュー' }).count()).toBe(0);
      await page.goto('/admin/users');
      await waitForPath(page, '/account/2fa');
      await page.goto('/people');
      await waitForPath(page, '/account/2fa');
      // The API agrees: nothing but the account's own settings until enrolled.
      const blocked = await page.request.get('/api/region/municipalities');
      expect(blocked.status()).toBe(403);

      const { secret } = await enrolTotp(page, account.password);
      await waitForPath(page, '/');
      await heading(page, `ようこそ、${account.name} さん`);
      await visible(page.getByRole('navigation', { name: 'メインメニュー' }));
      // Two-factor is on, so the home page no longer nags about it.
      expect(await page.getByText('二要素認証が設定されていません。', { exact: false }).count()).toBe(0);

      await signOut(page);
      expect(await sessionCount(e2e, account.email)).toBe(0);

      // Password first: a correct one leads to the code step, not into the app.
      const first = await submitCredentials(page, account.email, account.password);
      expect(first.status()).toBe(200);
      await visible(page.getByRole('heading', { level: 2, name: '確認コードの入力' }));
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      expect((await page.request.get('/api/me')).status()).toBe(401);

      // A wrong code is refused with the server's Japanese message.
      const codeField = page.getByLabel('確認コード（6桁）', { exact: true });
      await codeField.fill(await wrongTotp(secret));
      const refused = page.waitForResponse((r) => r.url().endsWith('/api/auth/two-factor/verify-totp'));
      await page.getByRole('button', { name: '確認する', exact: true }).click();
      expect((await refused).status()).toBe(401);
      await visible(page.getByRole('alert').getByText('確認コードが正しくありません。', { exact: true }));
      expect(new URL(page.url()).pathname).toBe('/sign-in');

      // The next step's code: the one used to enrol may not be replayed.
      await codeField.fill(await totp(secret, 1));
      const accepted = page.waitForResponse((r) => r.url().endsWith('/api/auth/two-factor/verify-totp'));
      await page.getByRole('button', { name: '確認する', exact: true }).click();
      expect((await accepted).status()).toBe(200);
      await waitForPath(page, '/');
      await heading(page, `ようこそ、${account.name} さん`);
      const me = (await (await page.request.get('/api/me')).json()) as { email: string; twoFactorEnabled: boolean; twoFactorRequired: boolean };
      expect(me).toMatchObject({ email: account.email, twoFactorEnabled: true, twoFactorRequired: false });
    } finally {
      await context.close();
    }
  });
});

describe('session expiry', () => {
  it('an idle-expired session sends the next navigation to /sign-in with the reason, and back after signing in', async () => {
    const { context, page } = await openPage(e2e);
    // The bell's minute poll must not be the request that notices the expiry (it would send the
    // user to sign-in from /admin/users before the click): until the expiry has been seen, polls
    // are held, then dropped (with the old session they could only repeat it); later ones pass.
    let releasePolls = () => {};
    const pollsHeld = new Promise<void>((resolve) => (releasePolls = resolve));
    let holding = true;
    void pollsHeld.then(() => (holding = false));
    await page.route('**/api/notifications**', async (route) => {
      if (!holding) return route.continue().catch(() => undefined);
      await pollsHeld;
      await route.abort().catch(() => undefined);
    });
    const api = trackApi(page, (path) => !path.startsWith('/api/notifications'));
    try {
      await signIn(page, ADMIN);
      await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'ユーザー', exact: true }).click();
      await waitForPath(page, '/admin/users');
      await heading(page, 'ユーザー');
      await visible(page.getByRole('table', { name: 'ユーザーの一覧' }).getByRole('row').nth(1));
      // No request may be in flight when the session is aged: one that read the session before
      // could still refresh its sliding expiry afterwards (better-auth's updateAge), undoing it.
      await api.quiet();

      // As if the idle timeout had passed: the session's sliding expiry is behind us.
      await ageSessions(e2e, ADMIN, { expiresAt: new Date(Date.now() - 60_000) });

      // A client-side navigation whose page asks the API for data.
      await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '事業所', exact: true }).click();
      await waitForPath(page, '/sign-in');
      await visible(page.getByText('セッションの有効期限が切れました。もう一度ログインしてください。', { exact: true }));
      expect(new URL(page.url()).searchParams.get('redirect')).toBe('/admin/offices');
      expect((await page.request.get('/api/me')).status()).toBe(401);
      releasePolls();

      // Signing in again returns to the page that was being opened.
      const again = await submitCredentials(page, ADMIN, DEMO_PASSWORD);
      expect(again.status()).toBe(200);
      await waitForPath(page, '/admin/offices');
      await heading(page, '事業所');
    } finally {
      releasePolls();
      await context.close();
    }
  });

  it('a session older than the 12-hour absolute limit ends on the next page load, with the server’s reason', async () => {
    const { context, page } = await openPage(e2e);
    try {
      await signIn(page, CONSULTANT);
      await heading(page, 'ようこそ、鈴木 健一 さん');

      // Still within the idle timeout, but signed in 13 hours ago.
      await ageSessions(e2e, CONSULTANT, { createdAt: new Date(Date.now() - 13 * 3600_000) });

      await page.goto('/account');
      await waitForPath(page, '/sign-in');
      await visible(page.getByText('ログインから 12 時間が経過したため、セッションを終了しました。もう一度ログインしてください。', { exact: true }));
      expect(new URL(page.url()).searchParams.get('redirect')).toBe('/account');
      // The server ended it for good, not just for this request.
      expect(await sessionCount(e2e, CONSULTANT)).toBe(0);
      await gone(page.getByRole('navigation', { name: 'メインメニュー' }));
    } finally {
      await context.close();
    }
  });
});
