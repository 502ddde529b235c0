// Thin routes: guard, validate with the shared contract, call one service, serialise.
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { PeopleListQuerySchema, PersonProfileSchema, UpdatePersonProfileSchema } from '../../../shared/contracts/people.js';
import type { AppEnv, Deps } from '../../deps.js';
import { requireActor, requirePermission } from '../../lib/guards.js';
import { hookFor, jsonBody, jsonResponse, standardErrors } from '../../lib/openapi.js';
import { PageQuerySchema, listOf } from '../../lib/pagination.js';
import { getPerson, listPeople, listProfileHistory, updatePersonProfile } from './people.js';

const IdParam = z.object({ id: z.string().max(100) });
const tags = ['人材（相談支援専門員・コーディネーター）'];
const HistorySchema = z
  .object({
    items: z.array(
      z.object({
        at: z.string(),
        by: z.object({ id: z.string(), name: z.string() }).nullable(),
        changed: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
      }),
    ),
  })
  .meta({ id: 'PersonProfileHistory' });

const routes = {
  list: createRoute({
    method: 'get',
    path: '/people',
    tags,
    summary: '相談支援専門員・コーディネーターの一覧（よみ順、担当件数は実際の担当から集計）',
    request: { query: PageQuerySchema.extend(PeopleListQuerySchema.shape) },
    responses: { 200: jsonResponse(listOf(PersonProfileSchema), '一覧'), ...standardErrors },
  }),
  get: createRoute({ method: 'get', path: '/people/{id}', tags, summary: 'プロフィール', request: { params: IdParam }, responses: { 200: jsonResponse(PersonProfileSchema, 'プロフィール'), ...standardErrors } }),
  update: createRoute({
    method: 'put',
    path: '/people/{id}',
    tags,
    summary: 'プロフィールの登録・更新（本人・コーディネーター・管理者。変更はアクセスログに記録）',
    request: { params: IdParam, body: jsonBody(UpdatePersonProfileSchema) },
    responses: { 200: jsonResponse(PersonProfileSchema, '更新したプロフィール'), ...standardErrors },
  }),
  history: createRoute({ method: 'get', path: '/people/{id}/history', tags, summary: 'プロフィールの変更履歴（本人・コーディネーター・管理者）', request: { params: IdParam }, responses: { 200: jsonResponse(HistorySchema, '変更履歴（新しい順）'), ...standardErrors } }),
};

export function peopleRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db } = deps;
  app.openapi(routes.list, async (c) => {
    requirePermission(c, 'read:people');
    const { limit, cursor, hasCapacity, trainingCompleted, ...rest } = c.req.valid('query');
    const filter = {
      ...rest,
      hasCapacity: hasCapacity === undefined ? undefined : hasCapacity === 'true',
      trainingCompleted: trainingCompleted === undefined ? undefined : trainingCompleted === 'true',
    };
    return c.json(await listPeople({ db, filter, limit, cursor }), 200);
  }, hookFor(routes.list));
  app.openapi(routes.get, async (c) => {
    requirePermission(c, 'read:people');
    return c.json(await getPerson({ db, userId: c.req.valid('param').id }), 200);
  }, hookFor(routes.get));
  app.openapi(routes.update, async (c) => {
    const actor = requireActor(c); // self or manage:people, decided in the service
    return c.json(await updatePersonProfile({ db, actor, userId: c.req.valid('param').id, input: c.req.valid('json') }), 200);
  }, hookFor(routes.update));
  app.openapi(routes.history, async (c) => {
    const actor = requirePermission(c, 'read:people');
    return c.json(await listProfileHistory({ db, actor, userId: c.req.valid('param').id }), 200);
  }, hookFor(routes.history));
  return app;
}
