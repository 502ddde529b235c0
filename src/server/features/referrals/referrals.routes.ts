// Thin routes: guard, validate with the shared contract, call one service, serialise.
// Static paths (/referrals/inbox, /referrals/dashboard/*, /referrals/backups) are registered
// before /referrals/{id}: Hono matches in registration order.
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  AreaDashboardSchema,
  BackupSchema,
  CandidatesResponseSchema,
  CreateOffersSchema,
  CreateReferralCaseSchema,
  CreateServiceOffersSchema,
  DeclineOfferSchema,
  DeclineServiceOfferSchema,
  InboxItemSchema,
  InboxQuerySchema,
  NoteSchema,
  ReferralCaseListQuerySchema,
  ReferralCaseViewSchema,
  ReferralOfferSchema,
  RequestBackupSchema,
  ServiceInboxItemSchema,
  ServiceOfferSchema,
  StatsQuerySchema,
  StatsSchema,
  UpdateReferralCaseSchema,
} from '../../../shared/contracts/referrals.js';
import type { AppEnv, Deps } from '../../deps.js';
import { requirePermission } from '../../lib/guards.js';
import { hookFor, jsonBody, jsonResponse, standardErrors } from '../../lib/openapi.js';
import { PageQuerySchema, listOf } from '../../lib/pagination.js';
import { findCandidates } from './find-candidates.js';
import { referralConfigOf } from './referral-config.js';
import { endBackup, listMyBackups, requestBackup, respondBackup } from './referral-backups.js';
import { closeReferralCase, createReferralCase, getReferralCase, listReferralCases, updateReferralCase } from './referral-cases.js';
import { getAreaDashboard, getReferralStats, listInbox } from './referral-dashboards.js';
import { acceptOffer, completeOffer, createOffers, declineOffer, getOffer, listOffers, sendOffer, withdrawOffer } from './referral-offers.js';
import { sweepOnce } from './referral-jobs.js';
import {
  acceptServiceOffer,
  completeServiceOffer,
  createServiceOffers,
  declineServiceOffer,
  getServiceOffer,
  listServiceInbox,
  listServiceOffers,
  sendServiceOffer,
  withdrawServiceOffer,
} from './referral-service-offers.js';

const tags = ['紹介（受付・マッチング・打診）'];
const CaseParam = z.object({ id: z.string().max(100) });
const OfferParam = z.object({ id: z.string().max(100), offerId: z.string().max(100) });
const BackupParam = z.object({ id: z.string().max(100), backupId: z.string().max(100) });
const optionalNote = { required: false, content: { 'application/json': { schema: NoteSchema } } };
const CloseSchema = z.object({ reason: z.string().trim().min(1, { error: '入力してください' }).max(500).meta({ title: '終了の理由' }) }).meta({ id: 'CloseReferralCase' });
const RespondBackupSchema = z.object({ accept: z.boolean().meta({ title: '引き受ける' }), note: z.string().trim().max(1000).default('').meta({ title: 'メモ' }) }).meta({ id: 'RespondBackup' });
const TimeoutResultSchema = z.object({ ran: z.boolean(), reminded: z.array(z.string()), escalated: z.array(z.string()), expired: z.array(z.string()) }).meta({ id: 'ReferralTimeoutResult' });

const routes = {
  inbox: createRoute({ method: 'get', path: '/referrals/inbox', tags, summary: '自分宛ての打診（受信箱）。同意の範囲の情報のみ、氏名・住所なし', request: { query: InboxQuerySchema }, responses: { 200: jsonResponse(z.object({ items: z.array(InboxItemSchema) }), '受信箱'), ...standardErrors } }),
  area: createRoute({ method: 'get', path: '/referrals/dashboard/area', tags, summary: '地域の返答待ちの打診（経過日数つき）と担当未定のケース', request: { query: z.object({ municipality: z.string().regex(/^\d{5}$/).optional().meta({ title: '市区町村コード' }) }) }, responses: { 200: jsonResponse(AreaDashboardSchema, '地域ダッシュボード'), ...standardErrors } }),
  stats: createRoute({ method: 'get', path: '/referrals/dashboard/stats', tags, summary: '受諾までの日数と辞退理由の月別推移（表・グラフ用）', request: { query: StatsQuerySchema }, responses: { 200: jsonResponse(StatsSchema, '統計'), ...standardErrors } }),
  serviceInbox: createRoute({ method: 'get', path: '/referrals/service-inbox', tags, summary: '自分の事業所への紹介（事業所職員の受信箱）。同意の範囲の情報のみ、氏名・住所なし', request: { query: InboxQuerySchema }, responses: { 200: jsonResponse(z.object({ items: z.array(ServiceInboxItemSchema) }), '受信箱'), ...standardErrors } }),
  myBackups: createRoute({ method: 'get', path: '/referrals/backups', tags, summary: '自分に関わる後方支援（依頼・引き受け中）。コーディネーターには地域への依頼も', responses: { 200: jsonResponse(z.object({ items: z.array(BackupSchema) }), '一覧'), ...standardErrors } }),
  runTimeouts: createRoute({ method: 'post', path: '/referrals/jobs/process-timeouts', tags, summary: '催促・エスカレーション・期限切れの処理をすぐに実行（管理者。通常は毎分自動）', responses: { 200: jsonResponse(TimeoutResultSchema, '処理結果'), ...standardErrors } }),
  list: createRoute({ method: 'get', path: '/referrals', tags, summary: '紹介依頼の一覧（コーディネーターは全件、他は自分が登録・担当したもの。氏名なし）', request: { query: PageQuerySchema.extend(ReferralCaseListQuerySchema.shape) }, responses: { 200: jsonResponse(listOf(ReferralCaseViewSchema), '一覧'), ...standardErrors } }),
  create: createRoute({ method: 'post', path: '/referrals', tags, summary: '新しいケースの受付（保護者の同意の記録を含む）', request: { body: jsonBody(CreateReferralCaseSchema) }, responses: { 201: jsonResponse(ReferralCaseViewSchema, '登録した紹介依頼'), ...standardErrors } }),
  get: createRoute({ method: 'get', path: '/referrals/{id}', tags, summary: '紹介依頼の詳細（閲覧者により全体／同意の範囲のみ。閲覧はアクセスログに記録、候補者の初回閲覧で「閲覧済み」）', request: { params: CaseParam }, responses: { 200: jsonResponse(ReferralCaseViewSchema, '紹介依頼'), ...standardErrors } }),
  update: createRoute({ method: 'patch', path: '/referrals/{id}', tags, summary: '受付内容・同意の更新（登録した人・コーディネーター）', request: { params: CaseParam, body: jsonBody(UpdateReferralCaseSchema) }, responses: { 200: jsonResponse(ReferralCaseViewSchema, '更新した紹介依頼'), ...standardErrors } }),
  close: createRoute({ method: 'post', path: '/referrals/{id}/close', tags, summary: '紹介依頼の終了（返答待ちの打診は取り下げ）', request: { params: CaseParam, body: jsonBody(CloseSchema) }, responses: { 200: jsonResponse(ReferralCaseViewSchema, '終了した紹介依頼'), ...standardErrors } }),
  candidates: createRoute({
    method: 'get',
    path: '/referrals/{id}/candidates',
    tags,
    summary: '候補の相談支援専門員（適合度の点数と、基準ごとの理由つき）',
    description: '重み: careItems 30, capacity 15, area 15, days 10, accepts 10, wishes 10, fairness 10（docs/referrals.md）。同じデータなら常に同じ順位。',
    request: { params: CaseParam, query: z.object({ includeIneligible: z.enum(['true', 'false']).optional().meta({ title: '対象外の人も表示' }) }) },
    responses: { 200: jsonResponse(CandidatesResponseSchema, '候補'), ...standardErrors },
  }),
  offers: createRoute({ method: 'get', path: '/referrals/{id}/offers', tags, summary: '打診の一覧と履歴（候補者には自分の打診のみ）', request: { params: CaseParam }, responses: { 200: jsonResponse(z.object({ items: z.array(ReferralOfferSchema) }), '打診'), ...standardErrors } }),
  createOffers: createRoute({ method: 'post', path: '/referrals/{id}/offers', tags, summary: '候補者への打診（1人ずつ、または複数に同時＝最初に受諾した人に決定）', request: { params: CaseParam, body: jsonBody(CreateOffersSchema) }, responses: { 201: jsonResponse(z.object({ items: z.array(ReferralOfferSchema) }), '作成した打診'), ...standardErrors } }),
  getOffer: createRoute({ method: 'get', path: '/referrals/{id}/offers/{offerId}', tags, summary: '打診と履歴', request: { params: OfferParam }, responses: { 200: jsonResponse(ReferralOfferSchema, '打診'), ...standardErrors } }),
  send: createRoute({ method: 'post', path: '/referrals/{id}/offers/{offerId}/send', tags, summary: '下書きの打診を送信', request: { params: OfferParam }, responses: { 200: jsonResponse(ReferralOfferSchema, '打診'), ...standardErrors } }),
  accept: createRoute({ method: 'post', path: '/referrals/{id}/offers/{offerId}/accept', tags, summary: '受諾（本人のみ。担当に決まり、他の打診は自動で取り下げ。同時の受諾は一人だけが成功し、他は 409）', request: { params: OfferParam }, responses: { 200: jsonResponse(ReferralOfferSchema, '打診'), ...standardErrors } }),
  decline: createRoute({ method: 'post', path: '/referrals/{id}/offers/{offerId}/decline', tags, summary: '辞退（理由を一覧から選択＋補足）', request: { params: OfferParam, body: jsonBody(DeclineOfferSchema) }, responses: { 200: jsonResponse(ReferralOfferSchema, '打診'), ...standardErrors } }),
  withdraw: createRoute({ method: 'post', path: '/referrals/{id}/offers/{offerId}/withdraw', tags, summary: '取り下げ', request: { params: OfferParam, body: optionalNote }, responses: { 200: jsonResponse(ReferralOfferSchema, '打診'), ...standardErrors } }),
  complete: createRoute({ method: 'post', path: '/referrals/{id}/offers/{offerId}/complete', tags, summary: '引き継ぎ完了', request: { params: OfferParam, body: optionalNote }, responses: { 200: jsonResponse(ReferralOfferSchema, '打診'), ...standardErrors } }),
  serviceOffers: createRoute({ method: 'get', path: '/referrals/{id}/service-offers', tags, summary: '事業所への紹介の一覧と履歴（事業所職員には自分の事業所宛てのみ）', request: { params: CaseParam }, responses: { 200: jsonResponse(z.object({ items: z.array(ServiceOfferSchema) }), '事業所への紹介'), ...standardErrors } }),
  createServiceOffers: createRoute({ method: 'post', path: '/referrals/{id}/service-offers', tags, summary: '地域資源のサービス（事業所）への紹介。保護者の同意（事業所への共有）が必要。同じ種類で最初に受け入れた事業所に決定', request: { params: CaseParam, body: jsonBody(CreateServiceOffersSchema) }, responses: { 201: jsonResponse(z.object({ items: z.array(ServiceOfferSchema) }), '作成した紹介'), ...standardErrors } }),
  getServiceOffer: createRoute({ method: 'get', path: '/referrals/{id}/service-offers/{offerId}', tags, summary: '事業所への紹介と履歴', request: { params: OfferParam }, responses: { 200: jsonResponse(ServiceOfferSchema, '事業所への紹介'), ...standardErrors } }),
  sendServiceOffer: createRoute({ method: 'post', path: '/referrals/{id}/service-offers/{offerId}/send', tags, summary: '下書きの紹介を送信', request: { params: OfferParam }, responses: { 200: jsonResponse(ServiceOfferSchema, '事業所への紹介'), ...standardErrors } }),
  acceptServiceOffer: createRoute({ method: 'post', path: '/referrals/{id}/service-offers/{offerId}/accept', tags, summary: '受け入れ（その事業所の職員のみ。同じ種類の他の紹介は自動で取り下げ。同時の受け入れは一つだけが成功し、他は 409）', request: { params: OfferParam }, responses: { 200: jsonResponse(ServiceOfferSchema, '事業所への紹介'), ...standardErrors } }),
  declineServiceOffer: createRoute({ method: 'post', path: '/referrals/{id}/service-offers/{offerId}/decline', tags, summary: '辞退（理由を一覧から選択＋補足）', request: { params: OfferParam, body: jsonBody(DeclineServiceOfferSchema) }, responses: { 200: jsonResponse(ServiceOfferSchema, '事業所への紹介'), ...standardErrors } }),
  withdrawServiceOffer: createRoute({ method: 'post', path: '/referrals/{id}/service-offers/{offerId}/withdraw', tags, summary: '取り下げ', request: { params: OfferParam, body: optionalNote }, responses: { 200: jsonResponse(ServiceOfferSchema, '事業所への紹介'), ...standardErrors } }),
  completeServiceOffer: createRoute({ method: 'post', path: '/referrals/{id}/service-offers/{offerId}/complete', tags, summary: '利用開始（引き継ぎ完了）', request: { params: OfferParam, body: optionalNote }, responses: { 200: jsonResponse(ServiceOfferSchema, '事業所への紹介'), ...standardErrors } }),
  requestBackup: createRoute({ method: 'post', path: '/referrals/{id}/backups', tags, summary: 'コーディネーターへの後方支援の依頼', request: { params: CaseParam, body: jsonBody(RequestBackupSchema) }, responses: { 201: jsonResponse(BackupSchema, '依頼'), ...standardErrors } }),
  respondBackup: createRoute({ method: 'post', path: '/referrals/{id}/backups/{backupId}/respond', tags, summary: '後方支援の引き受け／辞退（コーディネーター）', request: { params: BackupParam, body: jsonBody(RespondBackupSchema) }, responses: { 200: jsonResponse(BackupSchema, '後方支援'), ...standardErrors } }),
  endBackup: createRoute({ method: 'post', path: '/referrals/{id}/backups/{backupId}/end', tags, summary: '後方支援の終了', request: { params: BackupParam, body: optionalNote }, responses: { 200: jsonResponse(BackupSchema, '後方支援'), ...standardErrors } }),
};

/** Body of an optional-note action; a missing or empty body means no note. */
async function noteOf(c: { req: { json: () => Promise<unknown> } }): Promise<string> {
  const body = (await c.req.json().catch(() => ({}))) as { note?: unknown };
  return typeof body?.note === 'string' ? body.note.trim().slice(0, 1000) : '';
}

export function referralRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db } = deps;
  const config = referralConfigOf(deps.env);
  const r = routes;

  app.openapi(r.inbox, async (c) => {
    const actor = requirePermission(c, 'respond:referral-offer');
    return c.json(await listInbox({ db, actor, status: c.req.valid('query').status }), 200);
  }, hookFor(r.inbox));
  app.openapi(r.area, async (c) => {
    const actor = requirePermission(c, 'read:referral-dashboard');
    return c.json(await getAreaDashboard({ db, actor, municipality: c.req.valid('query').municipality }), 200);
  }, hookFor(r.area));
  app.openapi(r.stats, async (c) => {
    const actor = requirePermission(c, 'read:referral-stats');
    return c.json(await getReferralStats({ db, actor, ...c.req.valid('query') }), 200);
  }, hookFor(r.stats));
  app.openapi(r.serviceInbox, async (c) => {
    const actor = requirePermission(c, 'respond:service-offer');
    return c.json(await listServiceInbox({ db, actor, status: c.req.valid('query').status }), 200);
  }, hookFor(r.serviceInbox));
  app.openapi(r.myBackups, async (c) => {
    const actor = requirePermission(c, 'request:backup');
    return c.json(await listMyBackups({ db, actor }), 200);
  }, hookFor(r.myBackups));
  app.openapi(r.runTimeouts, async (c) => {
    requirePermission(c, 'run:referral-jobs');
    const res = await sweepOnce({ db, config });
    return c.json(res ? { ran: true, ...res } : { ran: false, reminded: [], escalated: [], expired: [] }, 200);
  }, hookFor(r.runTimeouts));

  app.openapi(r.list, async (c) => {
    const actor = requirePermission(c, 'read:referral-case');
    const { limit, cursor, ...query } = c.req.valid('query');
    return c.json(await listReferralCases({ db, actor, query, limit, cursor }), 200);
  }, hookFor(r.list));
  app.openapi(r.create, async (c) => {
    const actor = requirePermission(c, 'create:referral-case');
    return c.json(await createReferralCase({ db, actor, input: c.req.valid('json') }), 201);
  }, hookFor(r.create));
  app.openapi(r.get, async (c) => {
    const actor = requirePermission(c, 'read:referral-case');
    return c.json(await getReferralCase({ db, actor, id: c.req.valid('param').id }), 200);
  }, hookFor(r.get));
  app.openapi(r.update, async (c) => {
    const actor = requirePermission(c, 'create:referral-case');
    return c.json(await updateReferralCase({ db, actor, id: c.req.valid('param').id, input: c.req.valid('json') }), 200);
  }, hookFor(r.update));
  app.openapi(r.close, async (c) => {
    const actor = requirePermission(c, 'create:referral-case');
    return c.json(await closeReferralCase({ db, actor, id: c.req.valid('param').id, reason: c.req.valid('json').reason }), 200);
  }, hookFor(r.close));
  app.openapi(r.candidates, async (c) => {
    const actor = requirePermission(c, 'create:referral-case');
    return c.json(await findCandidates({ db, actor, caseId: c.req.valid('param').id, includeIneligible: c.req.valid('query').includeIneligible === 'true' }), 200);
  }, hookFor(r.candidates));
  app.openapi(r.offers, async (c) => {
    const actor = requirePermission(c, 'read:referral-case');
    return c.json(await listOffers({ db, actor, caseId: c.req.valid('param').id }), 200);
  }, hookFor(r.offers));
  app.openapi(r.createOffers, async (c) => {
    const actor = requirePermission(c, 'create:referral-case');
    return c.json({ items: await createOffers({ db, actor, caseId: c.req.valid('param').id, input: c.req.valid('json'), config }) }, 201);
  }, hookFor(r.createOffers));
  app.openapi(r.getOffer, async (c) => {
    const actor = requirePermission(c, 'read:referral-case');
    const p = c.req.valid('param');
    return c.json(await getOffer({ db, actor, caseId: p.id, offerId: p.offerId }), 200);
  }, hookFor(r.getOffer));
  app.openapi(r.send, async (c) => {
    const actor = requirePermission(c, 'create:referral-case');
    const p = c.req.valid('param');
    return c.json(await sendOffer({ db, actor, caseId: p.id, offerId: p.offerId, config }), 200);
  }, hookFor(r.send));
  app.openapi(r.accept, async (c) => {
    const actor = requirePermission(c, 'respond:referral-offer');
    const p = c.req.valid('param');
    return c.json(await acceptOffer({ db, actor, caseId: p.id, offerId: p.offerId }), 200);
  }, hookFor(r.accept));
  app.openapi(r.decline, async (c) => {
    const actor = requirePermission(c, 'respond:referral-offer');
    const p = c.req.valid('param');
    return c.json(await declineOffer({ db, actor, caseId: p.id, offerId: p.offerId, input: c.req.valid('json') }), 200);
  }, hookFor(r.decline));
  app.openapi(r.withdraw, async (c) => {
    const actor = requirePermission(c, 'read:referral-case');
    const p = c.req.valid('param');
    return c.json(await withdrawOffer({ db, actor, caseId: p.id, offerId: p.offerId, note: await noteOf(c) }), 200);
  }, hookFor(r.withdraw));
  app.openapi(r.complete, async (c) => {
    const actor = requirePermission(c, 'read:referral-case');
    const p = c.req.valid('param');
    return c.json(await completeOffer({ db, actor, caseId: p.id, offerId: p.offerId, note: await noteOf(c) }), 200);
  }, hookFor(r.complete));
  app.openapi(r.serviceOffers, async (c) => {
    const actor = requirePermission(c, 'read:referral-case');
    return c.json(await listServiceOffers({ db, actor, caseId: c.req.valid('param').id }), 200);
  }, hookFor(r.serviceOffers));
  app.openapi(r.createServiceOffers, async (c) => {
    const actor = requirePermission(c, 'create:referral-case');
    return c.json({ items: await createServiceOffers({ db, actor, caseId: c.req.valid('param').id, input: c.req.valid('json'), config }) }, 201);
  }, hookFor(r.createServiceOffers));
  app.openapi(r.getServiceOffer, async (c) => {
    const actor = requirePermission(c, 'read:referral-case');
    const p = c.req.valid('param');
    return c.json(await getServiceOffer({ db, actor, caseId: p.id, offerId: p.offerId }), 200);
  }, hookFor(r.getServiceOffer));
  app.openapi(r.sendServiceOffer, async (c) => {
    const actor = requirePermission(c, 'create:referral-case');
    const p = c.req.valid('param');
    return c.json(await sendServiceOffer({ db, actor, caseId: p.id, offerId: p.offerId, config }), 200);
  }, hookFor(r.sendServiceOffer));
  app.openapi(r.acceptServiceOffer, async (c) => {
    const actor = requirePermission(c, 'respond:service-offer');
    const p = c.req.valid('param');
    return c.json(await acceptServiceOffer({ db, actor, caseId: p.id, offerId: p.offerId }), 200);
  }, hookFor(r.acceptServiceOffer));
  app.openapi(r.declineServiceOffer, async (c) => {
    const actor = requirePermission(c, 'respond:service-offer');
    const p = c.req.valid('param');
    return c.json(await declineServiceOffer({ db, actor, caseId: p.id, offerId: p.offerId, input: c.req.valid('json') }), 200);
  }, hookFor(r.declineServiceOffer));
  app.openapi(r.withdrawServiceOffer, async (c) => {
    const actor = requirePermission(c, 'read:referral-case');
    const p = c.req.valid('param');
    return c.json(await withdrawServiceOffer({ db, actor, caseId: p.id, offerId: p.offerId, note: await noteOf(c) }), 200);
  }, hookFor(r.withdrawServiceOffer));
  app.openapi(r.completeServiceOffer, async (c) => {
    const actor = requirePermission(c, 'read:referral-case');
    const p = c.req.valid('param');
    return c.json(await completeServiceOffer({ db, actor, caseId: p.id, offerId: p.offerId, note: await noteOf(c) }), 200);
  }, hookFor(r.completeServiceOffer));
  app.openapi(r.requestBackup, async (c) => {
    const actor = requirePermission(c, 'request:backup');
    const body = c.req.valid('json');
    return c.json(await requestBackup({ db, actor, caseId: c.req.valid('param').id, coordinatorId: body.coordinatorId, note: body.note }), 201);
  }, hookFor(r.requestBackup));
  app.openapi(r.respondBackup, async (c) => {
    const actor = requirePermission(c, 'respond:backup');
    const p = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(await respondBackup({ db, actor, caseId: p.id, backupId: p.backupId, accept: body.accept, note: body.note }), 200);
  }, hookFor(r.respondBackup));
  app.openapi(r.endBackup, async (c) => {
    const actor = requirePermission(c, 'request:backup');
    const p = c.req.valid('param');
    return c.json(await endBackup({ db, actor, caseId: p.id, backupId: p.backupId, note: await noteOf(c) }), 200);
  }, hookFor(r.endBackup));
  return app;
}
