import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv, Deps } from '../../deps.js';
import { jsonResponse } from '../../lib/openapi.js';

const HealthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    database: z.object({ reachable: z.boolean(), kind: z.enum(['pglite', 'postgres']), latencyMs: z.number().nullable() }),
    demoMode: z.boolean(),
    time: z.string(),
  })
  .meta({ id: 'Health' });

const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['運用'],
  summary: '稼働状態（データベースへの到達性を含む）',
  security: [],
  responses: { 200: jsonResponse(HealthSchema, '正常'), 503: jsonResponse(HealthSchema, 'データベースに到達できない') },
});

export function platformRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(health, async (c) => {
    const started = performance.now();
    let reachable = true;
    try {
      await Promise.race([
        deps.database.ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000)),
      ]);
    } catch {
      reachable = false;
    }
    const body = {
      status: reachable ? ('ok' as const) : ('degraded' as const),
      database: { reachable, kind: deps.database.kind, latencyMs: reachable ? Math.round(performance.now() - started) : null },
      demoMode: deps.env.demo,
      time: new Date().toISOString(),
    };
    return reachable ? c.json(body, 200) : c.json(body, 503);
  });
  return app;
}

/**
 * A readable API page rendered in the browser from /api/openapi.json, self-contained (no CDN):
 * operations grouped by tag with parameters, request body and responses.
 */
export function renderApiDocsPage(): string {
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>API リファレンス — tsunagu</title>
<style>
body{font-family:"Noto Sans JP","Noto Sans CJK JP",sans-serif;margin:0;color:#1a1a1c;line-height:1.7}
header{background:#0031d8;color:#fff;padding:1rem 1.5rem} header a{color:#fff}
main{max-width:64rem;margin:0 auto;padding:1rem 1.5rem}
section.op{border:1px solid #ccc;border-radius:8px;margin:1rem 0;padding:.5rem 1rem}
.m{display:inline-block;min-width:4.5rem;font-weight:700;font-family:monospace}
.get{color:#005a2b}.post{color:#0031d8}.patch,.put{color:#7a4a00}.delete{color:#b3000c}
code,pre{font-family:ui-monospace,monospace;background:#f1f1f4;border-radius:4px;padding:0 .25rem}
pre{padding:.5rem;overflow:auto;max-height:20rem}
details summary{cursor:pointer}
</style></head>
<body><header><h1>tsunagu API リファレンス</h1><p>機械可読な定義: <a href="/api/openapi.json">/api/openapi.json</a>（OpenAPI 3.1）</p></header>
<main id="main"><p id="status" role="status">読み込み中…</p></main>
<script type="module" src="/api/docs.js"></script></body></html>`;
}

/** The docs page script, separate so the Content-Security-Policy can forbid inline scripts. */
export function renderApiDocsScript(): string {
  return `
const main = document.getElementById('main');
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (ch) => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'}[ch]));
const doc = await (await fetch('/api/openapi.json')).json();
const groups = {};
for (const [p, ops] of Object.entries(doc.paths ?? {})) for (const [m, op] of Object.entries(ops)) {
  const tag = (op.tags ?? ['その他'])[0]; (groups[tag] ??= []).push({ p, m, op });
}
let html = '<p>' + esc(doc.info?.description) + '</p><nav aria-label="目次"><ul>' +
  Object.keys(groups).map((t, i) => '<li><a href="#g' + i + '">' + esc(t) + '</a></li>').join('') + '</ul></nav>';
Object.entries(groups).forEach(([tag, ops], i) => {
  html += '<h2 id="g' + i + '">' + esc(tag) + '</h2>';
  for (const { p, m, op } of ops) {
    html += '<section class="op"><h3><span class="m ' + m + '">' + m.toUpperCase() + '</span> <code>' + esc(p) + '</code></h3><p>' + esc(op.summary) + '</p>';
    if (op.parameters?.length) html += '<h4>パラメーター</h4><ul>' + op.parameters.map((x) => '<li><code>' + esc(x.name) + '</code> (' + esc(x.in) + (x.required ? '・必須' : '') + ') ' + esc(x.schema?.description ?? x.description ?? '') + '</li>').join('') + '</ul>';
    const body = op.requestBody?.content?.['application/json']?.schema;
    if (body) html += '<details><summary>リクエスト本文</summary><pre>' + esc(JSON.stringify(body, null, 2)) + '</pre></details>';
    html += '<h4>応答</h4><ul>' + Object.entries(op.responses ?? {}).map(([s, r]) => '<li><code>' + esc(s) + '</code> ' + esc(r.description) + '</li>').join('') + '</ul></section>';
  }
});
if (doc.components?.schemas) html += '<h2>スキーマ</h2>' + Object.entries(doc.components.schemas).map(([n, s]) => '<details><summary>' + esc(n) + '</summary><pre>' + esc(JSON.stringify(s, null, 2)) + '</pre></details>').join('');
main.innerHTML = html;
`;
}
