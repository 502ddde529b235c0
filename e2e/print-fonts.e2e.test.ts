// Issue #5 item 7: a print view of any page renders Japanese correctly, whatever fonts the
// computer has. The app ships Noto Sans JP (bundled by Vite from @fontsource/noto-sans-jp), so
// a consultant printing Aちゃん's plan from the browser gets a PDF with that font embedded and
// the Japanese text in it. The test machine has only Noto Sans CJK JP installed, so the font
// named in the PDF proves the shipped one was used. The font files come from the app's own
// build (no CDN, no 404s).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSULTANT, e2eForFile, openPage, signIn, visible } from './helpers';

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

describe('printing from the browser', () => {
  it("a consultant prints Aちゃん's plan page: the PDF embeds the app's Noto Sans JP and has the Japanese text", async () => {
    const { context, page } = await openPage(e2e);
    const fontResponses: { url: string; status: number }[] = [];
    const failed: string[] = [];
    page.on('response', (res) => {
      if (/\.(woff2?|ttf|otf)(\?|$)/.test(res.url())) fontResponses.push({ url: res.url(), status: res.status() });
    });
    page.on('requestfailed', (req) => failed.push(req.url()));
    try {
      await signIn(page, CONSULTANT);
      await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'ケース記録' }).click();
      await page.getByRole('link', { name: '青木 あかり' }).click();
      await page.getByRole('navigation', { name: '記録の項目' }).getByRole('link', { name: '計画', exact: true }).click();
      await visible(page.getByRole('heading', { level: 2, name: /障害児支援利用計画 第\d+版/ }));

      // The print layout, once every font it needs has arrived.
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => document.fonts.ready);
      const loaded = await page.evaluate(() =>
        [...document.fonts].filter((f) => f.family.replace(/["']/g, '') === 'Noto Sans JP' && f.status === 'loaded').map((f) => f.weight),
      );
      expect(loaded).toContain('400');
      expect(loaded).toContain('700');

      // The fonts came from the app itself, as woff2, every one found.
      expect(fontResponses.length).toBeGreaterThan(0);
      const origin = new URL(e2e.url).origin;
      for (const r of fontResponses) {
        expect(r, r.url).toMatchObject({ status: 200 });
        expect(new URL(r.url).origin).toBe(origin);
        expect(new URL(r.url).pathname).toMatch(/^\/assets\/noto-sans-jp-[\w-]+\.woff2$/);
      }
      expect(failed).toEqual([]);

      const dir = mkdtempSync(join(tmpdir(), 'tsunagu-e2e-print-'));
      const file = join(dir, 'plan.pdf');
      writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));

      const fonts = fontsOf(file);
      const noto = fonts.filter((f) => /NotoSansJP/i.test(f.name));
      expect(noto.length, JSON.stringify(fonts)).toBeGreaterThan(0);
      expect(noto.every((f) => f.embedded)).toBe(true);
      // Headings (700) and body text (400) both in the shipped font, not the system's CJK font.
      expect(noto.some((f) => /Bold/i.test(f.name))).toBe(true);
      expect(noto.some((f) => !/Bold/i.test(f.name))).toBe(true);

      const text = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s/g, '');
      expect(text).toContain('障害児支援利用計画');
      expect(text).toContain('利用者及びその家族の生活に対する意向');
      expect(text).toContain('週間計画表');
      // Only the plan is printed: the app's navigation is not.
      expect(text).not.toContain('メインメニュー');
    } finally {
      await context.close();
    }
  }, 300_000);
});
