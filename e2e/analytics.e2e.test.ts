// Issue #8 journey: the 松戸 official opens the regional dashboard, filters to 松戸, finds the gap
// matrix with its definition and CSV, builds the council report and downloads its PDF (Japanese
// text inside), and looks at the trends; a council viewer sees small counts as "<5". Every
// screen is checked with axe.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, startE2E, type E2E } from './support';
import { DEMO_DOMAIN, E2E_ENV, heading, openPage, signIn, visible, waitForPath } from './helpers';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E(E2E_ENV);
});
afterAll(async () => {
  await e2e?.close();
});

/** poppler-utils' pdftotext (installed in CI); without it the test checks the embedded Japanese font. */
const PDFTOTEXT = '/usr/bin/pdftotext';

const GAP_TITLE = '需要と供給のギャップ（医療的ケア × サービス種類 × 市）';
const PROVIDERS_TITLE = '事業所への紹介と事業所の回答（サービス種類別）';

/** Fetches a URL inside the signed-in browser: status, content type and body bytes (base64). */
async function fetchInPage(page: Page, href: string) {
  return page.evaluate(async (url) => {
    const res = await fetch(url, { credentials: 'same-origin' });
    const bytes = new Uint8Array(await res.arrayBuffer());
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    return { status: res.status, type: res.headers.get('content-type') ?? '', base64: btoa(binary) };
  }, href);
}

/** Waits until no section of the page is still loading. */
async function sectionsLoaded(page: Page) {
  await page.waitForFunction(() => !document.querySelector('main [aria-busy="true"]') && !document.querySelector('main .loading'));
}

describe('council analytics', () => {
  it('an official filters the dashboard to 松戸 and finds the gap matrix with its definition and CSV', async () => {
    const { context, page } = await openPage(e2e);
    try {
      await signIn(page, `official.matsudo@${DEMO_DOMAIN}`);
      await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '分析', exact: true }).click();
      await waitForPath(page, '/analytics');
      await heading(page, '地域ダッシュボード');
      await sectionsLoaded(page);
      await visible(page.getByRole('heading', { level: 3, name: GAP_TITLE }));
      await expectAccessible(page, 'dashboard (region)');

      // Filter to 松戸.
      await page.getByLabel('地域', { exact: true }).selectOption({ label: '松戸市' });
      await page.getByRole('search', { name: 'ダッシュボードの条件' }).getByRole('button', { name: '検索', exact: true }).click();
      await page.waitForURL((u) => u.searchParams.get('area') === '12207');
      await sectionsLoaded(page);
      await visible(page.getByText('松戸市の数は正確に表示します。', { exact: false }));

      // The gap matrix, its definition one click away and its CSV.
      const gap = page.getByRole('region', { name: GAP_TITLE });
      await visible(gap.getByRole('heading', { level: 3, name: GAP_TITLE }));
      await gap.getByText('定義', { exact: true }).click();
      await visible(gap.getByText('数えているもの', { exact: true }));
      const csvHref = await gap.getByRole('link', { name: `「${GAP_TITLE}」を CSV で出力` }).getAttribute('href');
      expect(csvHref).toContain('/api/analytics/figures/gaps.matrix/csv');
      expect(csvHref).toContain('area=12207');
      const csv = await fetchInPage(page, csvHref!);
      expect(csv.status).toBe(200);
      expect(csv.type).toContain('text/csv');
      await expectAccessible(page, 'dashboard (松戸, definition open)');

      // Drill-down from a cell of the matrix: only the clients this official may open anyway,
      // with the cell's exact size (their own city) and how many are not listed.
      const drill = page.waitForResponse((r) => r.url().includes('/api/analytics/drill-down'));
      await gap.getByRole('button', { name: /^松戸市・.+の利用者のうち、あなたが見られる人を表示$/ }).first().click();
      const res = await drill;
      expect(res.status()).toBe(200);
      const body = (await res.json()) as { items: unknown[]; cellCount: number | string; notShown: number | null };
      expect(typeof body.cellCount).toBe('number');
      const dialog = page.getByRole('dialog');
      await visible(dialog.getByRole('heading', { level: 2, name: /^松戸市・.+の利用者$/ }));
      await visible(dialog.getByText(`この欄の人数（全年齢）: ${body.cellCount}`, { exact: true }));
      if (body.items.length === 0) await visible(dialog.getByText('この欄には、あなたが見られる利用者はいません。', { exact: true }));
      else await visible(dialog.getByRole('list', { name: '見られる利用者' }));
      await expectAccessible(page, 'drill-down dialog');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });

      // Zones and the whole country are in the area picker.
      const areaOptions = await page.getByLabel('地域', { exact: true }).locator('option').allTextContents();
      expect(areaOptions).toEqual(expect.arrayContaining(['松戸 圏域', '全国（すべての市区町村）']));
    } finally {
      await context.close();
    }
  }, 300_000);

  it('the official builds the council report for 松戸, opens its print view and downloads the PDF', async () => {
    const { context, page } = await openPage(e2e);
    try {
      await signIn(page, `official.matsudo@${DEMO_DOMAIN}`);
      // Trends and the comparison on the way.
      await page.goto('/analytics/trends');
      await heading(page, '推移と比較');
      await page.waitForFunction(() => !document.querySelector('main .loading'));
      await expectAccessible(page, 'trends');

      // The council report: build it for 松戸, open the print view, download the PDF.
      await page.getByRole('navigation', { name: '分析のメニュー' }).getByRole('link', { name: '協議会レポート' }).click();
      await waitForPath(page, '/analytics/reports');
      await heading(page, '協議会レポート');
      await expectAccessible(page, 'report builder');
      await page.getByLabel('表題', { exact: true }).fill('松戸市 連携推進会議 資料');
      await page.locator('#council-report-area').selectOption({ label: '松戸市' });
      const created = page.waitForResponse((r) => r.url().endsWith('/api/analytics/reports') && r.request().method() === 'POST');
      await page.getByRole('button', { name: 'レポートを作成', exact: true }).click();
      expect((await created).status()).toBe(201);
      await page.waitForURL((u) => /^\/analytics\/reports\/[^/]+$/.test(u.pathname));
      await heading(page, '松戸市 連携推進会議 資料');
      await visible(page.getByRole('heading', { level: 2, name: '大きな不足（優先して話し合う点）' }));
      await sectionsLoaded(page);
      await expectAccessible(page, 'report print view');

      const pdfHref = await page.getByRole('link', { name: 'PDF をダウンロード' }).getAttribute('href');
      const pdf = await fetchInPage(page, pdfHref!);
      expect(pdf.status).toBe(200);
      expect(pdf.type).toBe('application/pdf');
      const bytes = Buffer.from(pdf.base64, 'base64');
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      if (existsSync(PDFTOTEXT)) {
        const dir = mkdtempSync(join(tmpdir(), 'tsunagu-e2e-pdf-'));
        writeFileSync(join(dir, 'report.pdf'), bytes);
        const text = execFileSync(PDFTOTEXT, ['-enc', 'UTF-8', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' });
        expect(text).toContain('松戸市 連携推進会議 資料');
        expect(text).toMatch(/医療的ケア/);
      } else {
        // Without poppler-utils: the Japanese font is embedded (a subset named …CJK… / …JP…).
        expect(bytes.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+[^\s/]*(CJK|JP)/i);
      }
    } finally {
      await context.close();
    }
  }, 300_000);

  it('a council viewer sees small counts as "<5"', async () => {
    const { context, page } = await openPage(e2e);
    try {
      await signIn(page, `viewer@${DEMO_DOMAIN}`);
      await page.goto('/analytics');
      await heading(page, '地域ダッシュボード');
      await sectionsLoaded(page);
      await visible(page.getByText('「<5」と表示します', { exact: false }));
      await visible(page.locator('main td, main th').getByText('<5', { exact: true }));
      // Requests to service offices (the demo's one request, for a 松戸 case, to a 児発 in 柏): a table, small counts hidden.
      const providers = page.getByRole('region', { name: PROVIDERS_TITLE, exact: true });
      await visible(providers.getByRole('columnheader', { name: '辞退: 定員に空きがない' }));
      await visible(providers.getByRole('rowheader', { name: '松戸市' }));
      expect(await providers.locator('td').getByText('<5', { exact: true }).count()).toBeGreaterThan(0);
      // A council member opens no client records: no drill-down to persons is offered.
      expect(await page.getByRole('button', { name: /あなたが見られる人を表示$/ }).count()).toBe(0);
      await expectAccessible(page, 'dashboard (viewer)');
    } finally {
      await context.close();
    }
  }, 300_000);
});
