// The server hands out the built web app: index.html for every page address (the router runs
// in the browser), hashed assets with a long cache, and a Japanese 503 while nothing is built.
// A new build is picked up without restarting the server.
import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './test/harness.js';

const dist = path.resolve(`tmp/web-shell-${process.pid}-${Math.random().toString(36).slice(2)}`);
let t: TestApp;

beforeAll(async () => {
  rmSync(dist, { recursive: true, force: true });
  t = await startTestApp({ WEB_DIST_DIR: dist });
});
afterAll(async () => {
  await t?.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('the web shell', () => {
  it('answers 503 in Japanese while the web app is not built, then serves a build made after start', async () => {
    const before = await fetch(`${t.url}/clients`);
    expect(before.status).toBe(503);
    expect(await before.text()).toContain('Web アプリが未ビルドです');

    mkdirSync(path.join(dist, 'assets'), { recursive: true });
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>build 1</title>');
    writeFileSync(path.join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
    const page = await fetch(`${t.url}/clients/some-id/plan`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('build 1');

    const asset = await fetch(`${t.url}/assets/app-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('serves the new index.html after a rebuild, and keeps unknown API paths as JSON 404s', async () => {
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>build 2</title>');
    // File systems with coarse timestamps: make sure the modification time moves.
    const later = new Date(Date.now() + 5_000);
    utimesSync(path.join(dist, 'index.html'), later, later);
    expect(await (await fetch(`${t.url}/evacuation`)).text()).toContain('build 2');

    const { client } = await t.signedIn(['viewer']);
    const api = await client.get('/api/no-such-thing');
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
  });
});
