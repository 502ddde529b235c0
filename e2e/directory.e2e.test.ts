// 地域資源 in Chromium (issue #3): search and filter, edit vacancy as provider staff and see it
// in search, axe clean.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { expectAccessible, startE2E, type E2E } from './support';
import { CONSULTANT, DEMO_DOMAIN, E2E_ENV, openPage, signIn, visible, waitForPath } from './helpers';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E(E2E_ENV);
});
afterAll(async () => {
  await e2e?.close();
});

describe('directory', () => {
  it('searches as you type, filters by service type, and stays accessible', async () => {
    const { context, page } = await openPage(e2e);
    try {
      await signIn(page, CONSULTANT);
      await page.goto('/directory');
      await waitForPath(page, '/directory');
      await page.getByLabel('キーワード').fill('こだまの家');
      const results = page.getByRole('region', { name: '検索結果' });
      await visible(results.getByRole('link', { name: '短期入所こだまの家' }));
      await page.getByRole('group', { name: 'サービス種別' }).getByRole('checkbox').first().check();
      await visible(results.getByRole('link', { name: '短期入所こだまの家' }));
      await expectAccessible(page, '/directory');
    } finally {
      await context.close();
    }
  }, 90_000);

  it('provider staff edit their vacancy and the search shows it', async () => {
    const { context, page } = await openPage(e2e);
    try {
      await signIn(page, `staff.tanki@${DEMO_DOMAIN}`);
      await page.goto('/directory?q=こだまの家');
      await (await visible(page.getByRole('link', { name: '短期入所こだまの家' }))).first().click();
      await visible(page.getByRole('heading', { name: '短期入所こだまの家', level: 1 }));
      await page.getByRole('button', { name: '掲載を編集' }).first().click();
      const dialog = await visible(page.getByRole('dialog'));
      await dialog.getByLabel('空き人数').fill('7');
      await dialog.getByRole('button', { name: '保存' }).click();
      await visible(page.getByText('掲載を更新しました。'));
      await expectAccessible(page, 'office');
      await page.goto('/directory?q=こだまの家');
      await visible(page.getByText('空き 7 人'));
    } finally {
      await context.close();
    }
  }, 90_000);
});
