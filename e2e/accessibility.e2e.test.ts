// Accessibility in Chromium: an axe scan (WCAG 2 A/AA, failing on serious or critical) of every
// page the app has — sign-in (both steps and the recovery-code step), two-factor enrolment (each
// step), home, account settings, every admin page with its dialog open, the
// 権限がありません page and a 404 — at 1280 px, and the main ones again at phone width
// (390×844). Also the keyboard skip link and the Japanese/English switch with <html lang>.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support';
import {
  ADMIN,
  e2eForFile,
  CONSULTANT,
  DEMO_DOMAIN,
  createAccount,
  enrolTotp,
  gone,
  heading,
  openPage,
  signIn,
  signOut,
  submitCredentials,
  visible,
  waitForPath,
} from './helpers';

const PHONE = { width: 390, height: 844 };

const e2e = e2eForFile();

/** Waits until the page has its h1 and no loading indicator is left. */
async function settled(page: Page, title: string | RegExp) {
  await heading(page, title);
  await page.waitForFunction(() => !document.querySelector('main')?.textContent?.includes('読み込み中…'));
}

/** Opens a page through the main navigation (a client-side navigation, as a user would). */
async function navigate(page: Page, link: string, path: string) {
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: link, exact: true }).click();
  await waitForPath(page, path);
}

describe('axe: every page at 1280 px', () => {
  it('sign-in page, then home, account settings and the 404 page', async () => {
    const { context, page } = await openPage(e2e);
    try {
      await page.goto('/sign-in');
      await settled(page, 'ログイン');
      await expectAccessible(page, 'sign-in');
      // The demo accounts list opens inside the page.
      await page.getByText('デモ用アカウント', { exact: true }).click();
      await visible(page.getByRole('table', { name: 'デモ用アカウントの一覧' }));
      // …and a failed attempt's error summary.
      await submitCredentials(page, ADMIN, 'wrong-password');
      await visible(page.getByRole('alert').filter({ hasText: '入力内容を確認してください' }));
      await expectAccessible(page, 'sign-in with demo accounts open and an error');

      await signIn(page, CONSULTANT);
      await settled(page, 'ようこそ、鈴木 健一 さん');
      await expectAccessible(page, 'home (consultant)');

      await page.getByRole('banner').getByRole('link', { name: 'アカウント設定', exact: true }).click();
      await waitForPath(page, '/account');
      await settled(page, 'アカウント設定');
      await expectAccessible(page, 'account');

      await page.goto('/no-such-page');
      await settled(page, 'ページが見つかりません');
      await expectAccessible(page, '404');

      await page.goto('/admin/users');
      await settled(page, '権限がありません');
      await expectAccessible(page, 'forbidden');
    } finally {
      await context.close();
    }
  });

  it('every admin page, each with its dialog open', async () => {
    const { context, page } = await openPage(e2e);
    try {
      await signIn(page, ADMIN);
      await settled(page, 'ようこそ、管理 太郎 さん');
      await expectAccessible(page, 'home (admin)');

      await navigate(page, 'ユーザー', '/admin/users');
      await settled(page, 'ユーザー');
      await visible(page.getByRole('rowheader').filter({ hasText: ADMIN }));
      await expectAccessible(page, 'admin users');
      await page.getByRole('button', { name: 'ユーザーを作成', exact: true }).click();
      const userDialog = await visible(page.getByRole('dialog', { name: 'ユーザーの作成' }));
      await userDialog.getByLabel('事業所を検索', { exact: true }).fill('訪問看護');
      await visible(userDialog.getByRole('button', { name: /を追加$/ }));
      await userDialog.getByRole('button', { name: '作成する', exact: true }).click();
      await visible(userDialog.getByRole('alert').filter({ hasText: '入力内容を確認してください' }));
      await expectAccessible(page, 'admin users: create dialog with search results and errors');
      await page.keyboard.press('Escape');
      await gone(page.getByRole('dialog'));
      await page.getByRole('button', { name: '管理 太郎 を編集', exact: true }).click();
      await visible(page.getByRole('dialog', { name: 'ユーザーの編集' }));
      await expectAccessible(page, 'admin users: edit dialog');
      await page.keyboard.press('Escape');
      await gone(page.getByRole('dialog'));

      const pages = [
        { link: '事業所', path: '/admin/offices', create: '事業所を登録', dialog: '事業所の登録' },
        { link: '法人', path: '/admin/organizations', create: '法人を登録', dialog: '法人の登録' },
        { link: '市区町村', path: '/admin/municipalities', create: '市区町村を登録', dialog: '市区町村の登録' },
      ];
      for (const p of pages) {
        await navigate(page, p.link, p.path);
        await settled(page, p.link);
        await visible(page.getByRole('table').getByRole('rowheader'));
        await expectAccessible(page, `admin ${p.path}`);
        await page.getByRole('button', { name: p.create, exact: true }).click();
        await visible(page.getByRole('dialog', { name: p.dialog }));
        await expectAccessible(page, `admin ${p.path}: dialog`);
        await page.keyboard.press('Escape');
        await gone(page.getByRole('dialog'));
      }

      await navigate(page, 'アクセスログ', '/admin/audit');
      await settled(page, 'アクセスログ');
      await expectAccessible(page, 'admin audit');
      await page.getByRole('button', { name: '詳細を表示' }).first().click();
      await visible(page.getByRole('button', { name: '詳細を隠す' }));
      const verify = page.waitForResponse((r) => r.url().endsWith('/api/admin/audit/verify'));
      await page.getByRole('button', { name: 'ハッシュチェーンを検証', exact: true }).click();
      expect((await verify).status()).toBe(200);
      await visible(page.getByText(/件の記録に改ざん・削除は見つかりませんでした。/));
      await expectAccessible(page, 'admin audit: details open, chain verified');
    } finally {
      await context.close();
    }
  });

  it('two-factor: each enrolment step on /account/2fa, then the code and recovery-code steps of sign-in', async () => {
    const account = await createAccount(e2e, { name: '読上 確認', roles: ['provider_staff'] });
    const { context, page } = await openPage(e2e);
    try {
      await signIn(page, account.email, { password: account.password, landing: '/account/2fa' });
      await enrolTotp(page, account.password, (step) => expectAccessible(page, step));
      await waitForPath(page, '/');
      await signOut(page);

      await submitCredentials(page, account.email, account.password);
      await visible(page.getByRole('heading', { level: 2, name: '確認コードの入力' }));
      await expectAccessible(page, 'sign-in: code step');
      await page.getByRole('button', { name: 'リカバリーコードを使う', exact: true }).click();
      await visible(page.getByRole('heading', { level: 2, name: 'リカバリーコードの入力' }));
      await expectAccessible(page, 'sign-in: recovery-code step');

      await page.setViewportSize(PHONE);
      await page.getByRole('button', { name: '認証アプリの確認コードを使う', exact: true }).click();
      await visible(page.getByRole('heading', { level: 2, name: '確認コードの入力' }));
      await expectAccessible(page, 'sign-in: code step (phone)');
    } finally {
      await context.close();
    }
  });
});

describe('axe: phone width (390×844)', () => {
  it('sign-in, home with the menu open, and admin users with its dialog', async () => {
    const { context, page } = await openPage(e2e, PHONE);
    try {
      await page.goto('/sign-in');
      await settled(page, 'ログイン');
      await expectAccessible(page, 'sign-in (phone)');

      await signIn(page, ADMIN);
      await settled(page, 'ようこそ、管理 太郎 さん');
      await expectAccessible(page, 'home (phone)');
      // On a phone the navigation sits behind the メニュー button.
      const menu = page.getByRole('button', { name: 'メニュー', exact: true });
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      await menu.click();
      expect(await page.getByRole('button', { name: 'メニュー', exact: true }).getAttribute('aria-expanded')).toBe('true');
      await visible(page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'ユーザー', exact: true }));
      await expectAccessible(page, 'home (phone) with menu open');

      await navigate(page, 'ユーザー', '/admin/users');
      await settled(page, 'ユーザー');
      await gone(page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'ユーザー', exact: true }));
      await visible(page.getByRole('rowheader').filter({ hasText: ADMIN }));
      await expectAccessible(page, 'admin users (phone)');
      await page.getByRole('button', { name: 'ユーザーを作成', exact: true }).click();
      await visible(page.getByRole('dialog', { name: 'ユーザーの作成' }));
      await expectAccessible(page, 'admin users: create dialog (phone)');
    } finally {
      await context.close();
    }
  });
});

describe('keyboard', () => {
  it('本文へスキップ is the first Tab stop and moves focus to main, signed out and signed in', async () => {
    const { context, page } = await openPage(e2e);
    try {
      const focused = () =>
        page.evaluate(() => ({ id: document.activeElement?.id ?? '', text: document.activeElement?.textContent?.trim() ?? '', tag: document.activeElement?.tagName ?? '' }));
      const checkSkipLink = async (label: string) => {
        await page.keyboard.press('Tab');
        expect(await focused(), label).toMatchObject({ tag: 'A', text: '本文へスキップ' });
        await page.keyboard.press('Enter');
        expect(await focused(), label).toMatchObject({ tag: 'MAIN', id: 'main' });
      };

      await page.goto('/sign-in');
      await settled(page, 'ログイン');
      await checkSkipLink('sign-in');

      await signIn(page, `consult.ito@${DEMO_DOMAIN}`);
      await page.goto('/');
      await settled(page, 'ようこそ、伊藤 まさと さん');
      await checkSkipLink('home');

      // After a navigation inside the app, focus moves to the new page's heading instead.
      // (分析 is not for consultants: its page is 権限がありません, a page that takes no focus itself.)
      await navigate(page, '分析', '/analytics');
      await heading(page, '権限がありません');
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
      expect(await focused()).toMatchObject({ tag: 'H1', text: '権限がありません' });
    } finally {
      await context.close();
    }
  });
});

describe('language', () => {
  it('switching to English and back changes the labels and <html lang>, before and after signing in', async () => {
    const { context, page } = await openPage(e2e);
    const lang = () => page.evaluate(() => document.documentElement.lang);
    try {
      await page.goto('/sign-in');
      await settled(page, 'ログイン');
      expect(await lang()).toBe('ja');

      await page.getByRole('button', { name: 'English', exact: true }).click();
      await heading(page, 'Sign in');
      expect(await lang()).toBe('en');
      await visible(page.getByLabel('Email', { exact: true }));
      await visible(page.getByRole('button', { name: 'Sign in', exact: true }));
      expect(await page.getByRole('button', { name: '日本語', exact: true }).getAttribute('lang')).toBe('ja');
      await expectAccessible(page, 'sign-in (English)');

      await page.getByRole('button', { name: '日本語', exact: true }).click();
      await heading(page, 'ログイン');
      expect(await lang()).toBe('ja');
      await visible(page.getByLabel('メールアドレス', { exact: true }));

      // Signed in, the choice is saved to the account and survives a reload.
      await signIn(page, `consult.takahashi@${DEMO_DOMAIN}`);
      await heading(page, 'ようこそ、高橋 あや さん');
      const saved = page.waitForResponse((r) => r.url().endsWith('/api/me') && r.request().method() === 'PATCH');
      await page.getByRole('button', { name: 'English', exact: true }).click();
      expect((await saved).status()).toBe(200);
      await heading(page, 'Welcome, 高橋 あや');
      expect(await lang()).toBe('en');
      await visible(page.getByRole('navigation', { name: 'Main menu' }));
      await visible(page.getByRole('banner').getByRole('button', { name: 'Sign out', exact: true }));
      await expectAccessible(page, 'home (English)');
      await page.reload();
      await heading(page, 'Welcome, 高橋 あや');
      expect(await lang()).toBe('en');

      const back = page.waitForResponse((r) => r.url().endsWith('/api/me') && r.request().method() === 'PATCH');
      await page.getByRole('button', { name: '日本語', exact: true }).click();
      expect((await back).status()).toBe(200);
      await heading(page, 'ようこそ、高橋 あや さん');
      expect(await lang()).toBe('ja');
      await visible(page.getByRole('navigation', { name: 'メインメニュー' }));
      expect(await page.getByRole('navigation', { name: 'Main menu' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
