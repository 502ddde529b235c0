// Thin routes: guard, validate with the shared contract, call one service, serialise.
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  CreateOfficeSchema,
  CreateOrganizationSchema,
  MunicipalitySchema,
  OfficeListQuerySchema,
  OfficeSchema,
  OrganizationSchema,
  UpdateOfficeSchema,
  UpdateOrganizationSchema,
  UpsertMunicipalitySchema,
} from '../../../shared/contracts/region.js';
import { AdminUserSchema, CreateUserSchema, DisableUserSchema, UpdateUserSchema, UserListQuerySchema } from '../../../shared/contracts/users.js';
import type { AppEnv, Deps } from '../../deps.js';
import { permit, requirePermission } from '../../lib/guards.js';
import { hookFor, jsonBody, jsonResponse, standardErrors } from '../../lib/openapi.js';
import { PageQuerySchema, listOf } from '../../lib/pagination.js';
import { upsertMunicipality } from './municipalities.js';
import { createOffice, deleteOffice, getOffice, listOffices, updateOffice } from './offices.js';
import { createOrganization, deleteOrganization, listOrganizations, updateOrganization } from './organizations.js';
import { createUser, disableUser, enableUser, getUser, listUsers, resetTwoFactor, updateUser } from './users.js';

const IdParam = z.object({ id: z.string().max(100) });
const R = (tag: string) => ({ tags: [tag] });

const routes = {
  upsertMunicipality: createRoute({ ...permit('manage:region'), method: 'put', path: '/municipalities', ...R('管理: 地域'), summary: '市区町村の登録・更新', request: { body: jsonBody(UpsertMunicipalitySchema) }, responses: { 200: jsonResponse(MunicipalitySchema, '登録した市区町村'), ...standardErrors } }),
  listOrganizations: createRoute({ ...permit('manage:region'), method: 'get', path: '/organizations', ...R('管理: 地域'), summary: '法人の一覧（よみ順）', request: { query: PageQuerySchema.extend({ q: z.string().max(100).optional() }) }, responses: { 200: jsonResponse(listOf(OrganizationSchema), '一覧'), ...standardErrors } }),
  createOrganization: createRoute({ ...permit('manage:region'), method: 'post', path: '/organizations', ...R('管理: 地域'), summary: '法人の登録', request: { body: jsonBody(CreateOrganizationSchema) }, responses: { 201: jsonResponse(OrganizationSchema, '登録した法人'), ...standardErrors } }),
  updateOrganization: createRoute({ ...permit('manage:region'), method: 'patch', path: '/organizations/{id}', ...R('管理: 地域'), summary: '法人の更新', request: { params: IdParam, body: jsonBody(UpdateOrganizationSchema) }, responses: { 200: jsonResponse(OrganizationSchema, '更新した法人'), ...standardErrors } }),
  deleteOrganization: createRoute({ ...permit('manage:region'), method: 'delete', path: '/organizations/{id}', ...R('管理: 地域'), summary: '法人の削除（事業所は残り、法人の紐付けが外れる）', request: { params: IdParam }, responses: { 204: { description: '削除しました' }, ...standardErrors } }),
  listOffices: createRoute({ ...permit('manage:region'), method: 'get', path: '/offices', ...R('管理: 地域'), summary: '事業所の一覧（よみ順）', request: { query: PageQuerySchema.extend(OfficeListQuerySchema.shape) }, responses: { 200: jsonResponse(listOf(OfficeSchema), '一覧'), ...standardErrors } }),
  getOffice: createRoute({ ...permit('manage:region'), method: 'get', path: '/offices/{id}', ...R('管理: 地域'), summary: '事業所', request: { params: IdParam }, responses: { 200: jsonResponse(OfficeSchema, '事業所'), ...standardErrors } }),
  createOffice: createRoute({ ...permit('manage:region'), method: 'post', path: '/offices', ...R('管理: 地域'), summary: '事業所の登録', request: { body: jsonBody(CreateOfficeSchema) }, responses: { 201: jsonResponse(OfficeSchema, '登録した事業所'), ...standardErrors } }),
  updateOffice: createRoute({ ...permit('manage:region'), method: 'patch', path: '/offices/{id}', ...R('管理: 地域'), summary: '事業所の更新', request: { params: IdParam, body: jsonBody(UpdateOfficeSchema) }, responses: { 200: jsonResponse(OfficeSchema, '更新した事業所'), ...standardErrors } }),
  deleteOffice: createRoute({ ...permit('manage:region'), method: 'delete', path: '/offices/{id}', ...R('管理: 地域'), summary: '事業所の削除', request: { params: IdParam }, responses: { 204: { description: '削除しました' }, ...standardErrors } }),
  listUsers: createRoute({ ...permit('manage:users'), method: 'get', path: '/users', ...R('管理: アカウント'), summary: 'アカウントの一覧（よみ順）', request: { query: PageQuerySchema.extend(UserListQuerySchema.shape) }, responses: { 200: jsonResponse(listOf(AdminUserSchema), '一覧'), ...standardErrors } }),
  getUser: createRoute({ ...permit('manage:users'), method: 'get', path: '/users/{id}', ...R('管理: アカウント'), summary: 'アカウント', request: { params: IdParam }, responses: { 200: jsonResponse(AdminUserSchema, 'アカウント'), ...standardErrors } }),
  createUser: createRoute({ ...permit('manage:users'), method: 'post', path: '/users', ...R('管理: アカウント'), summary: 'アカウントの作成', request: { body: jsonBody(CreateUserSchema) }, responses: { 201: jsonResponse(AdminUserSchema, '作成したアカウント'), ...standardErrors } }),
  updateUser: createRoute({ ...permit('manage:users'), method: 'patch', path: '/users/{id}', ...R('管理: アカウント'), summary: '役割・所属・市区町村の変更', request: { params: IdParam, body: jsonBody(UpdateUserSchema) }, responses: { 200: jsonResponse(AdminUserSchema, '更新したアカウント'), ...standardErrors } }),
  disableUser: createRoute({ ...permit('manage:users'), method: 'post', path: '/users/{id}/disable', ...R('管理: アカウント'), summary: '無効化（全セッション終了・API トークン失効）', request: { params: IdParam, body: { required: false, content: { 'application/json': { schema: DisableUserSchema } } } }, responses: { 200: jsonResponse(AdminUserSchema, '無効化したアカウント'), ...standardErrors } }),
  enableUser: createRoute({ ...permit('manage:users'), method: 'post', path: '/users/{id}/enable', ...R('管理: アカウント'), summary: '有効化', request: { params: IdParam }, responses: { 200: jsonResponse(AdminUserSchema, '有効化したアカウント'), ...standardErrors } }),
  resetTwoFactor: createRoute({ ...permit('manage:users'), method: 'post', path: '/users/{id}/reset-2fa', ...R('管理: アカウント'), summary: '二要素認証のリセット（再登録が必要になる）', request: { params: IdParam }, responses: { 200: jsonResponse(AdminUserSchema, 'リセットしたアカウント'), ...standardErrors } }),
};

export function adminRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db } = deps;
  const r = routes;

  app.openapi(r.upsertMunicipality, async (c) => {
    const actor = requirePermission(c, 'manage:region');
    return c.json(await upsertMunicipality({ db, audit: actor.audit, input: c.req.valid('json') }), 200);
  }, hookFor(r.upsertMunicipality));

  app.openapi(r.listOrganizations, async (c) => {
    requirePermission(c, 'manage:region');
    return c.json(await listOrganizations({ db, ...c.req.valid('query') }), 200);
  }, hookFor(r.listOrganizations));
  app.openapi(r.createOrganization, async (c) => {
    const actor = requirePermission(c, 'manage:region');
    return c.json(await createOrganization({ db, audit: actor.audit, input: c.req.valid('json') }), 201);
  }, hookFor(r.createOrganization));
  app.openapi(r.updateOrganization, async (c) => {
    const actor = requirePermission(c, 'manage:region');
    return c.json(await updateOrganization({ db, audit: actor.audit, id: c.req.valid('param').id, input: c.req.valid('json') }), 200);
  }, hookFor(r.updateOrganization));
  app.openapi(r.deleteOrganization, async (c) => {
    const actor = requirePermission(c, 'manage:region');
    await deleteOrganization({ db, audit: actor.audit, id: c.req.valid('param').id });
    return c.body(null, 204);
  }, hookFor(r.deleteOrganization));

  app.openapi(r.listOffices, async (c) => {
    requirePermission(c, 'manage:region');
    return c.json(await listOffices({ db, ...c.req.valid('query') }), 200);
  }, hookFor(r.listOffices));
  app.openapi(r.getOffice, async (c) => {
    requirePermission(c, 'manage:region');
    return c.json(await getOffice({ db, id: c.req.valid('param').id }), 200);
  }, hookFor(r.getOffice));
  app.openapi(r.createOffice, async (c) => {
    const actor = requirePermission(c, 'manage:region');
    return c.json(await createOffice({ db, audit: actor.audit, input: c.req.valid('json') }), 201);
  }, hookFor(r.createOffice));
  app.openapi(r.updateOffice, async (c) => {
    const actor = requirePermission(c, 'manage:region');
    return c.json(await updateOffice({ db, audit: actor.audit, id: c.req.valid('param').id, input: c.req.valid('json') }), 200);
  }, hookFor(r.updateOffice));
  app.openapi(r.deleteOffice, async (c) => {
    const actor = requirePermission(c, 'manage:region');
    await deleteOffice({ db, audit: actor.audit, id: c.req.valid('param').id });
    return c.body(null, 204);
  }, hookFor(r.deleteOffice));

  app.openapi(r.listUsers, async (c) => {
    requirePermission(c, 'manage:users');
    const q = c.req.valid('query');
    return c.json(await listUsers({ db, ...q, disabled: q.disabled === undefined ? undefined : q.disabled === 'true' }), 200);
  }, hookFor(r.listUsers));
  app.openapi(r.getUser, async (c) => {
    requirePermission(c, 'manage:users');
    return c.json(await getUser({ db, id: c.req.valid('param').id }), 200);
  }, hookFor(r.getUser));
  app.openapi(r.createUser, async (c) => {
    const actor = requirePermission(c, 'manage:users');
    return c.json(await createUser({ db, audit: actor.audit, input: c.req.valid('json') }), 201);
  }, hookFor(r.createUser));
  app.openapi(r.updateUser, async (c) => {
    const actor = requirePermission(c, 'manage:users');
    return c.json(await updateUser({ db, audit: actor.audit, id: c.req.valid('param').id, input: c.req.valid('json'), actorUserId: actor.userId }), 200);
  }, hookFor(r.updateUser));
  app.openapi(r.disableUser, async (c) => {
    const actor = requirePermission(c, 'manage:users');
    const { reason } = c.req.valid('json');
    return c.json(await disableUser({ db, audit: actor.audit, id: c.req.valid('param').id, reason, actorUserId: actor.userId }), 200);
  }, hookFor(r.disableUser));
  app.openapi(r.enableUser, async (c) => {
    const actor = requirePermission(c, 'manage:users');
    return c.json(await enableUser({ db, audit: actor.audit, id: c.req.valid('param').id }), 200);
  }, hookFor(r.enableUser));
  app.openapi(r.resetTwoFactor, async (c) => {
    const actor = requirePermission(c, 'manage:users');
    return c.json(await resetTwoFactor({ db, audit: actor.audit, id: c.req.valid('param').id }), 200);
  }, hookFor(r.resetTwoFactor));

  return app;
}
