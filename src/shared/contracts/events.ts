// Contracts for network activities (meetings, training sessions) and registrations.
import { z } from 'zod';

export const EVENT_KINDS = ['coordinator_meeting', 'training', 'case_study', 'council'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  coordinator_meeting: 'コーディネーター打ち合わせ',
  training: '研修会',
  case_study: '事例検討会',
  council: '連携推進会議・協議の場',
};
export const EventKindSchema = z.enum(EVENT_KINDS).meta({ title: '種別' });

/** Who a participant is, for the counts by role (the seed reports participants by city and role). */
export const PARTICIPANT_ROLES = ['consultant', 'coordinator', 'nurse', 'doctor', 'welfare_staff', 'official', 'teacher', 'other'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
export const PARTICIPANT_ROLE_LABELS: Record<ParticipantRole, string> = {
  consultant: '相談支援専門員',
  coordinator: '医療的ケア児等コーディネーター',
  nurse: '看護師',
  doctor: '医師',
  welfare_staff: '福祉・療育の職員',
  official: '行政職員',
  teacher: '教育関係者',
  other: 'その他',
};
export const ParticipantRoleSchema = z.enum(PARTICIPANT_ROLES, { error: '職種を一覧から選んでください' }).meta({ title: '職種' });

const text = (max: number, title: string) => z.string().trim().max(max, { error: `${max}文字以内で入力してください` }).meta({ title });
const required = (max: number, title: string) => text(max, title).min(1, { error: '入力してください' });
const instant = (title: string) =>
  z.iso.datetime({ offset: true, error: '日時は 2026-06-24T14:00:00+09:00 の形式で入力してください' }).meta({ title });
const httpUrl = z
  .url({ protocol: /^https?$/, error: 'http:// または https:// で始まる URL を入力してください' })
  .max(500)
  .meta({ title: 'オンライン参加 URL' });

export const EventStaffSchema = z.object({
  role: z.enum(['organiser', 'lecturer', 'facilitator']).meta({ title: '役割（主催・講師・ファシリテーター）' }),
  name: required(100, '氏名・団体名'),
  affiliation: text(200, '所属').optional(),
});

export const ProgrammeItemSchema = z.object({
  kind: z.enum(['lecture', 'group_work', 'other']).meta({ title: 'プログラム種別（講話・グループワーク・その他）' }),
  title: required(200, 'プログラム名'),
  description: text(2000, '内容').optional(),
  presenter: text(200, '担当').optional(),
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'HH:MM の形式で入力してください' }).optional().meta({ title: '開始時刻' }),
  durationMinutes: z.number().int().min(1).max(24 * 60).optional().meta({ title: '所要時間（分）' }),
});

const EventFields = {
  kind: EventKindSchema,
  title: required(200, '名称'),
  description: text(5000, '概要').optional(),
  startsAt: instant('開始日時'),
  endsAt: instant('終了日時'),
  venue: text(300, '会場').nullable().optional(),
  onlineUrl: httpUrl.nullable().optional(),
  targetAudience: text(300, '対象').optional(),
  staff: z.array(EventStaffSchema).max(50).optional().meta({ title: '主催・講師・ファシリテーター' }),
  programme: z.array(ProgrammeItemSchema).max(30).optional().meta({ title: 'プログラム' }),
  capacity: z.number().int().min(0).max(10000).nullable().optional().meta({ title: '定員' }),
  registrationOpen: z.boolean().optional().meta({ title: '申込受付中' }),
  registrationClosesAt: instant('申込締切').nullable().optional(),
  publicRegistration: z.boolean().optional().meta({ title: 'ネットワーク外からの申込（公開リンク）' }),
  hostMunicipalityCode: z.string().regex(/^\d{5}$/).nullable().optional().meta({ title: '開催市' }),
  minutes: text(50_000, '議事録').nullable().optional(),
};

const endsAfterStart = (v: { startsAt?: string; endsAt?: string }) => !v.startsAt || !v.endsAt || Date.parse(v.endsAt) >= Date.parse(v.startsAt);
const endsAfterStartIssue = { error: '終了日時は開始日時より後にしてください', path: ['endsAt'] };

export const CreateEventSchema = z.object(EventFields).refine(endsAfterStart, endsAfterStartIssue).meta({ id: 'CreateEvent' });
export const UpdateEventSchema = z
  .object({ ...EventFields, status: z.enum(['scheduled', 'cancelled']).optional().meta({ title: '状態' }), regeneratePublicLink: z.boolean().optional().meta({ title: '公開リンクを作り直す' }) })
  .partial()
  .refine(endsAfterStart, endsAfterStartIssue)
  .meta({ id: 'UpdateEvent' });

export const EventCountsSchema = z.object({
  registered: z.number().int(),
  waitlisted: z.number().int(),
  checkedIn: z.number().int(),
  staff: z.number().int(),
  seatsLeft: z.number().int().nullable(),
});

export const MyRegistrationSchema = z.object({ id: z.string(), status: z.enum(['registered', 'waitlisted']), checkInCode: z.string(), waitlistPosition: z.number().int().nullable() });

export const EventSchema = z
  .object({
    id: z.string(),
    kind: EventKindSchema,
    kindLabel: z.string(),
    title: z.string(),
    description: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    venue: z.string().nullable(),
    onlineUrl: z.string().nullable(),
    targetAudience: z.string(),
    staff: z.array(EventStaffSchema),
    programme: z.array(ProgrammeItemSchema),
    capacity: z.number().int().nullable(),
    registrationOpen: z.boolean(),
    registrationClosesAt: z.string().nullable(),
    /** Computed: open, not cancelled, not past, before the deadline. */
    acceptingRegistrations: z.boolean(),
    publicRegistration: z.boolean(),
    /** Link to share with people outside the network (null when public registration is off). */
    publicUrl: z.string().nullable(),
    minutes: z.string().nullable(),
    hostMunicipalityCode: z.string().nullable(),
    status: z.enum(['scheduled', 'cancelled']),
    counts: EventCountsSchema,
    myRegistration: MyRegistrationSchema.nullable(),
    materialCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Event' });

export const EventListQuerySchema = z.object({
  from: z.iso.date({ error: 'YYYY-MM-DD の形式で入力してください' }).optional().meta({ title: '期間（から）' }),
  to: z.iso.date({ error: 'YYYY-MM-DD の形式で入力してください' }).optional().meta({ title: '期間（まで）' }),
  kind: EventKindSchema.optional(),
  q: z.string().max(100).optional().meta({ title: '検索語' }),
  mine: z.enum(['true', 'false']).optional().meta({ title: '申込済みのみ' }),
});

export const RegistrationSchema = z
  .object({
    id: z.string(),
    eventId: z.string(),
    userId: z.string().nullable(),
    source: z.enum(['member', 'public', 'staff']),
    name: z.string(),
    email: z.string(),
    officeName: z.string(),
    municipalityCode: z.string().nullable(),
    municipalityName: z.string(),
    participantRole: ParticipantRoleSchema,
    isStaff: z.boolean(),
    status: z.enum(['registered', 'waitlisted', 'cancelled']),
    waitlistPosition: z.number().int().nullable(),
    checkInCode: z.string(),
    checkedInAt: z.string().nullable(),
    groupId: z.string().nullable(),
    groupName: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Registration' });

export const RegistrationListQuerySchema = z.object({
  status: z.enum(['registered', 'waitlisted', 'cancelled']).optional().meta({ title: '状態' }),
  q: z.string().max(100).optional().meta({ title: '検索語' }),
});

export const MemberRegisterSchema = z
  .object({
    participantRole: ParticipantRoleSchema.optional(),
    officeName: text(200, '所属事業所').optional(),
  })
  .meta({ id: 'MemberRegister' });

export const PublicRegisterSchema = z
  .object({
    name: required(100, '氏名'),
    email: z.string().trim().toLowerCase().max(254).pipe(z.email({ error: 'メールアドレスの形式が正しくありません' })).meta({ title: 'メールアドレス' }),
    officeName: required(200, '所属事業所'),
    municipalityName: required(50, '市区町村'),
    municipalityCode: z.string().regex(/^\d{5}$/, { error: '5桁の数字で入力してください' }).nullable().optional().meta({ title: '市区町村コード' }),
    participantRole: ParticipantRoleSchema,
    /** Honeypot: hidden in the form; a person leaves it empty, a bot fills it. */
    website: z.string().max(500).optional().meta({ title: '（入力しないでください）' }),
  })
  .meta({ id: 'PublicRegister' });

export const StaffAddRegistrationSchema = z
  .object({
    name: required(100, '氏名'),
    email: z.string().trim().toLowerCase().max(254).pipe(z.email({ error: 'メールアドレスの形式が正しくありません' })).optional().meta({ title: 'メールアドレス' }),
    userId: z.string().max(100).optional().meta({ title: 'アカウント' }),
    officeName: text(200, '所属事業所').optional(),
    municipalityName: text(50, '市区町村').optional(),
    municipalityCode: z.string().regex(/^\d{5}$/).nullable().optional().meta({ title: '市区町村コード' }),
    participantRole: ParticipantRoleSchema,
    isStaff: z.boolean().optional().meta({ title: '講師・ファシリテーター' }),
  })
  .meta({ id: 'StaffAddRegistration' });

export const UpdateRegistrationSchema = z
  .object({
    groupId: z.string().max(100).nullable().optional().meta({ title: 'グループ' }),
    participantRole: ParticipantRoleSchema.optional(),
    isStaff: z.boolean().optional().meta({ title: '講師・ファシリテーター' }),
    status: z.literal('cancelled').optional().meta({ title: '状態' }),
  })
  .meta({ id: 'UpdateRegistration' });

export const CheckInSchema = z
  .object({
    registrationId: z.string().max(100).optional().meta({ title: '申込' }),
    code: z.string().max(100).optional().meta({ title: '受付コード' }),
    undo: z.boolean().optional().meta({ title: '取り消し' }),
  })
  .refine((v) => Boolean(v.registrationId) !== Boolean(v.code), { error: '申込 ID か受付コードのどちらか一方を指定してください', path: ['code'] })
  .meta({ id: 'CheckIn' });

export const PublicRegistrationResultSchema = z
  .object({
    status: z.enum(['registered', 'waitlisted']),
    waitlistPosition: z.number().int().nullable(),
    checkInCode: z.string().nullable(),
    message: z.string(),
  })
  .meta({ id: 'PublicRegistrationResult' });

export const PublicEventSchema = z
  .object({
    title: z.string(),
    kind: EventKindSchema,
    kindLabel: z.string(),
    description: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    venue: z.string().nullable(),
    isOnline: z.boolean(),
    targetAudience: z.string(),
    staff: z.array(EventStaffSchema),
    programme: z.array(ProgrammeItemSchema),
    capacity: z.number().int().nullable(),
    seatsLeft: z.number().int().nullable(),
    acceptingRegistrations: z.boolean(),
    status: z.enum(['scheduled', 'cancelled']),
    participantRoles: z.array(z.object({ code: ParticipantRoleSchema, label: z.string() })),
    municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
  })
  .meta({ id: 'PublicEvent' });

export const EventGroupSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    facilitatorName: z.string().nullable(),
    facilitatorUserId: z.string().nullable(),
    summary: z.string(),
    sortOrder: z.number().int(),
    members: z.array(z.object({ registrationId: z.string(), name: z.string(), municipalityName: z.string(), participantRole: ParticipantRoleSchema })),
  })
  .meta({ id: 'EventGroup' });

export const PutGroupsSchema = z
  .object({
    groups: z
      .array(
        z.object({
          id: z.string().max(100).optional(),
          name: required(50, 'グループ名'),
          facilitatorName: text(100, 'ファシリテーター').nullable().optional(),
          facilitatorUserId: z.string().max(100).nullable().optional(),
          summary: text(10_000, '発表内容').optional(),
        }),
      )
      .max(50),
  })
  .meta({ id: 'PutGroups' });

export const AssignGroupsSchema = z
  .object({
    mode: z.enum(['balanced', 'clear']).meta({ title: '割り振り方法' }),
    onlyCheckedIn: z.boolean().optional().meta({ title: '受付済みの人のみ' }),
  })
  .meta({ id: 'AssignGroups' });

export const EventStatsSchema = z
  .object({
    participants: z.number().int(),
    registered: z.number().int(),
    waitlisted: z.number().int(),
    cancelled: z.number().int(),
    checkedIn: z.number().int(),
    staff: z.number().int(),
    byMunicipality: z.array(z.object({ municipalityName: z.string(), registered: z.number().int(), checkedIn: z.number().int() })),
    byRole: z.array(z.object({ role: ParticipantRoleSchema, label: z.string(), registered: z.number().int(), checkedIn: z.number().int() })),
  })
  .meta({ id: 'EventStats' });

export const EventMaterialSchema = z
  .object({ id: z.string(), eventId: z.string(), filename: z.string(), mimeType: z.string(), size: z.number().int(), sha256: z.string(), createdAt: z.string() })
  .meta({ id: 'EventMaterial' });
