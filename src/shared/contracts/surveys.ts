// Contracts for surveys (アンケート), their results and the region's tracked indicators.
import { z } from 'zod';
import { ParticipantRoleSchema } from './events.js';

export const QUESTION_TYPES = ['single', 'multiple', 'likert', 'number', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  single: '単一選択',
  multiple: '複数選択',
  likert: '段階評価（リッカート尺度）',
  number: '数値',
  text: '自由記述',
};

/** Longest free-text answer. Long enough for the seed's longest comment (≈400 characters) ×10. */
export const TEXT_ANSWER_MAX = 4000;

const label = z.string().trim().min(1, { error: '入力してください' }).max(200, { error: '200文字以内で入力してください' });

export const QuestionInputSchema = z
  .object({
    id: z.string().max(100).optional(),
    type: z.enum(QUESTION_TYPES).meta({ title: '質問の種類' }),
    text: z.string().trim().min(1, { error: '入力してください' }).max(1000).meta({ title: '質問文' }),
    required: z.boolean().optional().meta({ title: '必須' }),
    options: z.array(label).max(20, { error: '選択肢は20個までです' }).optional().meta({ title: '選択肢' }),
    minValue: z.number().finite().nullable().optional().meta({ title: '最小値' }),
    maxValue: z.number().finite().nullable().optional().meta({ title: '最大値' }),
  })
  .superRefine((q, ctx) => {
    const n = q.options?.length ?? 0;
    if ((q.type === 'single' || q.type === 'multiple' || q.type === 'likert') && n < 2)
      ctx.addIssue({ code: 'custom', path: ['options'], message: '選択肢（段階）を2つ以上入力してください' });
    if (q.type === 'likert' && n > 11) ctx.addIssue({ code: 'custom', path: ['options'], message: '段階は11までです' });
    if (q.minValue != null && q.maxValue != null && q.minValue > q.maxValue) ctx.addIssue({ code: 'custom', path: ['maxValue'], message: '最大値は最小値以上にしてください' });
  });

export const CreateSurveySchema = z
  .object({
    title: z.string().trim().min(1, { error: '入力してください' }).max(200).meta({ title: 'アンケート名' }),
    description: z.string().trim().max(5000).optional().meta({ title: '説明' }),
    eventId: z.string().max(100).nullable().optional().meta({ title: '行事' }),
    isAnonymous: z.boolean().optional().meta({ title: '無記名' }),
    closesAt: z.iso.datetime({ offset: true }).nullable().optional().meta({ title: '回答締切' }),
    /** Event surveys: sent to the attendees automatically after the event ends (default on when an event is given). */
    autoDistribute: z.boolean().optional().meta({ title: '終了後に自動で配布する' }),
    questions: z.array(QuestionInputSchema).min(1, { error: '質問を1つ以上入れてください' }).max(100).meta({ title: '質問' }),
  })
  .meta({ id: 'CreateSurvey' });

export const UpdateSurveySchema = z
  .object({
    title: CreateSurveySchema.shape.title.optional(),
    description: CreateSurveySchema.shape.description,
    eventId: CreateSurveySchema.shape.eventId,
    isAnonymous: CreateSurveySchema.shape.isAnonymous,
    closesAt: CreateSurveySchema.shape.closesAt,
    autoDistribute: CreateSurveySchema.shape.autoDistribute,
    status: z.enum(['draft', 'open', 'closed']).optional().meta({ title: '状態' }),
    /** Replaces the questions (in this order). Refused once responses exist. */
    questions: CreateSurveySchema.shape.questions.optional(),
  })
  .meta({ id: 'UpdateSurvey' });

export const QuestionSchema = z
  .object({
    id: z.string(),
    position: z.number().int(),
    type: z.enum(QUESTION_TYPES),
    text: z.string(),
    required: z.boolean(),
    options: z.array(z.string()),
    minValue: z.number().nullable(),
    maxValue: z.number().nullable(),
    indicatorId: z.string().nullable(),
    indicatorOptionMap: z.array(z.number().int().nullable()).nullable(),
  })
  .meta({ id: 'SurveyQuestion' });

export const SurveySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    eventId: z.string().nullable(),
    eventTitle: z.string().nullable(),
    eventStartsAt: z.string().nullable(),
    isAnonymous: z.boolean(),
    status: z.enum(['draft', 'open', 'closed']),
    closesAt: z.string().nullable(),
    autoDistribute: z.boolean(),
    /** When the automatic distribution after the event ran (null: not yet). */
    autoDistributedAt: z.string().nullable(),
    copiedFromId: z.string().nullable(),
    questions: z.array(QuestionSchema),
    responseCount: z.number().int(),
    invitationCount: z.number().int(),
    /** For the caller: already answered. */
    responded: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Survey' });

export const SurveyListQuerySchema = z.object({
  eventId: z.string().max(100).optional().meta({ title: '行事' }),
  status: z.enum(['draft', 'open', 'closed']).optional().meta({ title: '状態' }),
  toAnswer: z.enum(['true', 'false']).optional().meta({ title: '未回答のみ' }),
});

export const AnswerInputSchema = z.object({
  questionId: z.string().max(100).meta({ title: '質問' }),
  choices: z.array(z.number().int().min(0).max(50)).max(20).optional().meta({ title: '選択' }),
  number: z.number().finite().optional().meta({ title: '数値' }),
  text: z.string().max(TEXT_ANSWER_MAX, { error: `${TEXT_ANSWER_MAX}文字以内で入力してください` }).optional().meta({ title: '自由記述' }),
});

export const SubmitResponseSchema = z
  .object({
    answers: z.array(AnswerInputSchema).max(100).meta({ title: '回答' }),
    /** Public link, named survey without a registration behind the invitation. */
    respondentName: z.string().trim().max(100).optional().meta({ title: '氏名' }),
    municipalityName: z.string().trim().max(50).optional().meta({ title: '市区町村' }),
    respondentRole: ParticipantRoleSchema.optional(),
    /** Honeypot (public form): leave empty. */
    website: z.string().max(500).optional().meta({ title: '（入力しないでください）' }),
  })
  .meta({ id: 'SubmitResponse' });

export const OptionCountSchema = z.object({ index: z.number().int(), label: z.string(), count: z.number().int(), share: z.number().nullable() });

export const QuestionResultSchema = z
  .object({
    questionId: z.string(),
    position: z.number().int(),
    type: z.enum(QUESTION_TYPES),
    text: z.string(),
    required: z.boolean(),
    /** Responses that answered this question. */
    answered: z.number().int(),
    /** Suggested chart: bar (single/multiple), stacked_bar (likert), histogram (number), list (text). */
    chart: z.enum(['bar', 'stacked_bar', 'histogram', 'list']),
    options: z.array(OptionCountSchema),
    mean: z.number().nullable(),
    median: z.number().nullable(),
    min: z.number().nullable(),
    max: z.number().nullable(),
    histogram: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })),
    /** Free text answers (filtered by `q`). Anonymous surveys list the text only. */
    texts: z.array(z.object({ text: z.string(), respondentName: z.string().nullable(), municipalityName: z.string().nullable() })),
    textTotal: z.number().int(),
  })
  .meta({ id: 'QuestionResult' });

export const SurveyResultsSchema = z
  .object({
    surveyId: z.string(),
    title: z.string(),
    eventTitle: z.string().nullable(),
    eventStartsAt: z.string().nullable(),
    isAnonymous: z.boolean(),
    responseCount: z.number().int(),
    invitedCount: z.number().int(),
    /** responses ÷ invitations (or ÷ event participants when nobody was invited); null when unknown. */
    responseRate: z.number().nullable(),
    /** True when a filter narrowed an anonymous survey below the minimum group size: numbers are withheld. */
    suppressed: z.boolean(),
    questions: z.array(QuestionResultSchema),
  })
  .meta({ id: 'SurveyResults' });

export const ResultsQuerySchema = z.object({
  municipality: z.string().max(50).optional().meta({ title: '市区町村名' }),
  role: ParticipantRoleSchema.optional(),
  q: z.string().max(100).optional().meta({ title: '自由記述の検索語' }),
});

export const CompareResultsSchema = z
  .object({
    a: SurveyResultsSchema,
    b: SurveyResultsSchema,
    /** Questions paired across the two surveys: by tracked indicator first, then by identical wording. */
    pairs: z.array(z.object({ aQuestionId: z.string(), bQuestionId: z.string(), by: z.enum(['indicator', 'text']) })),
  })
  .meta({ id: 'CompareSurveyResults' });

export const CreateInvitationsSchema = z
  .object({
    audience: z.enum(['registered', 'checked_in', 'links']).meta({ title: '配布先（申込者・受付済みの参加者・配布用リンク）' }),
    /** For `links`: how many single-use links to make (e.g. one per seat, shown as QR codes at the venue). */
    count: z.number().int().min(1).max(500).optional().meta({ title: 'リンク数' }),
    expiresInDays: z.number().int().min(1).max(90).optional().meta({ title: '有効日数' }),
  })
  .meta({ id: 'CreateInvitations' });

export const InvitationsResultSchema = z
  .object({ created: z.number().int(), skipped: z.number().int(), expiresAt: z.string(), links: z.array(z.string()) })
  .meta({ id: 'InvitationsResult' });

export const CopySurveySchema = z
  .object({ eventId: z.string().max(100).nullable().optional().meta({ title: '行事' }), title: z.string().trim().min(1).max(200).optional().meta({ title: 'アンケート名' }) })
  .meta({ id: 'CopySurvey' });

export const PublicSurveySchema = z
  .object({
    title: z.string(),
    description: z.string(),
    eventTitle: z.string().nullable(),
    isAnonymous: z.boolean(),
    /** Named survey whose invitation carries no registration: the form asks for name, city and role. */
    asksRespondent: z.boolean(),
    questions: z.array(QuestionSchema.omit({ indicatorId: true, indicatorOptionMap: true })),
    participantRoles: z.array(z.object({ code: ParticipantRoleSchema, label: z.string() })),
  })
  .meta({ id: 'PublicSurvey' });

// Indicators

export const IndicatorSchema = z
  .object({ id: z.string(), key: z.string(), name: z.string(), description: z.string(), options: z.array(z.string()), positiveOptions: z.array(z.number().int()), questionCount: z.number().int() })
  .meta({ id: 'Indicator' });

export const CreateIndicatorSchema = z
  .object({
    /** Stable name for programs (acceptance, satisfaction…); generated when left out. */
    key: z.string().regex(/^[a-z][a-z0-9_]{1,49}$/, { error: '英小文字・数字・_ で入力してください' }).optional().meta({ title: 'キー' }),
    name: z.string().trim().min(1, { error: '入力してください' }).max(200, { error: '200文字以内で入力してください' }).meta({ title: '指標名' }),
    description: z.string().trim().max(2000).optional().meta({ title: '説明' }),
    options: z.array(label).min(2, { error: '選択肢を2つ以上入力してください' }).max(11, { error: '選択肢は11個までです' }).meta({ title: '選択肢（良い順）' }),
    positiveOptions: z.array(z.number().int().min(0).max(10)).max(11).optional().meta({ title: '肯定的な選択肢' }),
  })
  .meta({ id: 'CreateIndicator' });
export const UpdateIndicatorSchema = CreateIndicatorSchema.omit({ key: true }).partial().meta({ id: 'UpdateIndicator' });

export const TrackQuestionSchema = z
  .object({
    indicatorId: z.string().max(100).nullable().meta({ title: '指標' }),
    /** For each option of the question, the indicator option index (null = not counted). Default: by identical label. */
    optionMap: z.array(z.number().int().min(0).max(10).nullable()).max(20).optional().meta({ title: '選択肢の対応' }),
  })
  .meta({ id: 'TrackQuestion' });

export const TrendQuerySchema = z.object({
  municipality: z.string().max(50).optional().meta({ title: '市区町村名' }),
  role: ParticipantRoleSchema.optional(),
});

export const TrendSchema = z
  .object({
    indicator: IndicatorSchema,
    points: z.array(
      z.object({
        surveyId: z.string(),
        surveyTitle: z.string(),
        eventId: z.string().nullable(),
        eventTitle: z.string().nullable(),
        /** The tracked question, its options and how they map onto the indicator's. */
        questionId: z.string(),
        questionText: z.string(),
        questionOptions: z.array(z.string()),
        optionMap: z.array(z.number().int().nullable()),
        date: z.string(),
        responses: z.number().int(),
        distribution: z.array(OptionCountSchema),
        positiveShare: z.number().nullable(),
        suppressed: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'IndicatorTrend' });
