// People registry (issue #4 item 1): consultants' and coordinators' profiles. The caseload is
// never typed in: the server counts the cases assigned to the person (referral_case).
import { z } from 'zod';
import { CARE_ITEM_CODES } from '../domain/care-items.js';
import { MunicipalityCodeSchema } from './region.js';

export const QUALIFICATION_CODES = [
  'consultant_specialist',
  'nurse',
  'public_health_nurse',
  'social_worker',
  'psychiatric_social_worker',
  'care_worker',
  'childcare_worker',
  'therapist',
  'other',
] as const;
export type QualificationCode = (typeof QUALIFICATION_CODES)[number];

export const QUALIFICATION_LABELS: Record<QualificationCode, string> = {
  consultant_specialist: '相談支援専門員',
  nurse: '看護師',
  public_health_nurse: '保健師',
  social_worker: '社会福祉士',
  psychiatric_social_worker: '精神保健福祉士',
  care_worker: '介護福祉士',
  childcare_worker: '保育士',
  therapist: '理学療法士・作業療法士・言語聴覚士',
  other: 'その他',
};

/** Whether the person takes medical-care cases; `with_backup` = only with a coordinator behind them (the seed's majority). */
export const ACCEPTS_CODES = ['yes', 'with_backup', 'no'] as const;
export type AcceptsMedicalCare = (typeof ACCEPTS_CODES)[number];
export const ACCEPTS_LABELS: Record<AcceptsMedicalCare, string> = {
  yes: '引き受けられる',
  with_backup: 'コーディネーターの支援があれば引き受けられる',
  no: '引き受けられない',
};

export const DAY_CODES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'holiday'] as const;
export type DayCode = (typeof DAY_CODES)[number];
export const DAY_LABELS: Record<DayCode, string> = { mon: '月', tue: '火', wed: '水', thu: '木', fri: '金', sat: '土', sun: '日', holiday: '祝' };

/** Self-declared, optional; shown only because families ask for it (e.g. 女性の相談員を希望). */
export const DECLARED_GENDERS = ['female', 'male', 'other'] as const;
export type DeclaredGender = (typeof DECLARED_GENDERS)[number];

export const PEOPLE_ROLES = ['consultant', 'coordinator'] as const;

const CareItemCodeSchema = z.enum(CARE_ITEM_CODES, { error: '医療的ケアの項目が正しくありません' });

export const PersonProfileSchema = z
  .object({
    userId: z.string(),
    name: z.string(),
    nameKana: z.string().nullable(),
    roles: z.array(z.string()),
    offices: z.array(z.object({ id: z.string(), name: z.string(), municipalityCode: z.string() })),
    /** False until the person (or a coordinator) has filled in the profile. */
    hasProfile: z.boolean(),
    qualifications: z.array(z.enum(QUALIFICATION_CODES)),
    coordinatorTrainingYear: z.number().int().nullable(),
    acceptsMedicalCare: z.enum(ACCEPTS_CODES).nullable(),
    careItems: z.array(CareItemCodeSchema),
    maxCaseload: z.number().int().nullable(),
    /** Cases assigned to this person and not closed (computed, never typed in). */
    currentCaseload: z.number().int(),
    freeCapacity: z.number().int().nullable(),
    municipalities: z.array(z.string()),
    availableDays: z.array(z.enum(DAY_CODES)),
    declaredGender: z.enum(DECLARED_GENDERS).nullable(),
    languages: z.array(z.string()),
    note: z.string(),
    /** Coordinators: open to backing consultants up, and how many cases at most. */
    backupAvailable: z.boolean(),
    maxBackupCases: z.number().int().nullable(),
    currentBackupCases: z.number().int(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'PersonProfile' });
export type PersonProfile = z.infer<typeof PersonProfileSchema>;

export const UpdatePersonProfileSchema = z
  .object({
    qualifications: z.array(z.enum(QUALIFICATION_CODES, { error: '資格の値が正しくありません' })).max(20).meta({ title: '資格' }),
    coordinatorTrainingYear: z.number().int().min(2000, { error: '2000年以降で入力してください' }).max(2100).nullable().meta({ title: 'コーディネーター養成研修の修了年' }),
    acceptsMedicalCare: z.enum(ACCEPTS_CODES, { error: '引き受けられる・支援があれば・引き受けられない のいずれかを選んでください' }).meta({ title: '医療的ケアのケースの引き受け' }),
    careItems: z.array(CareItemCodeSchema).max(CARE_ITEM_CODES.length).meta({ title: '経験のある医療的ケア' }),
    maxCaseload: z.number().int().min(0, { error: '0以上で入力してください' }).max(200, { error: '200以下で入力してください' }).meta({ title: '担当できる最大件数' }),
    municipalities: z.array(MunicipalityCodeSchema).max(100).meta({ title: '担当地域' }),
    availableDays: z.array(z.enum(DAY_CODES, { error: '曜日の値が正しくありません' })).max(8).meta({ title: '対応できる曜日' }),
    declaredGender: z.enum(DECLARED_GENDERS).nullable().optional().meta({ title: '性別（任意・自己申告）' }),
    languages: z.array(z.string().trim().min(1).max(50)).max(10).optional().meta({ title: '対応できる言語' }),
    note: z.string().trim().max(1000, { error: '1000文字以内で入力してください' }).optional().meta({ title: '備考' }),
    backupAvailable: z.boolean().optional().meta({ title: '後方支援の受け入れ' }),
    maxBackupCases: z.number().int().min(0).max(200).nullable().optional().meta({ title: '後方支援の最大件数' }),
  })
  .meta({ id: 'UpdatePersonProfile' });
export type UpdatePersonProfile = z.infer<typeof UpdatePersonProfileSchema>;

const boolString = z.enum(['true', 'false']);

export const PeopleListQuerySchema = z.object({
  q: z.string().max(100).optional().meta({ title: '検索語（氏名・よみ）' }),
  role: z.enum(PEOPLE_ROLES).optional().meta({ title: '役割' }),
  municipality: MunicipalityCodeSchema.optional(),
  accepts: z.enum(ACCEPTS_CODES).optional().meta({ title: '医療的ケアのケースの引き受け' }),
  careItem: CareItemCodeSchema.optional().meta({ title: '医療的ケア' }),
  hasCapacity: boolString.optional().meta({ title: '空き枠あり' }),
  trainingCompleted: boolString.optional().meta({ title: 'コーディネーター養成研修修了' }),
});
