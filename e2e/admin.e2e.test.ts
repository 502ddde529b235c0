// Administration in Chromium: an admin creates an account through the ユーザーの作成 dialog (and
// a duplicate address is refused next to the field), and a consultant is refused the admin
// pages both by the UI and by the API.
import { describe, expect, it } from 'vitest';
import { ADMIN, e2eForFile, CONSULTANT, NEW_PASSWORD, gone, heading, openPage, signIn, uniqueEmail, visible, waitForPath } from './helpers';

const e2e = e2eForFile();

describe('admin: users', () => {
  it('an admin creates a user through the UI; a second account with the same address is refused at the field', async () => {
    const { context, page } = await openPage(e2e);
    try {
      await signIn(page, ADMIN);
      await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'ユーザー', exact: true }).click();
      await waitForPath(page, '/admin/users');
      await heading(page, 'ユーザー');
      const table = page.getByRole('table', { name: 'ユーザーの一覧' });
      await visible(table.getByRole('rowheader').filter({ hasText: ADMIN }));

      const email = uniqueEmail('aoki');
      const name = '青木 つむぎ';
      await page.getByRole('button', { name: 'ユーザーを作成', exact: true }).click();
      const dialog = await visible(page.getByRole('dialog', { name: 'ユーザーの作成' }));
      await dialog.getByLabel('メールアドレス', { exact: true }).fill(email);
      await dialog.getByLabel('氏名', { exact: true }).fill(name);
      await dialog.getByLabel('氏名（よみ）', { exact: true }).fill('あおき つむぎ');
      await dialog.getByLabel('初期パスワード', { exact: true }).fill(NEW_PASSWORD);
      await dialog.getByRole('group', { name: '役割' }).getByRole('checkbox', { name: '相談支援専門員', exact: true }).check();
      await dialog.getByLabel('市区町村', { exact: true }).selectOption({ label: '松戸市（千葉県）' });

      // Offices are found by searching and added from the results.
      await dialog.getByLabel('事業所を検索', { exact: true }).fill('ひだまり松戸');
      const office = '相談支援センターひだまり松戸';
      await dialog.getByRole('button', { name: `${office} を追加`, exact: true }).click();
      await visible(dialog.getByRole('list', { name: '選んだ事業所' }).getByText(office, { exact: true }));
      await gone(dialog.getByRole('button', { name: `${office} を追加`, exact: true }));

      const created = page.waitForResponse((r) => r.url().endsWith('/api/admin/users') && r.request().method() === 'POST');
      await dialog.getByRole('button', { name: '作成する', exact: true }).click();
      expect((await created).status()).toBe(201);
      await gone(page.getByRole('dialog'));
      await visible(page.getByText(`${name} さんのアカウントを作成しました。`, { exact: true }));

      // The list now has the account, with its role, office and status.
      const row = table.getByRole('row').filter({ has: page.getByRole('rowheader').filter({ hasText: email }) });
      await visible(row);
      const cells = await row.getByRole('cell').allInnerTexts();
      expect(cells[0]).toBe('相談支援専門員');
      expect(cells[1]).toBe(office);
      expect(cells[2]).toContain('有効');
      expect(cells[2]).toContain('2FA 未設定');
      expect(await row.getByRole('rowheader').innerText()).toContain(name);

      // The same address again (in capitals: addresses are compared case-insensitively).
      await page.getByRole('button', { name: 'ユーザーを作成', exact: true }).click();
      const again = await visible(page.getByRole('dialog', { name: 'ユーザーの作成' }));
      const emailField = again.getByLabel('メールアドレス', { exact: true });
      expect(await emailField.inputValue()).toBe('');
      await emailField.fill(email.toUpperCase());
      await again.getByLabel('氏名', { exact: true }).fill('青木 ふたば');
      await again.getByLabel('初期パスワード', { exact: true }).fill(NEW_PASSWORD);
      await again.getByRole('checkbox', { name: '閲覧者', exact: true }).check();
      const refused = page.waitForResponse((r) => r.url().endsWith('/api/admin/users') && r.request().method() === 'POST');
      await again.getByRole('button', { name: '作成する', exact: true }).click();
      expect((await refused).status()).toBe(409);

      // The field says why, and is marked invalid with the message as its description.
      await visible(again.getByText('すでに登録されています', { exact: true }));
      expect(await emailField.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await emailField.getAttribute('aria-describedby')) ?? '';
      expect(describedBy).not.toBe('');
      const description = await Promise.all(describedBy.split(' ').map((id) => page.locator(`[id="${id}"]`).innerText()));
      expect(description.join(' ')).toContain('すでに登録されています');
      // The summary at the top repeats it with the server's explanation, and takes focus.
      const summary = again.getByRole('alert').filter({ hasText: '入力内容を確認してください' });
      expect(await summary.innerText()).toContain('このメールアドレスのアカウントはすでにあります。');
      await visible(summary.getByRole('link', { name: 'メールアドレス: すでに登録されています' }));
      expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);

      // Nothing was created: the dialog stays open and the list still has one such account.
      await again.getByRole('button', { name: 'キャンセル', exact: true }).click();
      await gone(page.getByRole('dialog'));
      expect(await table.getByRole('rowheader').filter({ hasText: email }).count()).toBe(1);
      expect(await table.getByRole('rowheader').filter({ hasText: '青木 ふたば' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe('permissions', () => {
  it('a consultant is refused the admin pages: no admin navigation, 「権限がありません」, and 403 from the API', async () => {
    const { context, page } = await openPage(e2e);
    try {
      await signIn(page, CONSULTANT);
      await heading(page, 'ようこそ、鈴木 健一 さん');
      const nav = page.getByRole('navigation', { name: 'メインメニュー' });
      await visible(nav.getByRole('link', { name: 'ホーム', exact: true }));
      for (const label of ['ユーザー', '事業所', '法人', '市区町村', 'アクセスログ']) {
        expect(await nav.getByRole('link', { name: label, exact: true }).count(), label).toBe(0);
      }
      expect(await page.getByRole('heading', { level: 2, name: '管理', exact: true }).count()).toBe(0);

      for (const [path, title] of [
        ['/admin/users', 'ユーザー'],
        ['/admin/audit', 'アクセスログ'],
      ] as const) {
        await page.goto(path);
        await heading(page, '権限がありません');
        expect(new URL(page.url()).pathname).toBe(path);
        await visible(page.getByText('このページを表示する権限がありません。', { exact: false }));
        expect(await page.getByRole('heading', { level: 1, name: title, exact: true }).count()).toBe(0);
        await visible(page.getByRole('main').getByRole('link', { name: 'ホームへ戻る' }));
      }

      // The server does not rely on the UI: the same browser session gets 403 from the API.
      const list = await page.request.get('/api/admin/users');
      expect(list.status()).toBe(403);
      expect((await list.json()) as { status: number; detail: string }).toMatchObject({ status: 403, detail: 'この操作（manage:users）を行う権限がありません。' });
      const audit = await page.request.get('/api/admin/audit');
      expect(audit.status()).toBe(403);
      // …while the session itself is fine.
      expect((await page.request.get('/api/me')).status()).toBe(200);
    } finally {
      await context.close();
    }
  });
});
