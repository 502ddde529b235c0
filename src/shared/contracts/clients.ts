// Contracts of the client record (医療的ケア児者の共有記録): identity, sections by consent
// scope, team, consent, provision records and timeline. Labels (`meta.title`) name the field
// in Japanese error messages; the web app types its forms with the same schemas.
import { z } from 'zod';
import { isIsoDate } from '../calendar-date.js';
import { tokyoDate } from '../dates.js';
import { CARE_ITEM_CODES, MONITORING_LEVELS } from '../domain/care-items.js';
import { CONSENT_SCOPES } from '../domain/consent-scopes.js';
import { LIFE_STAGE_CODES } from '../domain/life-stage.js';
import { SHOMAN_GROUP_CODES } from '../domain/shoman-groups.js';
import { LinkedTextSchema } from './glossary.js';
import { KanaSchema, MunicipalityCodeSchema } from './region.js';

const req = { error: '入力してください' };
export const text = (max: number) => z.string().trim().max(max, { error: `${max}文字以内で入力してください` });
export const reqText = (max: number) => text(max).min(1, req);
/** Optional free text; empty strings are kept as '' so forms can clear a field. */
export const optText = (max: number) => text(max).optional().default('');

export const IsoDateSchema = z.string().refine(isIsoDate, { error: '日付は YYYY-MM-DD の形式で、実在する日付を入力してください' });
export const DateTimeSchema = z.iso.datetime({ offset: true, error: '日時は 2026-04-01T10:00:00+09:00 の形式で入力してください' });
const PhoneSchema = z
  .string()
  .trim()
  .max(30)
  .regex(/^[0-9０-９+\-－() （）]*$/, { error: '電話番号は数字とハイフンで入力してください' });

export const ConsentScopeSchema = z.enum(CONSENT_SCOPES, { error: '同意の範囲が正しくありません' }).meta({ title: '同意の範囲' });
export const SexSchema = z.enum(['female', 'male', 'other', 'unknown'], { error: '性別を選んでください' }).meta({ title: '性別' });
export const VersionSchema = z.number({ error: '版（version）を送ってください' }).int().min(1).meta({ title: '版' });

// ---- identity -------------------------------------------------------------------------------

export const ClientIdentityInputSchema = z.object({
  name: reqText(100).meta({ title: '氏名' }),
  nameKana: KanaSchema.meta({ title: '氏名（よみ）' }),
  birthDate: IsoDateSchema.refine((d) => d <= tokyoDate(), { error: '生年月日に未来の日付は入力できません' }).meta({ title: '生年月日' }),
  sex: SexSchema,
  municipalityCode: MunicipalityCodeSchema.meta({ title: '支給決定市区町村' }),
});

// ---- profile (scope: profile) ---------------------------------------------------------------

export const SCHOOL_KINDS = ['none', 'nursery', 'kindergarten', 'kodomoen', 'jihatsu', 'elementary', 'special_school', 'junior_high', 'high_school', 'work', 'other'] as const;
export const SCHOOL_KIND_LABELS: Record<(typeof SCHOOL_KINDS)[number], string> = {
  none: '在宅（所属なし）',
  nursery: '保育所',
  kindergarten: '幼稚園',
  kodomoen: '認定こども園',
  jihatsu: '児童発達支援',
  elementary: '小学校',
  special_school: '特別支援学校',
  junior_high: '中学校',
  high_school: '高等学校',
  work: '就労・日中活動',
  other: 'その他',
};

export const CERTIFICATE_KINDS = ['jukyusha_child', 'jukyusha_adult', 'shintai', 'ryoiku', 'seishin', 'shoman', 'other'] as const;
export const CERTIFICATE_KIND_LABELS: Record<(typeof CERTIFICATE_KINDS)[number], string> = {
  jukyusha_child: '通所受給者証（障害児）',
  jukyusha_adult: '障害福祉サービス受給者証',
  shintai: '身体障害者手帳',
  ryoiku: '療育手帳',
  seishin: '精神障害者保健福祉手帳',
  shoman: '小児慢性特定疾病 医療受給者証',
  other: 'その他',
};

export const CertificateSchema = z.object({
  kind: z.enum(CERTIFICATE_KINDS, { error: '種類を選んでください' }).meta({ title: '証の種類' }),
  number: optText(50).meta({ title: '番号' }),
  grade: optText(50).meta({ title: '等級・区分' }),
  issuedOn: IsoDateSchema.nullable().optional().default(null).meta({ title: '交付日' }),
  expiresOn: IsoDateSchema.nullable().optional().default(null).meta({ title: '有効期限' }),
  note: optText(500).meta({ title: '備考' }),
});

export const SiblingSchema = z.object({
  name: reqText(100).meta({ title: 'きょうだいの氏名' }),
  relation: optText(20).meta({ title: '続柄' }),
  birthDate: IsoDateSchema.nullable().optional().default(null).meta({ title: '生年月日' }),
  note: optText(500).meta({ title: '備考' }),
});

export const ProfileSchema = z
  .object({
    postalCode: text(10).regex(/^(\d{3}-?\d{4})?$/, { error: '郵便番号は 123-4567 の形式で入力してください' }).optional().default('').meta({ title: '郵便番号' }),
    address: optText(300).meta({ title: '住所' }),
    school: z
      .object({
        kind: z.enum(SCHOOL_KINDS, { error: '所属の種類を選んでください' }).meta({ title: '所属の種類' }),
        name: optText(200).meta({ title: '所属先の名称' }),
        grade: optText(50).meta({ title: '学年・クラス' }),
        note: optText(500).meta({ title: '備考' }),
      })
      .optional()
      .default({ kind: 'none', name: '', grade: '', note: '' })
      .meta({ title: '所属（園・学校）' }),
    supportCategory: optText(20).meta({ title: '障害支援区分' }),
    siblings: z.array(SiblingSchema).max(20).optional().default([]).meta({ title: 'きょうだい' }),
    certificates: z.array(CertificateSchema).max(30).optional().default([]).meta({ title: '受給者証・手帳' }),
    note: optText(2000).meta({ title: '備考' }),
  })
  .meta({ id: 'ClientProfile' });
export type Profile = z.infer<typeof ProfileSchema>;

// ---- contact (scope: contact) ---------------------------------------------------------------

export const GuardianSchema = z.object({
  name: reqText(100).meta({ title: '保護者氏名' }),
  nameKana: optText(100).meta({ title: '保護者氏名（よみ）' }),
  relation: reqText(20).meta({ title: '続柄' }),
  phone: PhoneSchema.optional().default('').meta({ title: '電話番号' }),
  email: z.union([z.literal(''), z.email({ error: 'メールアドレスの形式が正しくありません' })]).optional().default('').meta({ title: 'メールアドレス' }),
  isPrimary: z.boolean().optional().default(false).meta({ title: '主たる保護者' }),
  work: optText(200).meta({ title: '就労の状況' }),
  note: optText(500).meta({ title: '備考' }),
});

export const EmergencyContactSchema = z.object({
  name: reqText(100).meta({ title: '緊急連絡先の氏名' }),
  relation: optText(50).meta({ title: '続柄・関係' }),
  phone: PhoneSchema.min(1, req).meta({ title: '電話番号' }),
  note: optText(300).meta({ title: '備考' }),
});

export const ContactSchema = z
  .object({
    guardians: z.array(GuardianSchema).max(10).optional().default([]).meta({ title: '保護者' }),
    emergencyContacts: z.array(EmergencyContactSchema).max(10).optional().default([]).meta({ title: '緊急連絡先' }),
  })
  .meta({ id: 'ClientContact' });
export type Contact = z.infer<typeof ContactSchema>;

// ---- medical (scope: medical) ---------------------------------------------------------------

export const DiagnosisSchema = z.object({
  name: reqText(200).meta({ title: '診断名' }),
  icd10: text(10).regex(/^([A-Z]\d{2}(\.\d{1,2})?)?$/, { error: 'ICD-10 コードは Q91.3 のような形式で入力してください' }).optional().default('').meta({ title: 'ICD-10' }),
  shomanGroup: z.enum(SHOMAN_GROUP_CODES, { error: '小慢の疾患群を選んでください' }).nullable().optional().default(null).meta({ title: '小慢の疾患群' }),
  since: IsoDateSchema.nullable().optional().default(null).meta({ title: '診断日' }),
  note: optText(500).meta({ title: '備考' }),
});

export const HOSPITAL_ROLES = ['primary', 'specialist', 'home_visit', 'emergency', 'dental', 'other'] as const;
export const HOSPITAL_ROLE_LABELS: Record<(typeof HOSPITAL_ROLES)[number], string> = {
  primary: '主治医', specialist: '専門医', home_visit: '訪問診療', emergency: '救急搬送先', dental: '歯科', other: 'その他',
};
export const HospitalSchema = z.object({
  name: reqText(200).meta({ title: '医療機関名' }),
  department: optText(100).meta({ title: '診療科' }),
  doctor: optText(100).meta({ title: '医師名' }),
  phone: PhoneSchema.optional().default('').meta({ title: '電話番号' }),
  role: z.enum(HOSPITAL_ROLES, { error: '役割を選んでください' }).optional().default('primary').meta({ title: '役割' }),
  officeId: z.string().max(100).nullable().optional().default(null).meta({ title: '事業所（ディレクトリ）' }),
});

export const CareItemEntrySchema = z.object({
  code: z.enum(CARE_ITEM_CODES, { error: '医療的ケアの項目が正しくありません' }).meta({ title: '医療的ケア' }),
  monitoring: z.enum(MONITORING_LEVELS, { error: '見守りは high・middle・low のいずれかです' }).meta({ title: '見守り' }),
  note: optText(1000).meta({ title: 'ケアの内容・留意点' }),
});

export const DeviceSchema = z.object({
  type: reqText(100).meta({ title: '機器の種類' }),
  makerModel: optText(200).meta({ title: 'メーカー・機種' }),
  dealer: optText(200).meta({ title: '取扱業者' }),
  dealerPhone24h: PhoneSchema.optional().default('').meta({ title: '24時間連絡先' }),
  settings: optText(1000).meta({ title: '設定' }),
  batteryHours: z.number().min(0).max(500).nullable().optional().default(null).meta({ title: '内部バッテリー（時間）' }),
  powerWatts: z.number().min(0).max(5000).nullable().optional().default(null).meta({ title: '消費電力（W）' }),
  note: optText(500).meta({ title: '備考' }),
});

export const MedicationSchema = z.object({
  name: reqText(200).meta({ title: '薬剤名' }),
  dose: optText(100).meta({ title: '用量' }),
  timing: optText(100).meta({ title: '用法・時間' }),
  route: optText(50).meta({ title: '投与経路' }),
  note: optText(300).meta({ title: '備考' }),
});

export const AllergySchema = z.object({
  substance: reqText(200).meta({ title: 'アレルゲン' }),
  reaction: optText(200).meta({ title: '症状' }),
  severity: z.enum(['mild', 'moderate', 'severe', 'unknown']).optional().default('unknown').meta({ title: '重症度' }),
});

export const MedicalSchema = z
  .object({
    diagnoses: z.array(DiagnosisSchema).max(30).optional().default([]).meta({ title: '診断名' }),
    hospitals: z.array(HospitalSchema).max(20).optional().default([]).meta({ title: '医療機関・主治医' }),
    careItems: z.array(CareItemEntrySchema).max(30).optional().default([]).meta({ title: '医療的ケア' }),
    devices: z.array(DeviceSchema).max(30).optional().default([]).meta({ title: '医療機器' }),
    medications: z.array(MedicationSchema).max(50).optional().default([]).meta({ title: '服薬' }),
    allergies: z.array(AllergySchema).max(30).optional().default([]).meta({ title: 'アレルギー' }),
    emergencyNotes: optText(3000).meta({ title: '緊急時の対応' }),
    bloodType: optText(10).meta({ title: '血液型' }),
    weightKg: z.number().min(0).max(300).nullable().optional().default(null).meta({ title: '体重（kg）' }),
  })
  .meta({ id: 'ClientMedical' });
export type Medical = z.infer<typeof MedicalSchema>;

export const CareScoreLineSchema = z.object({
  code: z.string(),
  label: z.string(),
  row: z.number().int(),
  base: z.number(),
  monitoring: z.enum(MONITORING_LEVELS),
  monitoringScore: z.number(),
  subtotal: z.number(),
  counted: z.boolean(),
  note: z.string().optional(),
});
export const CareScoreResultSchema = z
  .object({
    total: z.number().int(),
    band: z.union([z.literal(0), z.literal(3), z.literal(16), z.literal(32)]),
    bandLabel: z.string(),
    breakdown: z.array(CareScoreLineSchema),
    ignoredDuplicates: z.array(z.string()),
  })
  .meta({ id: 'CareScoreResult' });

export const CareScoreRequestSchema = z
  .object({
    items: z
      .array(
        z.object({
          code: z.enum(CARE_ITEM_CODES, { error: '医療的ケアの項目コードが正しくありません' }).meta({ title: '項目コード' }),
          monitoring: z.enum(MONITORING_LEVELS, { error: '見守りは high・middle・low のいずれかです' }).meta({ title: '見守り' }),
        }),
      )
      .max(50)
      .meta({ title: '医療的ケア' }),
  })
  .meta({ id: 'CareScoreRequest' });

// ---- record ---------------------------------------------------------------------------------

export const SectionMetaSchema = z.object({ version: z.number().int(), updatedAt: z.string() });

export const TEAM_ROLES = ['consultant', 'coordinator', 'provider', 'medical', 'agency', 'school', 'other'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
export const TEAM_ROLE_LABELS: Record<TeamRole, string> = {
  consultant: '相談支援専門員（主担当）',
  coordinator: '医療的ケア児等コーディネーター（バックアップ）',
  provider: 'サービス提供事業所',
  medical: '医療機関・訪問看護',
  agency: '行政・関係機関',
  school: '教育',
  other: 'その他',
};

export const ClientSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    nameKana: z.string(),
    birthDate: z.string(),
    age: z.number().int(),
    sex: SexSchema,
    municipalityCode: z.string(),
    municipalityName: z.string().nullable(),
    lifeStage: z.enum(LIFE_STAGE_CODES),
    lifeStageLabel: z.string(),
    status: z.enum(['active', 'closed']),
    myTeamRoles: z.array(z.enum(TEAM_ROLES)),
    scopes: z.array(ConsentScopeSchema),
    updatedAt: z.string(),
  })
  .meta({ id: 'ClientSummary' });

export const TransitionSchema = z.object({ kind: z.string(), label: z.string(), date: z.string(), hint: z.string() });

export const ClientRecordSchema = ClientSummarySchema.extend({
  version: z.number().int(),
  createdAt: z.string(),
  /** The referral case (紹介依頼) this record was opened from, when any. Link: /referrals/{caseIntakeId}. */
  caseIntakeId: z.string().nullable(),
  profile: ProfileSchema.extend(SectionMetaSchema.shape).nullable(),
  contact: ContactSchema.extend(SectionMetaSchema.shape).nullable(),
  medical: MedicalSchema.extend(SectionMetaSchema.shape).extend({ careScore: CareScoreResultSchema }).nullable(),
  upcomingTransitions: z.array(TransitionSchema),
  /** Sections the viewer may not see under the recorded consents (shown as 「同意の範囲外」). */
  hiddenScopes: z.array(ConsentScopeSchema),
}).meta({ id: 'ClientRecord' });

export const ClientListQuerySchema = z.object({
  q: z.string().max(100).optional().meta({ title: '検索語' }),
  status: z.enum(['active', 'closed']).optional().meta({ title: '状態' }),
});

// ---- consent --------------------------------------------------------------------------------

export const CONSENT_METHODS = ['written', 'electronic', 'oral'] as const;
export const CONSENT_METHOD_LABELS: Record<(typeof CONSENT_METHODS)[number], string> = { written: '書面', electronic: '電子署名・電子申請', oral: '口頭（記録あり）' };

export const ConsentInputSchema = z
  .object({
    recipientType: z.enum(['office', 'user', 'external'], { error: '提供先の種類を選んでください' }).meta({ title: '提供先の種類' }),
    recipientOfficeId: z.string().max(100).nullable().optional().default(null).meta({ title: '提供先の事業所' }),
    recipientUserId: z.string().max(100).nullable().optional().default(null).meta({ title: '提供先の担当者' }),
    recipientName: optText(200).meta({ title: '提供先の名称' }),
    scopes: z.array(ConsentScopeSchema).min(1, { error: '1つ以上選んでください' }).max(CONSENT_SCOPES.length).meta({ title: '同意の範囲' }),
    purpose: optText(500).meta({ title: '利用目的' }),
    givenBy: reqText(100).meta({ title: '同意した人' }),
    givenByRelation: reqText(20).meta({ title: '同意した人の続柄' }),
    consentedOn: IsoDateSchema.meta({ title: '同意日' }),
    method: z.enum(CONSENT_METHODS, { error: '同意の方法を選んでください' }).meta({ title: '同意の方法' }),
    document: optText(300).meta({ title: '同意書（文書名・保管場所）' }),
    expiresOn: IsoDateSchema.nullable().optional().default(null).meta({ title: '有効期限' }),
  })
  .superRefine((v, ctx) => {
    if (v.recipientType === 'office' && !v.recipientOfficeId) ctx.addIssue({ code: 'custom', path: ['recipientOfficeId'], message: '事業所を選んでください' });
    if (v.recipientType === 'user' && !v.recipientUserId) ctx.addIssue({ code: 'custom', path: ['recipientUserId'], message: '担当者を選んでください' });
    if (v.recipientType === 'external' && !v.recipientName) ctx.addIssue({ code: 'custom', path: ['recipientName'], message: '提供先の名称を入力してください' });
    if (v.method === 'written' && !v.document) ctx.addIssue({ code: 'custom', path: ['document'], message: '書面の同意書の名称・保管場所を入力してください' });
  })
  .meta({ id: 'ConsentInput' });

export const ConsentSchema = z
  .object({
    id: z.string(),
    clientId: z.string(),
    recipientType: z.enum(['office', 'user', 'external']),
    recipientOfficeId: z.string().nullable(),
    recipientUserId: z.string().nullable(),
    recipientName: z.string(),
    scopes: z.array(ConsentScopeSchema),
    purpose: z.string(),
    givenBy: z.string(),
    givenByRelation: z.string(),
    consentedOn: z.string(),
    method: z.enum(CONSENT_METHODS),
    document: z.string(),
    expiresOn: z.string().nullable(),
    recordedBy: z.string(),
    recordedAt: z.string(),
    revokedAt: z.string().nullable(),
    revokeReason: z.string().nullable(),
    active: z.boolean(),
  })
  .meta({ id: 'Consent' });

export const RevokeConsentSchema = z
  .object({ reason: reqText(500).meta({ title: '撤回の理由' }), revokedOn: IsoDateSchema.optional().meta({ title: '撤回日' }) })
  .meta({ id: 'RevokeConsent' });

// ---- team -----------------------------------------------------------------------------------

export const AddTeamMemberSchema = z
  .object({
    role: z.enum(TEAM_ROLES, { error: 'チームでの役割を選んでください' }).meta({ title: 'チームでの役割' }),
    userId: z.string().max(100).nullable().optional().default(null).meta({ title: '担当者' }),
    officeId: z.string().max(100).nullable().optional().default(null).meta({ title: '事業所' }),
    roleNote: optText(200).meta({ title: '役割の説明' }),
  })
  .refine((v) => v.userId || v.officeId, { path: ['officeId'], message: '担当者か事業所を選んでください' })
  .meta({ id: 'AddTeamMember' });

export const TeamMemberSchema = z
  .object({
    id: z.string(),
    clientId: z.string(),
    role: z.enum(TEAM_ROLES),
    roleLabel: z.string(),
    roleNote: z.string(),
    userId: z.string().nullable(),
    userName: z.string().nullable(),
    officeId: z.string().nullable(),
    officeName: z.string().nullable(),
    since: z.string(),
    removedAt: z.string().nullable(),
    /** Scopes the recorded consents give this member (empty = sees nothing yet). */
    scopes: z.array(ConsentScopeSchema),
  })
  .meta({ id: 'TeamMember' });

/** Searching the people of the network to add one by name (a person, not only an office). */
export const TeamCandidateQuerySchema = z.object({
  q: reqText(100).meta({ title: '検索語（氏名・よみ）' }),
});

export const TeamCandidateSchema = z
  .object({
    userId: z.string(),
    name: z.string(),
    nameKana: z.string().nullable(),
    /** Offices the person acts for, each with the scopes a consent to that office gives. */
    offices: z.array(z.object({ id: z.string(), name: z.string(), consentScopes: z.array(ConsentScopeSchema) })),
    /** Scopes of active consents to the person themself. */
    personalConsentScopes: z.array(ConsentScopeSchema),
    /** Already an active member (as themself) of this client's team. */
    onTeam: z.boolean(),
  })
  .meta({ id: 'TeamCandidate' });

// ---- create ---------------------------------------------------------------------------------

export const CreateClientSchema = ClientIdentityInputSchema.extend({
  profile: ProfileSchema.optional(),
  contact: ContactSchema.optional(),
  medical: MedicalSchema.optional(),
  /** The office the creating consultant acts for; defaults to their only office. */
  officeId: z.string().max(100).nullable().optional().default(null).meta({ title: '担当事業所' }),
  /** The guardian's consent to this office holding the record (required: 要配慮個人情報の取得). */
  consent: z
    .object({
      scopes: z.array(ConsentScopeSchema).min(1, { error: '1つ以上選んでください' }).meta({ title: '同意の範囲' }),
      purpose: optText(500).meta({ title: '利用目的' }),
      givenBy: reqText(100).meta({ title: '同意した人' }),
      givenByRelation: reqText(20).meta({ title: '同意した人の続柄' }),
      consentedOn: IsoDateSchema.meta({ title: '同意日' }),
      method: z.enum(CONSENT_METHODS, { error: '同意の方法を選んでください' }).meta({ title: '同意の方法' }),
      document: optText(300).meta({ title: '同意書（文書名・保管場所）' }),
    })
    .meta({ title: '保護者の同意' }),
}).meta({ id: 'CreateClient' });

export const UpdateIdentitySchema = ClientIdentityInputSchema.partial()
  .extend({ status: z.enum(['active', 'closed']).optional().meta({ title: '状態' }), version: VersionSchema })
  .meta({ id: 'UpdateClientIdentity' });

export const UpdateProfileSchema = ProfileSchema.extend({ version: VersionSchema }).meta({ id: 'UpdateClientProfile' });
export const UpdateContactSchema = ContactSchema.extend({ version: VersionSchema }).meta({ id: 'UpdateClientContact' });
export const UpdateMedicalSchema = MedicalSchema.extend({ version: VersionSchema }).meta({ id: 'UpdateClientMedical' });

// ---- provision records ----------------------------------------------------------------------

export const ProvisionSchema = z
  .object({
    id: z.string(),
    clientId: z.string(),
    kind: z.enum(['team_access', 'export']),
    recipientName: z.string(),
    recipientOfficeId: z.string().nullable(),
    recipientUserId: z.string().nullable(),
    scopes: z.array(ConsentScopeSchema),
    items: z.array(z.string()),
    consentId: z.string().nullable(),
    at: z.string(),
    byUserId: z.string().nullable(),
    byName: z.string(),
    retainUntil: z.string(),
  })
  .meta({ id: 'ProvisionRecord' });

// ---- timeline -------------------------------------------------------------------------------

export const TIMELINE_KINDS = ['admission', 'discharge', 'condition_change', 'plan_change', 'note'] as const;
export const TIMELINE_KIND_LABELS: Record<(typeof TIMELINE_KINDS)[number], string> = {
  admission: '入院',
  discharge: '退院',
  condition_change: '体調の変化',
  plan_change: '計画の変更',
  note: 'メモ',
};

export const CreateTimelineEventSchema = z
  .object({
    kind: z.enum(TIMELINE_KINDS, { error: '種類を選んでください' }).meta({ title: '種類' }),
    occurredAt: DateTimeSchema.meta({ title: '日時' }),
    title: reqText(200).meta({ title: '件名' }),
    body: optText(5000).meta({ title: '内容' }),
    place: optText(200).meta({ title: '場所・医療機関' }),
  })
  .meta({ id: 'CreateTimelineEvent' });

export const TimelineEventSchema = z
  .object({
    id: z.string(),
    clientId: z.string(),
    kind: z.enum(TIMELINE_KINDS),
    kindLabel: z.string(),
    occurredAt: z.string(),
    title: z.string(),
    body: z.string(),
    /** The body cut into plain text and glossary terms (linked to /glossary/:id in the app). */
    bodySegments: LinkedTextSchema,
    place: z.string(),
    authorUserId: z.string().nullable(),
    authorName: z.string(),
    notifiedUserIds: z.array(z.string()),
    createdAt: z.string(),
  })
  .meta({ id: 'TimelineEvent' });

// ---- dashboard ------------------------------------------------------------------------------

export const DashboardItemSchema = z
  .object({
    kind: z.enum(['monitoring_due', 'certificate_expiring', 'plan_review', 'life_transition', 'consent_expiring']),
    clientId: z.string(),
    clientName: z.string(),
    date: z.string(),
    overdue: z.boolean(),
    title: z.string(),
    detail: z.string(),
  })
  .meta({ id: 'DashboardItem' });

export const DashboardSchema = z
  .object({ asOf: z.string(), items: z.array(DashboardItemSchema), counts: z.record(z.string(), z.number()) })
  .meta({ id: 'ClientDashboard' });
