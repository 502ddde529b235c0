import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  CreateGlossaryTermSchema,
  GlossaryListQuerySchema,
  GlossaryRevisionSchema,
  GlossaryTermSchema,
  LinkedTextSchema,
  LinkTextRequestSchema,
  UpdateGlossaryTermSchema,
} from '../../../shared/contracts/glossary.js';
import type { AppEnv, Deps } from '../../deps.js';
import { requirePermission } from '../../lib/guards.js';
import { hookFor, jsonBody, jsonResponse, standardErrors } from '../../lib/openapi.js';
import { listOf } from '../../lib/pagination.js';
import { createGlossaryTerm, deleteGlossaryTerm, getGlossaryTerm, linkTextWithGlossary, listGlossary, listGlossaryRevisions, updateGlossaryTerm } from './glossary.js';

const tags = ['医ケア「基本のキ」用語集'];
const Id = z.object({ id: z.string().max(100) });
const routes = {
  list: createRoute({ method: 'get', path: '/glossary', tags, summary: '用語の一覧・検索（ひらがな・カタカナ・全角半角を区別しない部分一致）', request: { query: GlossaryListQuerySchema }, responses: { 200: jsonResponse(listOf(GlossaryTermSchema), '一覧（完全一致・前方一致・よみ順）'), ...standardErrors } }),
  get: createRoute({ method: 'get', path: '/glossary/{id}', tags, summary: '用語', request: { params: Id }, responses: { 200: jsonResponse(GlossaryTermSchema, '用語'), ...standardErrors } }),
  create: createRoute({ method: 'post', path: '/glossary', tags, summary: '用語の追加', request: { body: jsonBody(CreateGlossaryTermSchema) }, responses: { 201: jsonResponse(GlossaryTermSchema, '用語'), ...standardErrors } }),
  update: createRoute({ method: 'patch', path: '/glossary/{id}', tags, summary: '用語の編集（版管理。expectedVersion が古いと 409）', request: { params: Id, body: jsonBody(UpdateGlossaryTermSchema) }, responses: { 200: jsonResponse(GlossaryTermSchema, '用語'), ...standardErrors } }),
  remove: createRoute({ method: 'delete', path: '/glossary/{id}', tags, summary: '用語の削除（履歴も削除。削除した版は操作記録に残る。expectedVersion が古いと 409）', request: { params: Id, query: z.object({ expectedVersion: z.coerce.number().int().min(1).meta({ title: '削除する版' }) }) }, responses: { 204: { description: '削除しました' }, ...standardErrors } }),
  revisions: createRoute({ method: 'get', path: '/glossary/{id}/revisions', tags, summary: '用語の編集履歴', request: { params: Id }, responses: { 200: jsonResponse(listOf(GlossaryRevisionSchema), '履歴（新しい順）'), ...standardErrors } }),
  link: createRoute({ method: 'post', path: '/glossary/link', tags, summary: 'テキスト中の用語を見つけて区切る（記録のメモなどに使う）', request: { body: jsonBody(LinkTextRequestSchema) }, responses: { 200: jsonResponse(z.object({ segments: LinkedTextSchema }), '区切ったテキスト'), ...standardErrors } }),
};

export function glossaryRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db } = deps;
  app.openapi(routes.list, async (c) => {
    requirePermission(c, 'read:glossary');
    return c.json(await listGlossary({ db, ...c.req.valid('query') }), 200);
  }, hookFor(routes.list));
  app.openapi(routes.link, async (c) => {
    requirePermission(c, 'read:glossary');
    const [segments] = await linkTextWithGlossary(db, [c.req.valid('json').text]);
    return c.json({ segments: segments! }, 200);
  }, hookFor(routes.link));
  app.openapi(routes.get, async (c) => {
    requirePermission(c, 'read:glossary');
    return c.json(await getGlossaryTerm({ db, id: c.req.valid('param').id }), 200);
  }, hookFor(routes.get));
  app.openapi(routes.create, async (c) => {
    const actor = requirePermission(c, 'edit:glossary');
    return c.json(await createGlossaryTerm({ db, actor, input: c.req.valid('json') }), 201);
  }, hookFor(routes.create));
  app.openapi(routes.update, async (c) => {
    const actor = requirePermission(c, 'edit:glossary');
    return c.json(await updateGlossaryTerm({ db, actor, id: c.req.valid('param').id, input: c.req.valid('json') }), 200);
  }, hookFor(routes.update));
  app.openapi(routes.remove, async (c) => {
    const actor = requirePermission(c, 'edit:glossary');
    await deleteGlossaryTerm({ db, actor, id: c.req.valid('param').id, expectedVersion: c.req.valid('query').expectedVersion });
    return c.body(null, 204);
  }, hookFor(routes.remove));
  app.openapi(routes.revisions, async (c) => {
    requirePermission(c, 'read:glossary');
    return c.json(await listGlossaryRevisions({ db, id: c.req.valid('param').id }), 200);
  }, hookFor(routes.revisions));
  return app;
}
