// Contracts of care management: アセスメント, サービス等利用計画 / 障害児支援利用計画 with the
// 週間計画表, モニタリング報告書 and 担当者会議 (DOMAIN.md §4). Editable documents carry a
// `version`: an update sends the version it read and gets 409 when someone saved in between.
import { z } from 'zod';
import { MONITORING_PERIODS } from '../domain/monitoring.js';
import { DateTimeSchema, IsoDateSchema, VersionSchema, optText, reqText } from './clients.js';

const TimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { error: '時刻は 09:30 の形式で入力してください' });

// ---- assessment -----------------------------------------------------------------------------

export const AssessmentSectionsSchema = z.object({
  health: z
    .object({
      condition: optText(3000).meta({ title: '健康状態' }),
      medicalCare: optText(3000).meta({ title: '医療的ケアの状況' }),
      hospitalVisits: optText(2000).meta({ title: '通院・入院の状況' }),
    })
    .optional()
    .default({ condition: '', medicalCare: '', hospitalVisits: '' })
    .meta({ title: '健康・医療的ケア' }),
  dailyLiving: z
    .object({
      meals: optText(2000).meta({ title: '食事' }),
      bathing: optText(2000).meta({ title: '入浴' }),
      sleep: optText(2000).meta({ title: '睡眠' }),
      toileting: optText(2000).meta({ title: '排泄' }),
      mobility: optText(2000).meta({ title: '移動・姿勢' }),
    })
    .optional()
    .default({ meals: '', bathing: '', sleep: '', toileting: '', mobility: '' })
    .meta({ title: '日常生活' }),
  communication: optText(3000).meta({ title: 'コミュニケーション' }),
  development: optText(3000).meta({ title: '発達・活動' }),
  family: z
    .object({
      situation: optText(3000).meta({ title: '家族の状況' }),
      members: z
        .array(
          z.object({
            name: reqText(100).meta({ title: '家族の氏名' }),
            relation: reqText(20).meta({ title: '続柄' }),
            wish: optText(1000).meta({ title: '意向・希望' }),
          }),
        )
        .max(15)
        .optional()
        .default([])
        .meta({ title: '家族それぞれの意向' }),
    })
    .optional()
    .default({ situation: '', members: [] })
    .meta({ title: '家族' }),
  social: optText(3000).meta({ title: '社会参加' }),
  risks: z
    .array(z.object({ risk: reqText(300).meta({ title: 'リスク' }), measures: optText(1000).meta({ title: '対応' }) }))
    .max(20)
    .optional()
    .default([])
    .meta({ title: 'リスク' }),
  strengths: optText(3000).meta({ title: 'ストレングス（強み）' }),
  clientWish: optText(2000).meta({ title: '本人の意向' }),
});

export const AssessmentInputSchema = z
  .object({
    assessedOn: IsoDateSchema.meta({ title: '実施日' }),
    place: optText(200).meta({ title: '実施場所' }),
    sections: AssessmentSectionsSchema,
  })
  .meta({ id: 'AssessmentInput' });
export const UpdateAssessmentSchema = AssessmentInputSchema.extend({ version: VersionSchema }).meta({ id: 'UpdateAssessment' });

export const AssessmentSchema = z
  .object({
    id: z.string(),
    clientId: z.string(),
    assessedOn: z.string(),
    place: z.string(),
    sections: AssessmentSectionsSchema,
    authorName: z.string(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Assessment' });

// ---- plan -----------------------------------------------------------------------------------

export const PLAN_KINDS = ['child', 'adult'] as const;
export const PLAN_KIND_LABELS = { child: '障害児支援利用計画', adult: 'サービス等利用計画' } as const;
export const PLAN_STATUSES = ['draft', 'agreed', 'superseded'] as const;
export const PLAN_STATUS_LABELS = { draft: '案', agreed: '確定（同意済み）', superseded: '過去の版' } as const;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun_holiday'] as const;
export const WEEKDAY_COLUMN_LABELS = { mon: '月', tue: '火', wed: '水', thu: '木', fri: '金', sat: '土', sun_holiday: '日・祝' } as const;

export const PlanServiceSchema = z.object({
  serviceType: optText(50).meta({ title: 'サービスの種類' }),
  content: optText(500).meta({ title: '内容' }),
  amount: optText(100).meta({ title: '量（頻度・時間）' }),
  officeId: z.string().max(100).nullable().optional().default(null).meta({ title: '提供事業所' }),
  officeName: optText(200).meta({ title: '提供事業者名' }),
});

export const PlanNeedSchema = z.object({
  priority: z.number().int().min(1).max(50).meta({ title: '優先順位' }),
  issue: reqText(1000).meta({ title: '解決すべき課題（本人のニーズ）' }),
  goal: optText(1000).meta({ title: '支援目標' }),
  achieveBy: optText(50).meta({ title: '達成時期' }),
  services: z.array(PlanServiceSchema).max(10).optional().default([]).meta({ title: '福祉サービス等' }),
  selfRole: optText(500).meta({ title: '本人の役割' }),
  evaluateBy: optText(50).meta({ title: '評価時期' }),
  notes: optText(1000).meta({ title: 'その他留意事項' }),
});

export const WeeklyEntrySchema = z
  .object({
    day: z.enum(WEEKDAYS, { error: '曜日を選んでください' }).meta({ title: '曜日' }),
    start: TimeSchema.meta({ title: '開始時刻' }),
    end: TimeSchema.meta({ title: '終了時刻' }),
    kind: z.enum(['service', 'activity'], { error: 'サービスか日常の活動かを選んでください' }).meta({ title: '区分' }),
    label: reqText(100).meta({ title: '内容' }),
    officeId: z.string().max(100).nullable().optional().default(null).meta({ title: '事業所' }),
  })
  .refine((e) => e.start < e.end, { path: ['end'], message: '終了時刻は開始時刻より後にしてください' });

export const WeeklyScheduleSchema = z
  .object({
    entries: z.array(WeeklyEntrySchema).max(300).optional().default([]).meta({ title: '週間計画' }),
    dailyActivities: optText(2000).meta({ title: '主な日常生活上の活動' }),
    nonWeeklyServices: optText(2000).meta({ title: '週単位以外のサービス' }),
    overallLife: optText(2000).meta({ title: 'サービス提供によって実現する生活の全体像' }),
  })
  .meta({ id: 'WeeklySchedule' });

export const PlanHeaderSchema = z.object({
  guardianName: optText(100).meta({ title: '保護者氏名' }),
  guardianRelation: optText(20).meta({ title: '続柄' }),
  supportCategory: optText(20).meta({ title: '障害支援区分' }),
  recipientNumber: optText(30).meta({ title: '受給者証番号' }),
  costCap: optText(30).meta({ title: '利用者負担上限額' }),
  officeName: optText(200).meta({ title: '相談支援事業者名' }),
  plannerName: optText(100).meta({ title: '計画作成担当者' }),
});

export const PlanBodySchema = z.object({
  kind: z.enum(PLAN_KINDS, { error: '計画の種類を選んでください' }).meta({ title: '計画の種類' }),
  createdOn: IsoDateSchema.meta({ title: '計画作成日' }),
  startDate: IsoDateSchema.meta({ title: '計画開始日' }),
  reviewDate: IsoDateSchema.nullable().optional().default(null).meta({ title: '見直し予定日' }),
  monitoringPeriodMonths: z
    .number()
    .refine((v) => (MONITORING_PERIODS as readonly number[]).includes(v), { error: 'モニタリング期間は 1・3・6 か月のいずれかです' })
    .meta({ title: 'モニタリング期間（月）' }),
  isNewPlan: z.boolean().optional().default(false).meta({ title: '新規・大幅な変更（最初の3か月は毎月）' }),
  header: PlanHeaderSchema.optional().default({ guardianName: '', guardianRelation: '', supportCategory: '', recipientNumber: '', costCap: '', officeName: '', plannerName: '' }).meta({ title: '計画の基本情報' }),
  wishes: optText(3000).meta({ title: '利用者及びその家族の生活に対する意向' }),
  policy: optText(3000).meta({ title: '総合的な援助の方針' }),
  longTermGoal: optText(2000).meta({ title: '長期目標' }),
  shortTermGoal: optText(2000).meta({ title: '短期目標' }),
  needs: z.array(PlanNeedSchema).max(30).optional().default([]).meta({ title: '課題と支援' }),
  weekly: WeeklyScheduleSchema.optional().default({ entries: [], dailyActivities: '', nonWeeklyServices: '', overallLife: '' }).meta({ title: '週間計画表' }),
});

export const CreatePlanSchema = PlanBodySchema.partial({ kind: true, createdOn: true, startDate: true, monitoringPeriodMonths: true })
  .extend({ copyFromPlanId: z.string().max(100).nullable().optional().default(null).meta({ title: '元にする計画' }) })
  .meta({ id: 'CreatePlan' });
export const UpdatePlanSchema = PlanBodySchema.extend({ version: VersionSchema }).meta({ id: 'UpdatePlan' });
export const UpdateWeeklySchema = WeeklyScheduleSchema.extend({ version: VersionSchema }).meta({ id: 'UpdateWeeklySchedule' });
export const AgreePlanSchema = z
  .object({
    version: VersionSchema,
    agreedOn: IsoDateSchema.meta({ title: '同意日' }),
    agreedBy: reqText(100).meta({ title: '同意した人（署名者）' }),
  })
  .meta({ id: 'AgreePlan' });

export const MonitoringDueSchema = z.object({ month: z.string(), dueBy: z.string(), sequence: z.number().int(), isInitialMonthly: z.boolean(), done: z.boolean() });

export const PlanSchema = PlanBodySchema.extend({
  id: z.string(),
  clientId: z.string(),
  kindLabel: z.string(),
  status: z.enum(PLAN_STATUSES),
  statusLabel: z.string(),
  revision: z.number().int(),
  agreedOn: z.string().nullable(),
  agreedBy: z.string().nullable(),
  supersededAt: z.string().nullable(),
  version: z.number().int(),
  authorName: z.string(),
  updatedAt: z.string(),
  monitoringSchedule: z.array(MonitoringDueSchema),
}).meta({ id: 'Plan' });

export const PlanSummarySchema = z
  .object({ id: z.string(), revision: z.number().int(), kind: z.enum(PLAN_KINDS), status: z.enum(PLAN_STATUSES), createdOn: z.string(), startDate: z.string(), agreedOn: z.string().nullable(), version: z.number().int(), updatedAt: z.string() })
  .meta({ id: 'PlanSummary' });

// ---- monitoring -----------------------------------------------------------------------------

export const ACHIEVEMENTS = ['achieved', 'partly', 'not_yet'] as const;
export const ACHIEVEMENT_LABELS = { achieved: '達成', partly: '一部達成', not_yet: '未達成' } as const;

export const MonitoringGoalSchema = z.object({
  priority: z.number().int().min(1).max(50).meta({ title: '優先順位' }),
  goal: reqText(1000).meta({ title: '支援目標' }),
  achieveBy: optText(50).meta({ title: '達成時期' }),
  serviceStatus: optText(2000).meta({ title: 'サービス提供状況' }),
  satisfaction: optText(2000).meta({ title: '本人の感想・満足度' }),
  achievement: z.enum(ACHIEVEMENTS, { error: '達成度を選んでください' }).meta({ title: '達成度' }),
  issues: optText(2000).meta({ title: '今後の課題・解決方法' }),
  changeType: z.boolean().optional().default(false).meta({ title: '計画変更の必要性（サービス種類）' }),
  changeAmount: z.boolean().optional().default(false).meta({ title: '計画変更の必要性（サービス量）' }),
  changeWeekly: z.boolean().optional().default(false).meta({ title: '計画変更の必要性（週間計画）' }),
  notes: optText(1000).meta({ title: 'その他留意事項' }),
});

export const MonitoringInputSchema = z
  .object({
    planId: z.string().max(100).meta({ title: '対象の計画' }),
    conductedOn: IsoDateSchema.meta({ title: '実施日' }),
    place: optText(200).meta({ title: '実施場所' }),
    overall: optText(3000).meta({ title: '全体の状況' }),
    goals: z.array(MonitoringGoalSchema).max(30).optional().default([]).meta({ title: '目標ごとの評価' }),
    planChangeNeeded: z.boolean().optional().default(false).meta({ title: '計画の見直しが必要' }),
  })
  .meta({ id: 'MonitoringInput' });
export const UpdateMonitoringSchema = MonitoringInputSchema.omit({ planId: true }).extend({ version: VersionSchema }).meta({ id: 'UpdateMonitoring' });

export const MonitoringReportSchema = z
  .object({
    id: z.string(),
    clientId: z.string(),
    planId: z.string(),
    planRevision: z.number().int(),
    conductedOn: z.string(),
    place: z.string(),
    overall: z.string(),
    goals: z.array(MonitoringGoalSchema),
    planChangeNeeded: z.boolean(),
    authorName: z.string(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'MonitoringReport' });

// ---- case conference (担当者会議) -----------------------------------------------------------

export const ConferenceInputSchema = z
  .object({
    heldAt: DateTimeSchema.meta({ title: '開催日時' }),
    place: optText(200).meta({ title: '場所' }),
    purpose: optText(500).meta({ title: '目的' }),
    attendees: z
      .array(
        z.object({
          teamMemberId: z.string().max(100).nullable().optional().default(null).meta({ title: 'チームメンバー' }),
          name: reqText(100).meta({ title: '出席者氏名' }),
          organization: optText(200).meta({ title: '所属' }),
          role: optText(100).meta({ title: '職種・役割' }),
        }),
      )
      .max(40)
      .optional()
      .default([])
      .meta({ title: '出席者' }),
    agenda: optText(3000).meta({ title: '検討事項' }),
    minutes: optText(10000).meta({ title: '検討内容（議事録）' }),
    decisions: z.array(reqText(1000).meta({ title: '結論' })).max(30).optional().default([]).meta({ title: '結論' }),
    tasks: z
      .array(
        z.object({
          task: reqText(500).meta({ title: '課題' }),
          ownerName: optText(100).meta({ title: '担当者' }),
          ownerUserId: z.string().max(100).nullable().optional().default(null).meta({ title: '担当者（アカウント）' }),
          dueOn: IsoDateSchema.nullable().optional().default(null).meta({ title: '期限' }),
          done: z.boolean().optional().default(false).meta({ title: '完了' }),
        }),
      )
      .max(40)
      .optional()
      .default([])
      .meta({ title: '残された課題と担当' }),
    planId: z.string().max(100).nullable().optional().default(null).meta({ title: '関連する計画' }),
  })
  .meta({ id: 'ConferenceInput' });
export const UpdateConferenceSchema = ConferenceInputSchema.extend({ version: VersionSchema }).meta({ id: 'UpdateConference' });

export const ConferenceSchema = ConferenceInputSchema.extend({
  id: z.string(),
  clientId: z.string(),
  authorName: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
}).meta({ id: 'Conference' });
