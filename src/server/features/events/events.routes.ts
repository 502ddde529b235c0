// Thin routes for meetings and training sessions: guard, validate, one service call.
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import QRCode from 'qrcode';
import { z } from 'zod';
import {
  AssignGroupsSchema,
  CheckInSchema,
  CreateEventSchema,
  EventGroupSchema,
  EventListQuerySchema,
  EventMaterialSchema,
  EventSchema,
  EventStatsSchema,
  MemberRegisterSchema,
  PutGroupsSchema,
  RegistrationListQuerySchema,
  RegistrationSchema,
  StaffAddRegistrationSchema,
  UpdateEventSchema,
  UpdateRegistrationSchema,
} from '../../../shared/contracts/events.js';
import type { AppEnv, Deps } from '../../deps.js';
import { AppError, forbidden } from '../../lib/errors.js';
import { requirePermission } from '../../lib/guards.js';
import { hookFor, jsonBody, jsonResponse, standardErrors } from '../../lib/openapi.js';
import { PageQuerySchema, listOf } from '../../lib/pagination.js';
import { can } from '../permissions.js';
import { createCalendarFeed, revokeCalendarFeed, toIcsEvent } from './calendar-feed.js';
import { createEvent, deleteEvent, getEvent, getEventRow, listEvents, updateEvent } from './events.js';
import { buildCalendar } from './ics.js';
import { contentDisposition, deleteMaterial, getMaterialContent, listMaterials, uploadMaterial } from './materials.js';
import {
  addRegistration,
  autoAssignGroups,
  cancelMyRegistration,
  checkIn,
  eventStats,
  getRegistration,
  listGroups,
  listRegistrations,
  putGroups,
  registerMember,
  updateRegistration,
} from './registrations.js';

const tags = ['ネットワーク活動: 行事'];
const Id = z.object({ id: z.string().max(100) });
const IdReg = z.object({ id: z.string().max(100), rid: z.string().max(100) });
const IdMat = z.object({ id: z.string().max(100), mid: z.string().max(100) });
const text = (type: string, description: string) => ({ description, content: { [type]: { schema: z.string() } } });

/** Paths whose POST may carry a file upload larger than the default body limit (see app.ts). */
export const MATERIAL_UPLOAD_PATH = /^\/api\/events\/[^/]+\/materials$/;

const routes = {
  list: createRoute({ method: 'get', path: '/events', tags, summary: '行事の一覧（カレンダー・リスト表示。期間は東京の日付）', request: { query: PageQuerySchema.extend(EventListQuerySchema.shape) }, responses: { 200: jsonResponse(listOf(EventSchema), '一覧（開始日時順）'), ...standardErrors } }),
  create: createRoute({ method: 'post', path: '/events', tags, summary: '行事の登録', request: { body: jsonBody(CreateEventSchema) }, responses: { 201: jsonResponse(EventSchema, '登録した行事'), ...standardErrors } }),
  get: createRoute({ method: 'get', path: '/events/{id}', tags, summary: '行事', request: { params: Id }, responses: { 200: jsonResponse(EventSchema, '行事'), ...standardErrors } }),
  update: createRoute({ method: 'patch', path: '/events/{id}', tags, summary: '行事の更新（議事録・中止・定員変更を含む。定員を増やすとキャンセル待ちから繰り上げ）', request: { params: Id, body: jsonBody(UpdateEventSchema) }, responses: { 200: jsonResponse(EventSchema, '更新した行事'), ...standardErrors } }),
  remove: createRoute({ method: 'delete', path: '/events/{id}', tags, summary: '行事の削除', request: { params: Id }, responses: { 204: { description: '削除しました' }, ...standardErrors } }),
  ics: createRoute({ method: 'get', path: '/events/{id}/event.ics', tags, summary: '行事の iCalendar ファイル', request: { params: Id }, responses: { 200: text('text/calendar', 'iCalendar'), ...standardErrors } }),
  register: createRoute({ method: 'post', path: '/events/{id}/registration', tags, summary: '参加申込（ワンクリック。満席ならキャンセル待ち）', request: { params: Id, body: { required: false, content: { 'application/json': { schema: MemberRegisterSchema } } } }, responses: { 201: jsonResponse(EventSchema, '申込後の行事（myRegistration に状態）'), ...standardErrors } }),
  unregister: createRoute({ method: 'delete', path: '/events/{id}/registration', tags, summary: '自分の申込の取り消し（空いた席はキャンセル待ちの先頭へ）', request: { params: Id }, responses: { 204: { description: '取り消しました' }, ...standardErrors } }),
  registrations: createRoute({ method: 'get', path: '/events/{id}/registrations', tags, summary: '申込者の一覧（受付・グループ分け用）', request: { params: Id, query: RegistrationListQuerySchema }, responses: { 200: jsonResponse(listOf(RegistrationSchema), '一覧（申込順）'), ...standardErrors } }),
  addRegistration: createRoute({ method: 'post', path: '/events/{id}/registrations', tags, summary: '申込者の追加（講師・ファシリテーター・当日参加）', request: { params: Id, body: jsonBody(StaffAddRegistrationSchema) }, responses: { 201: jsonResponse(RegistrationSchema, '追加した申込'), ...standardErrors } }),
  updateRegistration: createRoute({ method: 'patch', path: '/events/{id}/registrations/{rid}', tags, summary: '申込の変更（グループ・職種・取り消し）', request: { params: IdReg, body: jsonBody(UpdateRegistrationSchema) }, responses: { 200: jsonResponse(RegistrationSchema, '変更した申込'), ...standardErrors } }),
  qr: createRoute({ method: 'get', path: '/events/{id}/registrations/{rid}/qr.svg', tags, summary: '受付用 QR コード（SVG。本人または主催者）', request: { params: IdReg }, responses: { 200: text('image/svg+xml', 'QR コード'), ...standardErrors } }),
  checkIn: createRoute({ method: 'post', path: '/events/{id}/check-in', tags, summary: '当日受付（一覧から、または QR の受付コードで）', request: { params: Id, body: jsonBody(CheckInSchema) }, responses: { 200: jsonResponse(RegistrationSchema, '受付した申込'), ...standardErrors } }),
  stats: createRoute({ method: 'get', path: '/events/{id}/stats', tags, summary: '参加者数（市別・職種別、受付済み）', request: { params: Id }, responses: { 200: jsonResponse(EventStatsSchema, '集計'), ...standardErrors } }),
  groups: createRoute({ method: 'get', path: '/events/{id}/groups', tags, summary: 'グループワークのグループとメンバー', request: { params: Id }, responses: { 200: jsonResponse(z.object({ items: z.array(EventGroupSchema) }), 'グループ'), ...standardErrors } }),
  putGroups: createRoute({ method: 'put', path: '/events/{id}/groups', tags, summary: 'グループの設定（ファシリテーター・発表内容）', request: { params: Id, body: jsonBody(PutGroupsSchema) }, responses: { 200: jsonResponse(z.object({ items: z.array(EventGroupSchema) }), 'グループ'), ...standardErrors } }),
  assignGroups: createRoute({ method: 'post', path: '/events/{id}/groups/assign', tags, summary: 'グループの自動割り振り（市が混ざるように均等に）', request: { params: Id, body: jsonBody(AssignGroupsSchema) }, responses: { 200: jsonResponse(z.object({ items: z.array(EventGroupSchema) }), 'グループ'), ...standardErrors } }),
  materials: createRoute({ method: 'get', path: '/events/{id}/materials', tags, summary: '資料の一覧', request: { params: Id }, responses: { 200: jsonResponse(listOf(EventMaterialSchema), '一覧'), ...standardErrors } }),
  download: createRoute({ method: 'get', path: '/events/{id}/materials/{mid}', tags, summary: '資料のダウンロード', request: { params: IdMat }, responses: { 200: { description: 'ファイル（Content-Disposition: attachment）', content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } } }, ...standardErrors } }),
  deleteMaterial: createRoute({ method: 'delete', path: '/events/{id}/materials/{mid}', tags, summary: '資料の削除', request: { params: IdMat }, responses: { 204: { description: '削除しました' }, ...standardErrors } }),
  createFeed: createRoute({ method: 'post', path: '/me/calendar-feed', tags, summary: '個人用カレンダー（iCalendar）URL の発行（前の URL は無効になる）', responses: { 201: jsonResponse(z.object({ url: z.string() }), 'カレンダーアプリに登録する URL'), ...standardErrors } }),
  revokeFeed: createRoute({ method: 'delete', path: '/me/calendar-feed', tags, summary: '個人用カレンダー URL の無効化', responses: { 204: { description: '無効にしました' }, ...standardErrors } }),
};

export function eventRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db } = deps;
  const baseUrl = deps.env.baseUrl;
  const storage = { kind: deps.env.materialStorage, dir: deps.env.materialDir };
  const r = routes;

  app.openapi(r.list, async (c) => {
    const actor = requirePermission(c, 'read:events');
    const q = c.req.valid('query');
    return c.json(await listEvents({ db, actor, baseUrl, ...q, mine: q.mine === 'true' }), 200);
  }, hookFor(r.list));
  app.openapi(r.create, async (c) => {
    const actor = requirePermission(c, 'manage:events');
    return c.json(await createEvent({ db, actor, baseUrl, input: c.req.valid('json') }), 201);
  }, hookFor(r.create));
  app.openapi(r.get, async (c) => {
    const actor = requirePermission(c, 'read:events');
    return c.json(await getEvent({ db, actor, baseUrl, id: c.req.valid('param').id }), 200);
  }, hookFor(r.get));
  app.openapi(r.update, async (c) => {
    const actor = requirePermission(c, 'manage:events');
    return c.json(await updateEvent({ db, actor, baseUrl, id: c.req.valid('param').id, input: c.req.valid('json') }), 200);
  }, hookFor(r.update));
  app.openapi(r.remove, async (c) => {
    const actor = requirePermission(c, 'manage:events');
    await deleteEvent({ db, audit: actor.audit, id: c.req.valid('param').id, storage });
    return c.body(null, 204);
  }, hookFor(r.remove));
  app.openapi(r.ics, async (c) => {
    requirePermission(c, 'read:events');
    const e = await getEventRow(db, c.req.valid('param').id);
    const body = buildCalendar({ name: e.title, events: [toIcsEvent(e)], baseUrl, host: new URL(baseUrl).host });
    return c.body(body, 200, { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': contentDisposition(`${e.title}.ics`) }) as never;
  }, hookFor(r.ics));

  app.openapi(r.register, async (c) => {
    const actor = requirePermission(c, 'register:events');
    const id = c.req.valid('param').id;
    const raw = await c.req.json().catch(() => ({}));
    const parsed = MemberRegisterSchema.safeParse(raw ?? {});
    if (!parsed.success) throw new AppError('VALIDATION_FAILED', '入力内容に誤りがあります。');
    await registerMember({ db, actor, eventId: id, input: parsed.data });
    return c.json(await getEvent({ db, actor, baseUrl, id }), 201);
  }, hookFor(r.register));
  app.openapi(r.unregister, async (c) => {
    const actor = requirePermission(c, 'register:events');
    await cancelMyRegistration({ db, actor, eventId: c.req.valid('param').id, baseUrl });
    return c.body(null, 204);
  }, hookFor(r.unregister));

  app.openapi(r.registrations, async (c) => {
    requirePermission(c, 'manage:events');
    return c.json(await listRegistrations({ db, eventId: c.req.valid('param').id, ...c.req.valid('query') }), 200);
  }, hookFor(r.registrations));
  app.openapi(r.addRegistration, async (c) => {
    const actor = requirePermission(c, 'manage:events');
    return c.json(await addRegistration({ db, actor, eventId: c.req.valid('param').id, input: c.req.valid('json') }), 201);
  }, hookFor(r.addRegistration));
  app.openapi(r.updateRegistration, async (c) => {
    const actor = requirePermission(c, 'manage:events');
    const p = c.req.valid('param');
    return c.json(await updateRegistration({ db, actor, eventId: p.id, id: p.rid, baseUrl, input: c.req.valid('json') }), 200);
  }, hookFor(r.updateRegistration));
  app.openapi(r.qr, async (c) => {
    const actor = requirePermission(c, 'read:events');
    const p = c.req.valid('param');
    const reg = await getRegistration({ db, eventId: p.id, id: p.rid });
    if (reg.userId !== actor.userId && !can(actor, 'manage:events')) throw forbidden('自分の申込の QR コードのみ表示できます。');
    const svg = await QRCode.toString(reg.checkInCode, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
    return c.body(svg, 200, { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'private, no-store' }) as never;
  }, hookFor(r.qr));
  app.openapi(r.checkIn, async (c) => {
    const actor = requirePermission(c, 'manage:events');
    const b = c.req.valid('json');
    return c.json(await checkIn({ db, actor, eventId: c.req.valid('param').id, ...b }), 200);
  }, hookFor(r.checkIn));
  app.openapi(r.stats, async (c) => {
    requirePermission(c, 'read:event-stats');
    return c.json(await eventStats({ db, eventId: c.req.valid('param').id }), 200);
  }, hookFor(r.stats));

  app.openapi(r.groups, async (c) => {
    requirePermission(c, 'read:events');
    return c.json(await listGroups({ db, eventId: c.req.valid('param').id }), 200);
  }, hookFor(r.groups));
  app.openapi(r.putGroups, async (c) => {
    const actor = requirePermission(c, 'manage:events');
    return c.json(await putGroups({ db, actor, eventId: c.req.valid('param').id, input: c.req.valid('json') }), 200);
  }, hookFor(r.putGroups));
  app.openapi(r.assignGroups, async (c) => {
    const actor = requirePermission(c, 'manage:events');
    return c.json(await autoAssignGroups({ db, actor, eventId: c.req.valid('param').id, ...c.req.valid('json') }), 200);
  }, hookFor(r.assignGroups));

  app.openapi(r.materials, async (c) => {
    requirePermission(c, 'read:events');
    return c.json(await listMaterials({ db, eventId: c.req.valid('param').id }), 200);
  }, hookFor(r.materials));
  // Upload: multipart/form-data with a `file` field. Registered by hand in the OpenAPI document
  // (below) because the zod validator would try to parse the file as a form field.
  app.post('/events/:id/materials', async (c) => {
    const actor = requirePermission(c, 'manage:events');
    const type = c.req.header('content-type') ?? '';
    if (!type.startsWith('multipart/form-data')) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'multipart/form-data の file 欄でファイルを送ってください。');
    const form = await c.req.parseBody();
    const file = form['file'];
    if (!(file instanceof File))
      throw new AppError('VALIDATION_FAILED', 'ファイルを選んでください。', { fields: [{ field: 'file', label: 'ファイル', message: 'ファイル: 選ばれていません' }] });
    return c.json(await uploadMaterial({ db, actor, eventId: c.req.param('id'), file, maxBytes: deps.env.materialMaxBytes, storage }), 201);
  });
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/events/{id}/materials',
    tags,
    summary: `資料のアップロード（multipart/form-data の file。最大 ${Math.round(deps.env.materialMaxBytes / 1024 / 1024)} MB、PDF・pptx・docx・xlsx・PNG・JPEG・txt）`,
    request: {
      params: Id,
      body: { required: true, content: { 'multipart/form-data': { schema: z.object({ file: z.string().meta({ format: 'binary', title: 'ファイル' }) }) } } },
    },
    responses: { 201: jsonResponse(EventMaterialSchema, 'アップロードした資料'), 413: { description: '大きすぎる' }, 415: { description: '受け付けない種類' }, ...standardErrors },
  });
  app.openapi(r.download, async (c) => {
    requirePermission(c, 'read:events');
    const p = c.req.valid('param');
    const m = await getMaterialContent({ db, eventId: p.id, id: p.mid, storage });
    return new Response(new Uint8Array(m.content), {
      status: 200,
      headers: {
        'content-type': m.mimeType,
        'content-length': String(m.size),
        'content-disposition': contentDisposition(m.filename),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    }) as never;
  }, hookFor(r.download));
  app.openapi(r.deleteMaterial, async (c) => {
    const actor = requirePermission(c, 'manage:events');
    const p = c.req.valid('param');
    await deleteMaterial({ db, actor, eventId: p.id, id: p.mid, storage });
    return c.body(null, 204);
  }, hookFor(r.deleteMaterial));

  app.openapi(r.createFeed, async (c) => {
    const actor = requirePermission(c, 'read:events');
    return c.json(await createCalendarFeed({ db, actor, baseUrl }), 201);
  }, hookFor(r.createFeed));
  app.openapi(r.revokeFeed, async (c) => {
    const actor = requirePermission(c, 'read:events');
    await revokeCalendarFeed({ db, actor });
    return c.body(null, 204);
  }, hookFor(r.revokeFeed));

  return app;
}
