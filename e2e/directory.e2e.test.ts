// 地域資源 in Chromium (issue #3): search and filter, edit vacancy as provider staff and see it
// in search, axe clean.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, startE2E, type E2E } from './support';
import { ADMIN, CONSULTANT, DEMO_DOMAIN, E2E_ENV, openPage, signIn, visible, waitForPath } from './helpers';

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
      // The facet counts follow the search: the keyword leaves two services of this office.
      await visible(page.getByRole('status').filter({ hasText: /^2 件$/ }));
      await page.getByRole('group', { name: 'サービス種別' }).getByRole('checkbox', { name: /^短期入所（1）$/ }).check();
      await visible(page.getByRole('status').filter({ hasText: /^1 件$/ }));
      await visible(results.getByRole('link', { name: '短期入所こだまの家' }));
      expect(new URL(page.url()).searchParams.get('service')).toBe('24');
      await expectAccessible(page, '/directory');
      // Distance: a city hall as the centre, a radius, nearest first; each hit shows its distance.
      await page.getByLabel('中心地点').selectOption({ label: '柏市役所' });
      await page.getByLabel('半径').selectOption({ label: '20 km 以内' });
      await page.getByLabel('並び順').selectOption({ label: '近い順' });
      await visible(results.getByRole('link', { name: '短期入所こだまの家' }));
      await visible(results.getByText(/\d+\.\d km/).first());
      const params = new URL(page.url()).searchParams;
      expect([params.get('near'), params.get('radius_km'), params.get('sort')]).toEqual(['35.8677,139.9757', '20', 'distance']);
      await expectAccessible(page, '/directory near');
      // No centre: the radius and the distance sort go too (the API refuses them alone).
      await page.getByLabel('中心地点').selectOption({ label: '指定しない' });
      await visible(page.getByRole('status').filter({ hasText: /^1 件$/ }));
      const cleared = new URL(page.url()).searchParams;
      expect([cleared.get('near'), cleared.get('radius_km'), cleared.get('sort')]).toEqual([null, null, null]);
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
      await dialog.getByLabel('対象年齢（上限・歳）').fill('17');
      await dialog.getByLabel('時間帯（土曜）').fill('9:00～15:00');
      await dialog.getByLabel('土曜も営業').check();
      await dialog.getByRole('button', { name: '保存' }).click();
      await visible(page.getByText('掲載を更新しました。'));
      await visible(page.getByText('土曜: 9:00～15:00').first());
      // The history shows each changed field with its value before and after.
      const history = page.getByRole('table', { name: '掲載の変更履歴' });
      await visible(history.getByText(/^対象年齢（上限・歳）: .+ → 17$/).first());
      await visible(history.getByText(/^空き人数: .+ → 7$/).first());
      await expectAccessible(page, 'office');
      // One click re-confirms an unchanged vacancy.
      await page.getByRole('button', { name: '空き状況は変わりません' }).first().click();
      await visible(page.getByText('空き状況を確認済みにしました。'));
      await page.goto('/directory?q=こだまの家');
      await visible(page.getByText('空き 7 人'));
    } finally {
      await context.close();
    }
  }, 90_000);

  it('the care × city matrix links each count to the filtered search', async () => {
    const { context, page } = await openPage(e2e);
    try {
      await signIn(page, CONSULTANT);
      await page.goto('/directory/matrix');
      await page.getByLabel('サービス種別').selectOption({ label: '訪問看護' });
      const table = await visible(page.getByRole('table', { name: '訪問看護：医療的ケア × 市' }));
      await expectAccessible(page, '/directory/matrix');
      await table.getByRole('link', { name: /^松戸市で人工呼吸器の管理に対応する訪問看護 \d+ 件$/ }).click();
      await waitForPath(page, '/directory');
      const params = new URL(page.url()).searchParams;
      expect([params.get('service'), params.get('municipality'), params.get('care')]).toEqual(['home_nursing', '12207', 'ventilator']);
      await visible(page.getByRole('region', { name: '検索結果' }).getByRole('listitem').first());
    } finally {
      await context.close();
    }
  }, 90_000);

  it('an admin checks a WAM NET file, and a malformed one is refused with its line and column', async () => {
    const { context, page } = await openPage(e2e);
    try {
      await signIn(page, ADMIN);
      await page.goto('/directory');
      await page.getByRole('link', { name: 'WAM NET 取り込み' }).click();
      await visible(page.getByRole('heading', { name: 'WAM NET 取り込み', level: 1 }));
      const wam = path.resolve('../shared/reference/wam');
      // Nothing chosen: the form says so, naming the field.
      await page.getByRole('button', { name: '確認する' }).click();
      await visible(page.getByText('CSV ファイル: 取り込むファイルを選んでください'));
      await page.getByLabel('CSV ファイル').setInputFiles(path.join(wam, 'sample-24.csv'));
      await page.getByRole('button', { name: '確認する' }).click();
      await visible(page.getByText('確認のみ行いました（変更していません）。'));
      await visible(page.getByRole('table', { name: 'ファイル' }).getByRole('cell', { name: 'sample-24.csv' }));
      await expectAccessible(page, '/directory/wam-import');
      // A larger file: the page shows how far the server has read while it works.
      const [head, row] = readFileSync(path.join(wam, 'sample-67.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split('\n') as [string, string];
      const rows = Array.from({ length: 1500 }, (_, i) => row.replace(/1210000007/g, `14${String(i).padStart(8, '0')}`));
      await page.getByLabel('CSV ファイル').setInputFiles({ name: 'big-67.csv', mimeType: 'text/csv', buffer: Buffer.from([head, ...rows].join('\n') + '\n') });
      // The run can be quicker than a poll: record every progress text as the page shows it.
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { wamSeen: string[] }).wamSeen = seen;
        new MutationObserver(() => {
          const bar = document.querySelector('.wam-progress progress');
          const text = document.querySelector('.wam-progress [role=status]')?.textContent;
          if (bar && text && seen.at(-1) !== text) seen.push(`${bar.getAttribute('aria-label')}: ${text}`);
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      await page.getByRole('button', { name: '確認する' }).click();
      // 1,500 rows on the embedded database: seconds, more on a slow machine.
      await page.getByText('確認のみ行いました（変更していません）。').first().waitFor({ state: 'visible', timeout: 60_000 });
      const seen = await page.evaluate(() => (window as unknown as { wamSeen: string[] }).wamSeen);
      expect(seen.some((x) => /^取り込みの進み具合: 読み込み中… 1,000 \/ 約 1,500 行/.test(x)), seen.join('\n')).toBe(true);
      await visible(page.getByRole('table', { name: 'ファイル' }).getByRole('cell', { name: 'big-67.csv' }));
      await page.getByLabel('CSV ファイル').setInputFiles(path.join(wam, 'malformed-24.csv'));
      await page.getByLabel('確認のみ（データベースを変更しない）').uncheck();
      await page.getByRole('button', { name: '取り込む' }).click();
      await visible(page.getByText('取り込めませんでした。何も変更していません。'));
      await visible(page.getByRole('table', { name: '不採用の行と理由' }).getByRole('row').nth(1));
    } finally {
      await context.close();
    }
  }, 90_000);
});
