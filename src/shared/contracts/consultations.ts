import { z } from 'zod';
import { CARE_ITEM_CODES } from '../domain/care-items.js';
import { LIFE_STAGE_CODES } from '../domain/life-stage.js';
import { SERVICE_TYPE_CODES } from '../domain/service-types.js';
import { LinkedTextSchema } from './glossary.js';

const Tag = z.object({ code: z.string(), label: z.string() });

export const CreateConsultationSchema = z
  .object({
    title: z.string().trim().min(1, { error: '入力してください' }).max(200).meta({ title: '件名' }),
    body: z.string().trim().min(1, { error: '入力してください' }).max(10_000).meta({ title: '相談内容' }),
    /**
     * The client record this question is about (its id; the asker must be on its team). A
     * case-linked question is visible only to the asker, that client's team and coordinators.
     */
    caseRef: z.string().trim().min(1).max(100).nullable().optional().meta({ title: '関連する利用者（ケース）' }),
    askerHidden: z.boolean().optional().meta({ title: '名前を伏せる（コーディネーターには表示）' }),
    municipalityCode: z.string().regex(/^\d{5}$/).nullable().optional().meta({ title: '市区町村' }),
    careItems: z.array(z.enum(CARE_ITEM_CODES)).max(20).optional().meta({ title: '医療的ケア' }),
    lifeStages: z.array(z.enum(LIFE_STAGE_CODES)).max(6).optional().meta({ title: 'ライフステージ' }),
    serviceTypes: z.array(z.string().max(50).refine((c) => (SERVICE_TYPE_CODES as readonly string[]).includes(c), { error: '不明なサービス種別です' })).max(20).optional().meta({ title: 'サービス' }),
  })
  .meta({ id: 'CreateConsultation' });

export const AnswerConsultationSchema = z.object({ body: z.string().trim().min(1, { error: '入力してください' }).max(10_000).meta({ title: '回答' }) }).meta({ id: 'AnswerConsultation' });
export const ResolveConsultationSchema = z.object({ acceptedAnswerId: z.string().max(100).nullable().optional().meta({ title: '解決につながった回答' }) }).meta({ id: 'ResolveConsultation' });

export const ConsultationSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    excerpt: z.string(),
    isCaseLinked: z.boolean(),
    asker: z.object({ id: z.string().nullable(), name: z.string() }),
    municipalityCode: z.string().nullable(),
    careItems: z.array(Tag),
    lifeStages: z.array(Tag),
    serviceTypes: z.array(Tag),
    status: z.enum(['open', 'resolved']),
    answerCount: z.number().int(),
    createdAt: z.string(),
    resolvedAt: z.string().nullable(),
  })
  .meta({ id: 'ConsultationSummary' });

export const ConsultationSchema = ConsultationSummarySchema.extend({
  body: z.string(),
  bodySegments: LinkedTextSchema,
  caseRef: z.string().nullable(),
  answers: z.array(
    z.object({ id: z.string(), author: z.object({ id: z.string(), name: z.string() }), body: z.string(), bodySegments: LinkedTextSchema, isAccepted: z.boolean(), createdAt: z.string() }),
  ),
  canAnswer: z.boolean(),
  canResolve: z.boolean(),
}).meta({ id: 'Consultation' });

export const ConsultationListQuerySchema = z.object({
  status: z.enum(['open', 'resolved']).optional().meta({ title: '状態' }),
  mine: z.enum(['true', 'false']).optional().meta({ title: '自分の相談のみ' }),
  careItem: z.enum(CARE_ITEM_CODES).optional().meta({ title: '医療的ケア' }),
  lifeStage: z.enum(LIFE_STAGE_CODES).optional().meta({ title: 'ライフステージ' }),
  serviceType: z.string().max(50).optional().meta({ title: 'サービス' }),
  municipality: z.string().regex(/^\d{5}$/).optional().meta({ title: '市区町村' }),
  q: z.string().max(100).optional().meta({ title: '検索語' }),
});
