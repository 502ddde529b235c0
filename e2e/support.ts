// End-to-end support: the real server (demo region on a fresh in-memory PGlite) on a loopback
// port, Debian's Chromium driven by playwright-core, and an axe check helper.
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { startServer, type Running } from '../src/server/boot.js';
import { openDatabase } from '../src/server/db/client.js';
import { loadEnv } from '../src/server/env.js';
import { createLogger } from '../src/server/lib/logger.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DEMO_PASSWORD = 'tsunagu-demo-2026';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
    s.on('error', reject);
  });
}

export interface E2E {
  url: string;
  running: Running;
  browser: Browser;
  newPage(viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export async function startE2E(env: Record<string, string> = {}): Promise<E2E> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium が見つかりません（${CHROMIUM}）。Debian では apt-get install chromium fonts-noto-cjk`);
  if (!existsSync('dist/web/index.html')) throw new Error('Web アプリが未ビルドです。npm run build を先に実行してください（npm test は自動で行います）。');
  const port = await freePort();
  const database = await openDatabase({});
  const running = await startServer(
    loadEnv({
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      BASE_URL: `http://127.0.0.1:${port}`,
      TSUNAGU_SECRET: randomBytes(32).toString('hex'),
      TSUNAGU_DEMO: '1',
      LOG_LEVEL: 'silent',
      ...env,
    }),
    // E2E_LOG=info prints the server's request log (debugging a journey).
    { database, logger: createLogger(process.env.E2E_LOG ?? 'silent') },
  );
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    running,
    browser,
    async newPage(viewport = { width: 1280, height: 900 }) {
      const context = await browser.newContext({ viewport, locale: 'ja-JP', timezoneId: 'Asia/Tokyo', baseURL: url });
      const page = await context.newPage();
      return { context, page };
    },
    async close() {
      await browser.close();
      await running.close();
      await database.close();
    },
  };
}

/** Fails the test on any serious or critical WCAG 2 A/AA violation, listing them. */
export async function expectAccessible(page: Page, label: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
}
