// Intake, matching and closed-loop referral (issue #4). A referral request (紹介依頼) is one
// case needing a consultant; each candidate it is put to is an offer (打診) with its own
// lifecycle (referral-state.ts). Identifying data is kept apart and shown only to the creator,
// coordinators and, once accepted, the assigned consultant.
import { z } from 'zod';
import { availableMonitoringLevels, CARE_ITEM_CODES, MONITORING_LEVELS } from '../domain/care-items.js';
import { OTHER_SERVICE_TYPE_CODES, WAM_SERVICE_TYPE_CODES } from '../domain/service-types.js';
import { DAY_CODES } from './people.js';
import { KanaSchema, MunicipalityCodeSchema } from './region.js';

export const URGENCY_CODES = ['urgent', 'soon', 'normal'] as const;
export type Urgency = (typeof URGENCY_CODES)[number];
export const URGENCY_LABELS: Record<Urgency, string> = { urgent: '至急（1週間以内）', soon: '早めに（1か月以内）', normal: '通常' };

export const SOURCE_CODES = ['hospital', 'visiting_nurse', 'city', 'family', 'consultant', 'coordinator', 'school', 'other'] as const;
export const SOURCE_LABELS: Record<(typeof SOURCE_CODES)[number], string> = {
  hospital: '病院',
  visiting_nurse: '訪問看護',
  city: '市役所・保健所',
  family: '家族からの相談',
  consultant: '相談支援専門員',
  coordinator: 'コーディネーター',
  school: '学校・園',
  other: 'その他',
};

/** Items a guardian can allow candidates to see before they accept. Identity is never among them. */
export const SHAREABLE_ITEMS = ['age', 'municipality', 'care_items', 'services_wanted', 'urgency', 'wishes', 'summary'] as const;
export type ShareableItem = (typeof SHAREABLE_ITEMS)[number];
export const SHAREABLE_ITEM_LABELS: Record<ShareableItem, string> = {
  age: '年齢層',
  municipality: '市区町村',
  care_items: '医療的ケアの内容',
  services_wanted: '希望するサービス',
  urgency: '緊急度',
  wishes: '家族の希望',
  summary: '状況の概要',
};

/** Who the guardian allows to see the shared items: consultants offered the case, and the staff of the offices a service request (事業所への紹介) is sent to. */
export const SHARE_WITH_CODES = ['consultant_candidates', 'service_providers'] as const;
export const CONSENT_METHODS = ['written', 'verbal', 'electronic'] as const;
export const CONSENT_METHOD_LABELS: Record<(typeof CONSENT_METHODS)[number], string> = { written: '書面', verbal: '口頭', electronic: '電子' };

export const CASE_STATUSES = ['open', 'assigned', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const OFFER_STATUSES = ['draft', 'sent', 'viewed', 'accepted', 'declined', 'expired', 'withdrawn', 'completed'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];
export const OFFER_STATUS_LABELS: Record<OfferStatus, string> = {
  draft: '下書き',
  sent: '送信済み',
  viewed: '閲覧済み',
  accepted: '受諾',
  declined: '辞退',
  expired: '期限切れ',
  withdrawn: '取り下げ',
  completed: '引き継ぎ完了',
};

export const DECLINE_REASONS = ['caseload_full', 'out_of_area', 'care_inexperienced', 'no_backup', 'schedule', 'family_wish', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];
export const DECLINE_REASON_LABELS: Record<DeclineReason, string> = {
  caseload_full: '担当件数に空きがない',
  out_of_area: '担当地域外',
  care_inexperienced: 'この医療的ケアの経験が不足',
  no_backup: '後方支援の体制がない',
  schedule: '曜日・時間が合わない',
  family_wish: '家族の希望に合わない',
  other: 'その他',
};

/** Why an office declines a service request (事業所への紹介). */
export const SERVICE_DECLINE_REASONS = ['no_vacancy', 'care_not_supported', 'out_of_area', 'age_out_of_range', 'schedule', 'other'] as const;
export type ServiceDeclineReason = (typeof SERVICE_DECLINE_REASONS)[number];
export const SERVICE_DECLINE_REASON_LABELS: Record<ServiceDeclineReason, string> = {
  no_vacancy: '定員に空きがない',
  care_not_supported: 'この医療的ケアに対応できない',
  out_of_area: '送迎・訪問の地域外',
  age_out_of_range: '対象年齢外',
  schedule: '曜日・時間が合わない',
  other: 'その他',
};

export const BACKUP_STATUSES = ['requested', 'accepted', 'declined', 'ended'] as const;

export const SERVICE_TYPE_CODES = [...WAM_SERVICE_TYPE_CODES, ...OTHER_SERVICE_TYPE_CODES] as const;

const CaseCareItemSchema = z
  .object({
    code: z.enum(CARE_ITEM_CODES, { error: '医療的ケアの項目が正しくありません' }).meta({ title: '医療的ケア' }),
    monitoring: z.enum(MONITORING_LEVELS, { error: '見守りは 高・中・低 のいずれかです' }).meta({ title: '見守り' }),
    note: z.string().trim().max(300).optional().meta({ title: 'メモ' }),
  })
  .refine((v) => availableMonitoringLevels(v.code).includes(v.monitoring), {
    error: 'この医療的ケアにはその見守りレベルはありません',
    path: ['monitoring'],
  });

const ServiceWantedSchema = z.object({
  serviceType: z.enum(SERVICE_TYPE_CODES, { error: 'サービス種別が正しくありません' }).meta({ title: 'サービス種別' }),
  note: z.string().trim().max(300).optional().meta({ title: '内容・頻度' }),
});

export const WishesSchema = z
  .object({
    weekendContact: z.boolean().default(false).meta({ title: '土日の連絡を希望' }),
    consultantGender: z.enum(['female', 'male']).nullable().default(null).meta({ title: '相談員の性別の希望' }),
    preferredDays: z.array(z.enum(DAY_CODES)).max(8).default([]).meta({ title: '連絡・訪問を希望する曜日' }),
    note: z.string().trim().max(1000).default('').meta({ title: 'その他の希望' }),
  })
  .meta({ id: 'ReferralWishes' });

export const ConsentSchema = z
  .object({
    obtainedOn: z.iso.date({ error: 'YYYY-MM-DD の形式で入力してください' }).meta({ title: '同意を得た日' }),
    method: z.enum(CONSENT_METHODS, { error: '書面・口頭・電子のいずれかを選んでください' }).meta({ title: '同意の方法' }),
    givenBy: z.string().trim().min(1, { error: '入力してください' }).max(100).meta({ title: '同意した人（続柄）' }),
    shareWith: z.array(z.enum(SHARE_WITH_CODES)).max(2).meta({ title: '共有してよい相手' }),
    items: z.array(z.enum(SHAREABLE_ITEMS, { error: '共有項目が正しくありません' })).max(SHAREABLE_ITEMS.length).meta({ title: '共有してよい項目' }),
    note: z.string().trim().max(500).default('').meta({ title: '同意に関するメモ' }),
  })
  .meta({ id: 'ReferralConsent' });

export const CLIENT_SEX_CODES = ['female', 'male', 'other', 'unknown'] as const;

/**
 * The identifying half, as the intake records it. Reading (kana) and birth date are required:
 * accepting an offer opens the client record from them (docs/referrals.md §7), and the
 * accepting consultant cannot edit the intake. Sex is optional (the record starts with
 * 'unknown').
 */
export const IdentitySchema = z
  .object({
    name: z.string().trim().min(1, { error: '入力してください' }).max(100).meta({ title: '氏名' }),
    nameKana: KanaSchema.meta({ title: '氏名（よみ）' }),
    birthDate: z.iso.date({ error: 'YYYY-MM-DD の形式で入力してください' }).meta({ title: '生年月日' }),
    sex: z.enum(CLIENT_SEX_CODES, { error: '性別を選んでください' }).nullable().optional().meta({ title: '性別' }),
    address: z.string().trim().max(300).nullable().optional().meta({ title: '住所' }),
    guardianName: z.string().trim().max(100).nullable().optional().meta({ title: '保護者氏名' }),
    guardianContact: z.string().trim().max(200).nullable().optional().meta({ title: '保護者連絡先' }),
  })
  .meta({ id: 'ReferralIdentity' });

/** The identifying half as stored (cases recorded before kana/birth date were required may lack them). */
export const IdentityViewSchema = z
  .object({
    name: z.string(),
    nameKana: z.string().nullable(),
    birthDate: z.string().nullable(),
    sex: z.enum(CLIENT_SEX_CODES).nullable(),
    address: z.string().nullable(),
    guardianName: z.string().nullable(),
    guardianContact: z.string().nullable(),
  })
  .meta({ id: 'ReferralIdentityView' });

export const CreateReferralCaseSchema = z
  .object({
    municipalityCode: MunicipalityCodeSchema,
    ageYears: z.number().int().min(0, { error: '0以上で入力してください' }).max(120).meta({ title: '年齢' }),
    careItems: z.array(CaseCareItemSchema).max(CARE_ITEM_CODES.length).meta({ title: '医療的ケア' }),
    servicesWanted: z.array(ServiceWantedSchema).max(30).default([]).meta({ title: '希望するサービス' }),
    urgency: z.enum(URGENCY_CODES, { error: '至急・早めに・通常 のいずれかを選んでください' }).meta({ title: '緊急度' }),
    wishes: WishesSchema.prefault({}),
    summary: z.string().trim().max(4000, { error: '4000文字以内で入力してください' }).default('').meta({ title: '状況の概要（氏名・住所は書かない）' }),
    source: z.enum(SOURCE_CODES, { error: '依頼元が正しくありません' }).meta({ title: '依頼元' }),
    sourceNote: z.string().trim().max(200).default('').meta({ title: '依頼元（機関名など）' }),
    consent: ConsentSchema,
    identity: IdentitySchema,
  })
  .meta({ id: 'CreateReferralCase' });
export type CreateReferralCase = z.infer<typeof CreateReferralCaseSchema>;

export const UpdateReferralCaseSchema = CreateReferralCaseSchema.partial().meta({ id: 'UpdateReferralCase' });

export const CaseCareItemViewSchema = z.object({ code: z.string(), label: z.string(), monitoring: z.string(), note: z.string().optional() });

/**
 * What a viewer sees. Fields the consent does not allow are absent (not null) in the limited
 * view; `identity` is present only in the full view.
 */
export const ReferralCaseViewSchema = z
  .object({
    id: z.string(),
    /** full = creator, coordinator or assigned consultant; limited = candidate / area official. */
    view: z.enum(['full', 'limited']),
    status: z.enum(CASE_STATUSES),
    createdAt: z.string(),
    waitingDays: z.number().int(),
    municipalityCode: z.string().optional(),
    municipalityName: z.string().optional(),
    ageYears: z.number().int().optional(),
    ageBand: z.string().optional(),
    careItems: z.array(CaseCareItemViewSchema).optional(),
    careScore: z.number().int().optional(),
    servicesWanted: z.array(z.object({ serviceType: z.string(), label: z.string(), note: z.string().optional() })).optional(),
    urgency: z.enum(URGENCY_CODES).optional(),
    wishes: z.object({ weekendContact: z.boolean(), consultantGender: z.enum(['female', 'male']).nullable(), preferredDays: z.array(z.string()), note: z.string() }).optional(),
    summary: z.string().optional(),
    source: z.string().optional(),
    sourceNote: z.string().optional(),
    createdBy: z.object({ id: z.string(), name: z.string() }).optional(),
    consent: ConsentSchema.extend({ recordedBy: z.string().nullable() }).optional(),
    identity: IdentityViewSchema.optional(),
    /**
     * The client record the acceptance opened (full view only; null before acceptance and for
     * cases handed over before records existed). Link: /clients/{clientId}.
     */
    clientId: z.string().nullable().optional(),
    assignedConsultant: z.object({ id: z.string(), name: z.string(), assignedAt: z.string() }).nullable().optional(),
    /** When and why the case was closed (full view of a closed case only). */
    closed: z.object({ at: z.string().nullable(), reason: z.string() }).optional(),
    backups: z
      .array(z.object({ id: z.string(), status: z.enum(BACKUP_STATUSES), coordinator: z.object({ id: z.string(), name: z.string() }).nullable(), consultant: z.object({ id: z.string(), name: z.string() }), requestedAt: z.string(), respondedAt: z.string().nullable(), note: z.string() }))
      .optional(),
    /** The viewer's own offer on this case, when they are a candidate. */
    myOffer: z.object({ id: z.string(), status: z.enum(OFFER_STATUSES), respondBy: z.string().nullable() }).nullable().optional(),
    /** For provider staff: the service requests sent to their offices on this case. */
    myServiceOffers: z
      .array(z.object({ id: z.string(), status: z.enum(OFFER_STATUSES), respondBy: z.string().nullable(), officeName: z.string(), serviceType: z.string(), serviceTypeLabel: z.string() }))
      .optional(),
  })
  .meta({ id: 'ReferralCaseView' });

export const ReferralCaseListQuerySchema = z.object({
  status: z.enum(CASE_STATUSES).optional().meta({ title: '状態' }),
  municipality: MunicipalityCodeSchema.optional(),
  mine: z.enum(['true', 'false']).optional().meta({ title: '自分が登録・担当したもの' }),
});

export const CandidateReasonSchema = z.object({
  criterion: z.string(),
  met: z.enum(['met', 'partial', 'not_met', 'info']),
  points: z.number(),
  maxPoints: z.number(),
  text: z.string(),
});

export const ConsultantCandidateSchema = z
  .object({
    rank: z.number().int(),
    userId: z.string(),
    name: z.string(),
    offices: z.array(z.string()),
    eligible: z.boolean(),
    score: z.number(),
    reasons: z.array(CandidateReasonSchema),
    currentCaseload: z.number().int(),
    maxCaseload: z.number().int().nullable(),
    acceptsMedicalCare: z.string().nullable(),
    backupCoordinator: z.object({ userId: z.string(), name: z.string() }).nullable(),
    existingOffer: z.object({ id: z.string(), status: z.enum(OFFER_STATUSES) }).nullable(),
  })
  .meta({ id: 'ConsultantCandidate' });

export const ServiceCandidateSchema = z
  .object({
    rank: z.number().int(),
    serviceId: z.string(),
    officeId: z.string(),
    officeName: z.string(),
    serviceType: z.string(),
    municipalityName: z.string().nullable(),
    eligible: z.boolean(),
    score: z.number(),
    reasons: z.array(CandidateReasonSchema),
    vacancy: z.number().int().nullable(),
    vacancyUpdatedOn: z.string().nullable(),
    /** The latest request (事業所への紹介) of this case to this service, if any. */
    existingRequest: z.object({ id: z.string(), status: z.enum(OFFER_STATUSES) }).nullable(),
  })
  .meta({ id: 'ServiceCandidate' });

export const ServiceTypeCandidatesSchema = z
  .object({
    serviceType: z.string(),
    serviceTypeLabel: z.string(),
    /** Services of this type in or near the case's area (before the eligibility filter and the cut). */
    total: z.number().int(),
    eligibleCount: z.number().int(),
    services: z.array(ServiceCandidateSchema),
  })
  .meta({ id: 'ServiceTypeCandidates' });

export const CandidatesResponseSchema = z
  .object({
    caseId: z.string(),
    regionAverageCaseload: z.number(),
    weights: z.record(z.string(), z.number()),
    consultants: z.array(ConsultantCandidateSchema),
    serviceWeights: z.record(z.string(), z.number()),
    /** Per requested service type: directory services ranked for the case (best first). */
    services: z.array(ServiceTypeCandidatesSchema),
  })
  .meta({ id: 'ReferralCandidates' });

/** A person or office an offer names: id and display name (a fresh schema each time, so each is inlined). */
const idName = () => z.object({ id: z.string(), name: z.string() });

/** An offer of either kind: id, case and status, then who it is for (`parties`), then its lifecycle. */
const offerFields = <const P extends z.ZodRawShape, const R extends readonly [string, ...string[]]>(parties: P, declineReasons: R) => ({
  id: z.string(),
  caseId: z.string(),
  status: z.enum(OFFER_STATUSES),
  ...parties,
  ...offerLifecycleFields(declineReasons),
});

/** What an inbox shows of an offer: its status, dates and message, then who it is from (`parties`). */
const inboxOfferFields = <const P extends z.ZodRawShape>(parties: P) => ({
  id: z.string(),
  status: z.enum(OFFER_STATUSES),
  sentAt: z.string().nullable(),
  respondBy: z.string().nullable(),
  message: z.string(),
  ...parties,
});

/** The end of both create-offers inputs: the message (titled for its recipients) and send-now. */
const sendFields = (messageTitle: string) => ({
  message: z.string().trim().max(2000).default('').meta({ title: messageTitle }),
  /** false = keep as drafts. */
  send: z.boolean().default(true).meta({ title: 'すぐに送信する' }),
});

export const CreateOffersSchema = z
  .object({
    candidates: z
      .array(
        z.object({
          userId: z.string().max(100).meta({ title: '候補者' }),
          backupCoordinatorId: z.string().max(100).nullable().optional().meta({ title: '後方支援のコーディネーター' }),
        }),
      )
      .min(1, { error: '1人以上選んでください' })
      .max(10, { error: '一度に打診できるのは10人までです' })
      .meta({ title: '候補者' }),
    ...sendFields('候補者へのメッセージ'),
  })
  .meta({ id: 'CreateReferralOffers' });

export const OfferEventSchema = z.object({
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  note: z.string(),
});

/**
 * What both kinds of offer (consultant offers and service requests) carry after who they are
 * for: message, score, the answer's timestamps and reason (from the kind's list), history.
 */
const offerLifecycleFields = <const R extends readonly [string, ...string[]]>(declineReasons: R) => ({
  message: z.string(),
  matchScore: z.number().nullable(),
  matchReasons: z.array(CandidateReasonSchema),
  sentAt: z.string().nullable(),
  viewedAt: z.string().nullable(),
  respondedAt: z.string().nullable(),
  respondBy: z.string().nullable(),
  remindedAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  declineReason: z.enum(declineReasons).nullable(),
  declineNote: z.string(),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
  history: z.array(OfferEventSchema),
});

/** Declining an offer of either kind: a reason from the kind's list, and a note (required for その他). */
const declineSchema = <const R extends readonly [string, ...string[]]>(reasons: R, id: string) =>
  z
    .object({
      reason: z.enum(reasons, { error: '辞退の理由を一覧から選んでください' }).meta({ title: '辞退の理由' }),
      note: z.string().trim().max(1000).default('').meta({ title: '補足' }),
    })
    .refine((v) => v.reason !== 'other' || v.note.length > 0, { error: '「その他」の場合は補足を入力してください', path: ['note'] })
    .meta({ id });

export const ReferralOfferSchema = z
  .object(offerFields({ candidate: idName(), sender: idName(), backupCoordinator: idName().nullable() }, DECLINE_REASONS))
  .meta({ id: 'ReferralOffer' });

export const DeclineOfferSchema = declineSchema(DECLINE_REASONS, 'DeclineReferralOffer');

export const CreateServiceOffersSchema = z
  .object({
    services: z
      .array(z.object({ serviceId: z.string().max(100).meta({ title: '事業所のサービス' }) }))
      .min(1, { error: '事業所を1つ以上選んでください' })
      .max(10, { error: '一度に送れるのは10事業所までです' })
      .meta({ title: '事業所' }),
    ...sendFields('事業所へのメッセージ'),
  })
  .meta({ id: 'CreateServiceReferrals' });

export const ServiceOfferSchema = z
  .object(
    offerFields(
      {
        serviceId: z.string(),
        serviceType: z.string(),
        serviceTypeLabel: z.string(),
        office: idName(),
        sender: idName(),
        /** The office member who accepted or declined. */
        respondedBy: idName().nullable(),
      },
      SERVICE_DECLINE_REASONS,
    ),
  )
  .meta({ id: 'ServiceReferral' });

export const DeclineServiceOfferSchema = declineSchema(SERVICE_DECLINE_REASONS, 'DeclineServiceReferral');

export const ServiceInboxItemSchema = z
  .object({
    offer: z.object(inboxOfferFields({ office: idName(), serviceType: z.string(), serviceTypeLabel: z.string(), sender: idName() })),
    case: ReferralCaseViewSchema,
  })
  .meta({ id: 'ServiceReferralInboxItem' });

export const NoteSchema = z.object({ note: z.string().trim().max(1000).default('').meta({ title: 'メモ' }) }).meta({ id: 'Note' });

export const InboxItemSchema = z
  .object({
    offer: z.object(inboxOfferFields({ sender: idName() })),
    case: ReferralCaseViewSchema,
  })
  .meta({ id: 'ReferralInboxItem' });

export const InboxQuerySchema = z.object({
  status: z.enum(OFFER_STATUSES).optional().meta({ title: '状態' }),
});

export const RequestBackupSchema = z
  .object({
    coordinatorId: z.string().max(100).nullable().optional().meta({ title: 'コーディネーター（空欄なら地域のコーディネーター全員に依頼）' }),
    note: z.string().trim().max(1000).default('').meta({ title: '依頼内容' }),
  })
  .meta({ id: 'RequestBackup' });

export const BackupSchema = z
  .object({
    id: z.string(),
    caseId: z.string(),
    status: z.enum(BACKUP_STATUSES),
    consultant: z.object({ id: z.string(), name: z.string() }),
    coordinator: z.object({ id: z.string(), name: z.string() }).nullable(),
    requestedAt: z.string(),
    respondedAt: z.string().nullable(),
    note: z.string(),
  })
  .meta({ id: 'ReferralBackup' });

/** An open offer of either kind on the area dashboard: who it is for (`parties`), its case's city and urgency, its age, overdue. */
const openOfferRowFields = <const P extends z.ZodRawShape>(parties: P) => ({
  offerId: z.string(),
  caseId: z.string(),
  status: z.enum(OFFER_STATUSES),
  ...parties,
  municipalityCode: z.string(),
  urgency: z.enum(URGENCY_CODES),
  sentAt: z.string(),
  ageDays: z.number().int(),
  ageBusinessDays: z.number().int(),
  respondBy: z.string().nullable(),
  overdue: z.boolean(),
});

export const AreaDashboardSchema = z
  .object({
    municipalities: z.array(z.string()),
    openOffers: z.array(z.object(openOfferRowFields({ candidate: idName() }))),
    /** Unanswered service requests (事業所への紹介) of the area, oldest first. */
    openServiceRequests: z.array(z.object(openOfferRowFields({ office: idName(), serviceTypeLabel: z.string() }))),
    unassignedCases: z.array(
      z.object({
        caseId: z.string(),
        municipalityCode: z.string(),
        urgency: z.enum(URGENCY_CODES),
        createdAt: z.string(),
        waitingDays: z.number().int(),
        openOffers: z.number().int(),
        declinedOffers: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'ReferralAreaDashboard' });

export const StatsQuerySchema = z.object({
  from: z.iso.date().optional().meta({ title: '開始日' }),
  to: z.iso.date().optional().meta({ title: '終了日' }),
  municipality: MunicipalityCodeSchema.optional(),
});

export const StatsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    months: z.array(z.string()),
    timeToAcceptance: z.array(
      z.object({ month: z.string(), accepted: z.number().int(), medianDays: z.number().nullable(), averageDays: z.number().nullable() }),
    ),
    declineReasons: z.array(z.object({ month: z.string(), counts: z.record(z.string(), z.number().int()), total: z.number().int() })),
    declineReasonLabels: z.record(z.string(), z.string()),
    totals: z.object({ sent: z.number().int(), accepted: z.number().int(), declined: z.number().int(), expired: z.number().int(), withdrawn: z.number().int() }),
  })
  .meta({ id: 'ReferralStats' });

/** Age bands shown to candidates instead of the exact age. */
export function ageBand(age: number): string {
  if (age <= 2) return '0〜2歳';
  if (age <= 5) return '3〜5歳（未就学）';
  if (age <= 11) return '6〜11歳（小学生）';
  if (age <= 14) return '12〜14歳（中学生）';
  if (age <= 17) return '15〜17歳';
  if (age <= 29) return '18〜29歳';
  return '30歳以上';
}
