// Issue #5 item 7: a print view of any page renders Japanese correctly, whatever fonts the
// computer has. The app ships Noto Sans JP (bundled by Vite from @fontsource/noto-sans-jp), so
// a consultant printing Aちゃん's plan, or an official printing the council report, from the
// browser gets a PDF with that font embedded and the Japanese text in it. The test machine has only Noto Sans CJK JP installed, so the font
// named in the PDF proves the shipped one was used. The font files come from the app's own
// build (no CDN, no 404s).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CONSULTANT, demoEmail, e2eForFile, heading, openPage, signIn, visible } from './helpers';

const e2e = e2eForFile();

/** pdffonts' table as rows of { name, embedded }. */
function fontsOf(file: string) {
  const out = execFileSync('/usr/bin/pdffonts', [file], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      // name type [encoding…] emb sub uni object ID: emb is the 5th column from the end.
      return { name: cols[0]!, embedded: cols[cols.length - 5] === 'yes' };
    });
}

/** Records every font file the page fetches (and any request that failed) from now on. */
function watchFonts(page: Page) {
  const responses: { url: string; status: number }[] = [];
  const failed: string[] = [];
  page.on('response', (res) => {
    if (/\.(woff2?|ttf|otf)(\?|$)/.test(res.url())) responses.push({ url: res.url(), status: res.status() });
  });
  // A navigation cancels the previous page's pending font loads (net::ERR_ABORTED); a missing
  // file is a 404 response (checked in printPage) and any other failure is kept.
  page.on('requestfailed', (req) => {
    if (req.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(`${req.url()} ${req.failure()?.errorText}`);
  });
  return { responses, failed };
}

/**
 * Switches to print media, waits for the fonts, checks they are the app's own Noto Sans JP
 * (both weights loaded, every file a same-origin woff2 answered 200), prints with Chromium and
 * returns the PDF's fonts and its text without whitespace.
 */
async function printPage(page: Page, watched: ReturnType<typeof watchFonts>, origin: string, name: string) {
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => document.fonts.ready);
  const loaded = await page.evaluate(() =>
    [...document.fonts].filter((f) => f.family.replace(/["']/g, '') === 'Noto Sans JP' && f.status === 'loaded').map((f) => f.weight),
  );
  expect(loaded).toContain('400');
  expect(loaded).toContain('700');

  expect(watched.responses.length).toBeGreaterThan(0);
  for (const r of watched.responses) {
    expect(r, r.url).toMatchObject({ status: 200 });
    expect(new URL(r.url).origin).toBe(origin);
    expect(new URL(r.url).pathname).toMatch(/^\/assets\/noto-sans-jp-[\w-]+\.woff2$/);
  }
  expect(watched.failed).toEqual([]);

  const file = join(mkdtempSync(join(tmpdir(), 'tsunagu-e2e-print-')), `${name}.pdf`);
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const fonts = fontsOf(file);
  const noto = fonts.filter((f) => /NotoSansJP/i.test(f.name));
  expect(noto.length, JSON.stringify(fonts)).toBeGreaterThan(0);
  expect(noto.every((f) => f.embedded)).toBe(true);
  // Headings (700) and body text (400) both in the shipped font, not the system's CJK font.
  expect(noto.some((f) => /Bold/i.test(f.name))).toBe(true);
  expect(noto.some((f) => !/Bold/i.test(f.name))).toBe(true);
  const text = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s/g, '');
  return { fonts, text };
}

describe('printing from the browser', () => {
  it("a consultant prints Aちゃん's plan page: the PDF embeds the app's Noto Sans JP and has the Japanese text", async () => {
    const { context, page } = await openPage(e2e);
    const watched = watchFonts(page);
    try {
      await signIn(page, CONSULTANT);
      await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'ケース記録' }).click();
      await page.getByRole('link', { name: '青木 あかり' }).click();
      await page.getByRole('navigation', { name: '記録の項目' }).getByRole('link', { name: '計画', exact: true }).click();
      await visible(page.getByRole('heading', { level: 2, name: /障害児支援利用計画 第\d+版/ }));

      const { text } = await printPage(page, watched, new URL(e2e.url).origin, 'plan');
      expect(text).toContain('障害児支援利用計画');
      expect(text).toContain('利用者及びその家族の生活に対する意向');
      expect(text).toContain('週間計画表');
      // Only the plan is printed: the app's navigation is not.
      expect(text).not.toContain('メインメニュー');
    } finally {
      await context.close();
    }
  }, 300_000);

  it("an official prints the council report's print view in the same font", async () => {
    const { context, page } = await openPage(e2e);
    const watched = watchFonts(page);
    try {
      await signIn(page, demoEmail('official.matsudo'));
      await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '分析', exact: true }).click();
      await page.getByRole('navigation', { name: '分析のメニュー' }).getByRole('link', { name: '協議会レポート' }).click();
      await heading(page, '協議会レポート');
      await page.getByLabel('表題', { exact: true }).fill('松戸市 印刷確認 資料');
      await page.locator('#council-report-area').selectOption({ label: '松戸市' });
      await page.getByRole('button', { name: 'レポートを作成', exact: true }).click();
      await page.waitForURL((u) => /^\/analytics\/reports\/[^/]+$/.test(u.pathname));
      await heading(page, '松戸市 印刷確認 資料');
      await page.waitForFunction(() => !document.querySelector('main [aria-busy="true"]') && !document.querySelector('main .loading'));

      const { text } = await printPage(page, watched, new URL(e2e.url).origin, 'report');
      expect(text).toContain('松戸市印刷確認資料');
      expect(text).toContain('医療的ケア');
    } finally {
      await context.close();
    }
  }, 300_000);
});
