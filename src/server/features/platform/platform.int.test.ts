// The API's public surface: the OpenAPI document, the docs page, the health check, and the
// rule that every other path answers 401 to a caller without a session or token.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson, readProblem, startTestApp, type TestApp } from '../../test/harness.js';

interface Operation {
  tags?: string[];
  summary?: string;
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
}
interface OpenApiDoc {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
/** Reachable without signing in. */
const PUBLIC = new Set(['GET /api/health']);
/** Public-by-token routes (registration forms, survey links, calendar feeds): no session, an unguessable token instead. */
const isTokenPublic = (path: string) => path.startsWith('/api/public/');

let t: TestApp;
let doc: OpenApiDoc;
beforeAll(async () => {
  t = await startTestApp();
  doc = await readJson<OpenApiDoc>(await t.client().get('/api/openapi.json'));
});
afterAll(async () => t?.close());

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).filter(([m]) => METHODS.includes(m)).map(([method, op]) => ({ path, method, op })));

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 with the admin, audit and account paths', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toContain('tsunagu');
    for (const p of ['/api/health', '/api/me', '/api/me/tokens', '/api/me/tokens/{id}', '/api/admin/users', '/api/admin/users/{id}', '/api/admin/offices', '/api/admin/organizations', '/api/admin/municipalities', '/api/admin/audit', '/api/admin/audit/verify'])
      expect(Object.keys(doc.paths)).toContain(p);
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearerAuth', 'cookieAuth']);
  });

  it('gives every operation a summary, a tag and responses, with errors as problem+json', () => {
    for (const { path, method, op } of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(op.summary, where).toBeTruthy();
      expect(op.tags?.length, where).toBeGreaterThan(0);
      expect(Object.keys(op.responses).length, where).toBeGreaterThan(0);
      expect(Object.keys(op.responses).some((s) => s.startsWith('2')), where).toBe(true);
      if (!PUBLIC.has(`${method.toUpperCase()} ${path}`) && !isTokenPublic(path)) expect(op.responses['401']?.content?.['application/problem+json'], where).toBeDefined();
      for (const name of path.match(/\{(\w+)\}/g) ?? []) expect(op.parameters?.some((p) => p.in === 'path' && `{${p.name}}` === name), where).toBe(true);
    }
  });

  it('describes every request body by a named schema generated from the zod contracts', () => {
    const withBody = operations().filter(({ op }) => op.requestBody);
    expect(withBody.length).toBeGreaterThanOrEqual(8);
    for (const { path, method, op } of withBody) {
      // Upload routes (multipart materials, WAM CSV) document their own media type instead.
      if (!op.requestBody!.content['application/json']) {
        expect(Object.keys(op.requestBody!.content).length, `${method} ${path}`).toBeGreaterThan(0);
        continue;
      }
      const ref = op.requestBody!.content['application/json']?.schema.$ref;
      expect(ref, `${method} ${path}`).toMatch(/^#\/components\/schemas\/\w+$/);
      expect(doc.components.schemas[ref!.split('/').pop()!], ref).toBeDefined();
    }
    for (const name of ['CreateUser', 'UpdateUser', 'CreateOffice', 'CreateOrganization', 'UpsertMunicipality', 'CreateApiToken', 'UpdateMe', 'Problem', 'AdminUser', 'Office'])
      expect(Object.keys(doc.components.schemas)).toContain(name);
    // Field labels from the contracts reach the document.
    expect(JSON.stringify(doc.components.schemas.CreateUser)).toContain('メールアドレス');
  });

  it('documents the list convention and its page limit', () => {
    const users = doc.paths['/api/admin/users']!.get!;
    const limit = users.parameters?.find((p) => p.name === 'limit') as { schema?: { maximum?: number } } | undefined;
    expect(limit?.schema?.maximum).toBe(200);
    const schema = JSON.stringify(users.responses['200']?.content?.['application/json']?.schema);
    for (const key of ['items', 'total', 'nextCursor']) expect(schema).toContain(key);
  });

  it('serves the docs page and its script without a session', async () => {
    const page = await t.client().get('/api/docs');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/api/openapi.json');
    const script = await t.client().get('/api/docs.js');
    expect(script.headers.get('content-type')).toContain('javascript');
  });
});

describe('authentication on every path', () => {
  it('answers 401 problem+json to every documented operation but the public ones without a session or token', async () => {
    const checked: string[] = [];
    for (const { path, method } of operations()) {
      const key = `${method.toUpperCase()} ${path}`;
      const url = path.replace(/\{\w+\}/g, randomUUID());
      const res = await t.client().request(url, { method: method.toUpperCase(), ...(method === 'get' || method === 'delete' ? {} : { json: {} }) });
      if (PUBLIC.has(key)) {
        expect(res.status, key).toBe(200);
        continue;
      }
      if (isTokenPublic(path)) {
        // A made-up token opens nothing.
        expect([400, 404, 410], key).toContain(res.status);
        continue;
      }
      const p = await readProblem(res, 401);
      expect(p.code, key).toBe('UNAUTHENTICATED');
      expect(p.detail, key).toBe('ログインが必要です。');
      checked.push(key);
    }
    expect(checked.length).toBeGreaterThanOrEqual(20);
  });

  it('answers 401 to an unknown, garbled or revoked-looking token on every documented operation', async () => {
    for (const authorization of ['Bearer tsg_' + 'A'.repeat(43), 'Bearer not-a-token', 'Bearer ' + 'x'.repeat(5000)]) {
      for (const { path, method } of operations()) {
        const key = `${method.toUpperCase()} ${path}`;
        if (PUBLIC.has(key) || isTokenPublic(path)) continue;
        const url = path.replace(/\{\w+\}/g, randomUUID());
        const res = await t.client().request(url, { method: method.toUpperCase(), headers: { authorization }, origin: null });
        const p = await readProblem(res, 401);
        expect(p.detail, key).toContain('API トークンが無効です');
      }
    }
  });

  it('answers 401 on undocumented API paths too, so their existence is not revealed', async () => {
    for (const path of ['/api/admin', '/api/admin/secret', '/api/nothing-here', '/api/me/other']) await readProblem(await t.client().get(path), 401);
    expect((await t.client().get('/api/openapi.json')).status).toBe(200);
  });
});

describe('health', () => {
  it('reports the database as reachable without a session', async () => {
    const h = await readJson<{ status: string; database: { reachable: boolean; kind: string; latencyMs: number }; demoMode: boolean }>(await t.client().get('/api/health'));
    expect(h).toMatchObject({ status: 'ok', database: { reachable: true, kind: process.env.TEST_DB === 'pg' ? 'postgres' : 'pglite' }, demoMode: false });
    expect(h.database.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('sends security headers on answers and errors alike', async () => {
    for (const res of [await t.client().get('/api/health'), await t.client().get('/api/me')]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-request-id')).toBeTruthy();
    }
  });
});
