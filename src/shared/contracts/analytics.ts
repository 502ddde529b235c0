// Shared contract for the council analytics (issue #8, capability C10): the regional dashboard
// sections, CSV exports, monthly snapshots (trends, compare two dates) and the council report.
//
// Every figure travels in one shape (FigureSchema): a small table (columns + rows) with its
// definition (what is counted, from which data, as of when) and, where it matters, summary
// statistics. The web app draws charts from the same rows it shows as a table, so the CSV, the
// table, the chart and the printed report can never disagree.
//
// Privacy (DOMAIN.md §11, issue #8 item 3): only aggregates leave the client records. A count
// of clients below the configured threshold (ANALYTICS_SUPPRESS_BELOW, default 5) is replaced
// by the marker "<5" in every cell visible outside the city the clients live in. A cell is
// shown exactly only to an official of that one city. Ratios computed from a suppressed count
// are null with `suppressed: true`.
import { z } from 'zod';

// ── Area, period, filters ────────────────────────────────────────────────────────────────

export const ANALYTICS_SECTIONS = ['demand', 'supply', 'gaps', 'people', 'referrals', 'preparedness', 'network'] as const;
export type AnalyticsSection = (typeof ANALYTICS_SECTIONS)[number];
export const AnalyticsSectionSchema = z.enum(ANALYTICS_SECTIONS, { error: `セクションは ${ANALYTICS_SECTIONS.join('・')} のいずれかを指定してください` }).meta({ title: 'セクション' });

export const ANALYTICS_SECTION_LABELS: Record<AnalyticsSection, string> = {
  demand: '需要（医療的ケア児者とサービスのニーズ）',
  supply: '供給（事業所・サービス）',
  gaps: '需要と供給のギャップ',
  people: '人材（相談支援専門員・コーディネーター）',
  referrals: 'つなぎ（紹介・打診）',
  preparedness: '災害への備え',
  network: 'ネットワーク（研修・意識）',
};

/**
 * The area looked at:
 * - `region` (default): the 東葛 region (the council's municipalities, shared/domain/municipalities.ts);
 * - `all`: every municipality in the database (national benchmarks);
 * - `zone:<name>`: one 障害保健福祉圏域 (municipality.region, e.g. `zone:松戸`);
 * - a comma-separated list of 5-digit municipality codes (`12207,12217`).
 */
export const AreaSchema = z
  .string()
  .trim()
  .max(400, { error: '400文字以内で指定してください' })
  .regex(/^(region|all|zone:[^,]{1,40}|\d{5}(,\d{5}){0,99})$/, { error: '地域は region・all・zone:圏域名・市区町村コード（5桁、カンマ区切り）のいずれかで指定してください' })
  .default('region')
  .meta({ title: '地域', description: 'region（東葛）・all（全国）・zone:圏域名・市区町村コード（カンマ区切り）' });

const IsoDateSchema = z.iso.date({ error: '日付は YYYY-MM-DD の形式で指定してください' });
export const MonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月は YYYY-MM の形式で指定してください' })
  .meta({ title: '月' });

/** Query of every dashboard view, CSV export and drill-down. */
export const AnalyticsQuerySchema = z
  .object({
    area: AreaSchema,
    /** Point-in-time figures (clients, services, people, plans) are as of this date; default today (Asia/Tokyo). */
    asOf: IsoDateSchema.optional().meta({ title: '基準日' }),
    /** Flow figures (referrals, training) count events in [from, to]; default the 12 months to asOf. */
    from: IsoDateSchema.optional().meta({ title: '期間の開始日' }),
    to: IsoDateSchema.optional().meta({ title: '期間の終了日' }),
    /** "Waiting longer than N days" (referrals) — default 30. */
    waitingDays: z.coerce.number().int().min(1, { error: '1以上で指定してください' }).max(365, { error: '365以下で指定してください' }).optional().meta({ title: '待機日数' }),
  })
  .meta({ id: 'AnalyticsQuery' });
export type AnalyticsQuery = z.infer<typeof AnalyticsQuerySchema>;

// ── Cells and figures ────────────────────────────────────────────────────────────────────

/** Marker of a suppressed count: "<" + threshold ("<5"). */
export const SuppressedSchema = z.string().regex(/^<\d+$/).meta({ id: 'AnalyticsSuppressed', description: '閾値未満のため秘匿（例: "<5"）' });
export const isSuppressed = (v: unknown): v is string => typeof v === 'string' && /^<\d+$/.test(v);
export const suppressedMarker = (threshold: number) => `<${threshold}`;

/** One table cell: a label, a number, the suppression marker, or null (not applicable / no data). */
export const CellSchema = z.union([z.number(), z.string(), z.boolean(), z.null()]);
export type Cell = z.infer<typeof CellSchema>;

export const COLUMN_KINDS = ['label', 'code', 'count', 'number', 'ratio', 'share', 'days', 'flag'] as const;
export const ColumnSchema = z.object({
  key: z.string(),
  label: z.string(),
  /** count: integer (may be suppressed); ratio: demand ÷ supply; share: 0–1; days: duration; flag: boolean. */
  kind: z.enum(COLUMN_KINDS),
  /** True when the column counts clients (subject to suppression outside the city). */
  clientCount: z.boolean().optional(),
});
export type Column = z.infer<typeof ColumnSchema>;

/** What a figure means: shown one click away and printed under every table of the report. */
export const DefinitionSchema = z
  .object({
    /** What is counted, in Japanese ("医療的ケアの登録がある利用中の医療的ケア児者の人数"). */
    counts: z.string(),
    /** Which data ("利用者記録（医療）の医療的ケア", "事業所情報（サービス・定員・空き）"). */
    source: z.string(),
    /** As of when: the base date, or the period for flows (ISO dates). */
    asOf: z.string(),
    period: z.object({ from: z.string(), to: z.string() }).nullable(),
    /** Further notes: exclusions, how "fresh" is defined, suppression. */
    notes: z.array(z.string()),
  })
  .meta({ id: 'AnalyticsDefinition' });
export type Definition = z.infer<typeof DefinitionSchema>;

export const FIGURE_IDS = [
  'demand.clients',
  'demand.needs',
  'supply.services',
  'supply.care',
  'gaps.matrix',
  'people.acceptance',
  'people.coordinators',
  'people.caseload',
  'referrals.funnel',
  'referrals.time',
  'referrals.declines',
  'referrals.waiting',
  'referrals.providers',
  'preparedness.plans',
  'network.attendance',
  'network.indicator',
] as const;
export type FigureId = (typeof FIGURE_IDS)[number];
export const FigureIdSchema = z.enum(FIGURE_IDS, { error: '図表: 図表の一覧（/api/analytics/metrics）にある id を指定してください' }).meta({ title: '図表' });

export const CHART_KINDS = ['bar', 'stacked_bar', 'line', 'histogram', 'funnel', 'heatmap', 'table'] as const;

export const FigureSchema = z
  .object({
    id: z.enum(FIGURE_IDS),
    section: AnalyticsSectionSchema,
    title: z.string(),
    definition: DefinitionSchema,
    chart: z.enum(CHART_KINDS),
    columns: z.array(ColumnSchema),
    rows: z.array(z.record(z.string(), CellSchema)),
    /** Summary statistics (Gini, median, p90, top-20 % share…): number, "<5" or null. */
    stats: z.record(z.string(), CellSchema),
    /** Row indexes the council should discuss first (gap matrix). */
    highlight: z.array(z.number().int()),
    /** True when at least one cell was replaced by the suppression marker. */
    hasSuppressed: z.boolean(),
  })
  .meta({ id: 'AnalyticsFigure' });
export type Figure = z.infer<typeof FigureSchema>;

export const AreaInfoSchema = z.object({
  area: z.string(),
  label: z.string(),
  municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type AreaInfo = z.infer<typeof AreaInfoSchema>;

/** What the viewer sees exactly: null = nowhere (everything suppressed below the threshold). */
export const ViewerScopeSchema = z.object({
  /** The official's own municipality: exact counts and drill-down there. */
  detailMunicipality: z.string().nullable(),
  suppressBelow: z.number().int(),
  marker: z.string(),
});

export const SectionResponseSchema = z
  .object({
    section: AnalyticsSectionSchema,
    title: z.string(),
    area: AreaInfoSchema,
    asOf: z.string(),
    period: z.object({ from: z.string(), to: z.string() }),
    viewer: ViewerScopeSchema,
    figures: z.array(FigureSchema),
    /** Server time spent building the view (ms), for the speed budget. */
    tookMs: z.number(),
  })
  .meta({ id: 'AnalyticsSection' });
export type SectionResponse = z.infer<typeof SectionResponseSchema>;

/** The whole dashboard at once (all sections). */
export const DashboardResponseSchema = z
  .object({
    area: AreaInfoSchema,
    asOf: z.string(),
    period: z.object({ from: z.string(), to: z.string() }),
    viewer: ViewerScopeSchema,
    sections: z.array(SectionResponseSchema),
  })
  .meta({ id: 'AnalyticsDashboard' });
export type DashboardResponse = z.infer<typeof DashboardResponseSchema>;

// ── Drill-down (only to clients the viewer may already see) ──────────────────────────────

export const DrillDownQuerySchema = AnalyticsQuerySchema.extend({
  municipality: z.string().regex(/^\d{5}$/, { error: '市区町村コードは5桁で指定してください' }).meta({ title: '市区町村' }),
  careItem: z.string().max(50).optional().meta({ title: '医療的ケア' }),
  lifeStage: z.string().max(30).optional().meta({ title: 'ライフステージ' }),
}).meta({ id: 'AnalyticsDrillDownQuery' });

export const DrillDownResponseSchema = z
  .object({
    /** Clients of the cell whose record the viewer may open (their team membership and the guardian's consent). */
    items: z.array(z.object({ clientId: z.string(), name: z.string(), municipalityCode: z.string() })),
    /** The cell's count as the viewer may see it ("<5" outside their city). */
    cellCount: CellSchema,
    /** How many of the cell's clients are not listed because the viewer may not see them. */
    notShown: CellSchema,
  })
  .meta({ id: 'AnalyticsDrillDown' });
export type DrillDown = z.infer<typeof DrillDownResponseSchema>;

// ── Snapshots, trends, compare ───────────────────────────────────────────────────────────

/**
 * A metric kept in the monthly snapshot: a count per municipality (summed over the area) or a
 * region-wide statistic (caseload Gini, median time to assignment…) that is not additive.
 */
export const TREND_METRICS = [
  'clients',
  'clients_ventilator',
  'clients_power_dependent',
  'needs_unmet',
  'services',
  'capacity',
  'vacancy_fresh',
  'services_ventilator_yes',
  'consultants_yes',
  'consultants_with_backup',
  'consultants_no',
  'coordinators',
  'referrals_intake',
  'referrals_sent',
  'referrals_accepted',
  'referrals_assigned',
  'referrals_waiting',
  'needs_provider_waiting',
  'provider_requests_sent',
  'provider_requests_accepted',
  'plans_approved',
  'gap_cells_zero_supply',
  'training_attendance',
  'caseload_gini',
  'caseload_top20_share',
  'assignment_days_median',
  'assignment_days_p90',
  'would_accept_share',
] as const;
export type TrendMetric = (typeof TREND_METRICS)[number];
export const TrendMetricSchema = z.enum(TREND_METRICS).meta({ title: '指標' });

export const TrendMetricInfoSchema = z.object({
  metric: TrendMetricSchema,
  label: z.string(),
  section: AnalyticsSectionSchema,
  /** additive: summed over the area's municipalities (and suppressed); regional: one region-wide value. */
  kind: z.enum(['additive', 'regional']),
  clientCount: z.boolean(),
});

export const SnapshotSchema = z
  .object({
    month: MonthSchema,
    takenAt: z.string(),
    asOf: z.string(),
    rows: z.number().int(),
  })
  .meta({ id: 'AnalyticsSnapshot' });
export type Snapshot = z.infer<typeof SnapshotSchema>;

export const TakeSnapshotSchema = z.object({ month: MonthSchema }).meta({ id: 'TakeAnalyticsSnapshot' });

export const TrendsQuerySchema = z
  .object({
    area: AreaSchema,
    /** Comma-separated metrics; default all. */
    metrics: z.string().max(1000).optional().meta({ title: '指標' }),
    from: MonthSchema.optional().meta({ title: '開始月' }),
    to: MonthSchema.optional().meta({ title: '終了月' }),
  })
  .meta({ id: 'AnalyticsTrendsQuery' });

export const TrendSeriesSchema = z.object({
  metric: TrendMetricSchema,
  label: z.string(),
  section: AnalyticsSectionSchema,
  points: z.array(z.object({ month: MonthSchema, value: CellSchema })),
});
export const TrendsResponseSchema = z
  .object({ area: AreaInfoSchema, viewer: ViewerScopeSchema, months: z.array(MonthSchema), series: z.array(TrendSeriesSchema), definition: DefinitionSchema })
  .meta({ id: 'AnalyticsTrends' });
export type TrendsResponse = z.infer<typeof TrendsResponseSchema>;

export const CompareQuerySchema = z
  .object({ area: AreaSchema, a: MonthSchema.meta({ title: '比較元の月' }), b: MonthSchema.meta({ title: '比較先の月' }) })
  .meta({ id: 'AnalyticsCompareQuery' });
export const CompareRowSchema = z.object({
  metric: TrendMetricSchema,
  label: z.string(),
  section: AnalyticsSectionSchema,
  a: CellSchema,
  b: CellSchema,
  /** b − a; null when either side is suppressed or missing. */
  change: z.number().nullable(),
});
export const CompareResponseSchema = z
  .object({ area: AreaInfoSchema, viewer: ViewerScopeSchema, a: MonthSchema, b: MonthSchema, rows: z.array(CompareRowSchema), definition: DefinitionSchema })
  .meta({ id: 'AnalyticsCompare' });
export type CompareResponse = z.infer<typeof CompareResponseSchema>;

// ── Council report (連携推進会議) ───────────────────────────────────────────────────────────

export const CreateReportSchema = z
  .object({
    title: z.string().trim().min(1, { error: '入力してください' }).max(100, { error: '100文字以内で入力してください' }).meta({ title: '表題' }).optional(),
    area: AreaSchema,
    asOf: IsoDateSchema.optional().meta({ title: '基準日' }),
    from: IsoDateSchema.optional().meta({ title: '期間の開始日' }),
    to: IsoDateSchema.optional().meta({ title: '期間の終了日' }),
    sections: z.array(AnalyticsSectionSchema).min(1, { error: '1つ以上選んでください' }).max(ANALYTICS_SECTIONS.length).meta({ title: 'セクション' }),
    waitingDays: z.number().int().min(1).max(365).optional().meta({ title: '待機日数' }),
  })
  .meta({ id: 'CreateAnalyticsReport' });
export type CreateReport = z.infer<typeof CreateReportSchema>;

export const GapSummarySchema = z.object({
  careItem: z.string(),
  careItemLabel: z.string(),
  serviceType: z.string(),
  serviceTypeLabel: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  clients: CellSchema,
  services: z.number().int(),
  ratio: z.number().nullable(),
  /** "短期入所 that take ventilators in 野田: 0 services, 7 clients" */
  text: z.string(),
});

export const ReportSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    area: AreaInfoSchema,
    asOf: z.string(),
    period: z.object({ from: z.string(), to: z.string() }),
    sections: z.array(AnalyticsSectionSchema),
    createdAt: z.string(),
    createdByName: z.string(),
    /** The largest gaps (gap matrix, discuss-first cells). */
    gaps: z.array(GapSummarySchema),
    /** Changes since the previous report of the same area (or the latest snapshot when there is none). */
    changes: z.object({ since: z.string().nullable(), sinceKind: z.enum(['report', 'snapshot', 'none']), rows: z.array(CompareRowSchema) }),
    pdfUrl: z.string(),
  })
  .meta({ id: 'AnalyticsReport' });
export type Report = z.infer<typeof ReportSchema>;

export const ReportListItemSchema = ReportSchema.pick({ id: true, title: true, area: true, asOf: true, sections: true, createdAt: true, createdByName: true, pdfUrl: true });

/** Metric catalogue (labels, sections, kinds) for the trend pickers. */
export const MetricCatalogueSchema = z.object({ items: z.array(TrendMetricInfoSchema), figures: z.array(z.object({ id: FigureIdSchema, section: AnalyticsSectionSchema, title: z.string() })) });
