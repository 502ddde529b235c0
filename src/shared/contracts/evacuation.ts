// Contracts of the individual evacuation plan (個別避難計画, DOMAIN.md §5): the plan body with
// register items, supporters, destination, medical contacts, stock, devices and backup power;
// the computed battery runtime; the guardian's consents to give the plan to recipients; the
// city's outage simulation and registers. Drafts may be incomplete; approval checks the plan
// (`checklist`).
import { z } from 'zod';
import { BACKUP_KINDS, DEVICE_KINDS, MANUAL_ALTERNATIVE_KINDS } from '../domain/power-runtime.js';
import { EVACUATION_ITEMS, EVACUATION_RECIPIENT_KINDS } from '../domain/evacuation-recipients.js';
import { CONSENT_METHODS, IsoDateSchema, SexSchema, optText, reqText } from './clients.js';

const PhoneSchema = z
  .string()
  .trim()
  .max(30)
  .regex(/^[0-9０-９+\-－() （）]*$/, { error: '電話番号は数字とハイフンで入力してください' });
const optPhone = (title: string) => PhoneSchema.optional().default('').meta({ title });
const num = (max: number, title: string) => z.number({ error: '数値を入力してください' }).min(0, { error: '0以上で入力してください' }).max(max, { error: `${max}以下で入力してください` }).meta({ title });
const optNum = (max: number, title: string) => num(max, title).nullable().optional().default(null);

export const PLAN_STATUSES = ['none', 'draft', 'approved', 'review_due'] as const;
export type EvacuationPlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<EvacuationPlanStatus, string> = { none: '未作成', draft: '作成中', approved: '承認済み', review_due: '見直し時期' };

export const DESTINATION_KINDS = ['home', 'welfare_shelter', 'hospital', 'designated_shelter', 'relative', 'other'] as const;
export const DESTINATION_KIND_LABELS: Record<(typeof DESTINATION_KINDS)[number], string> = {
  home: '自宅（在宅避難）',
  welfare_shelter: '福祉避難所',
  hospital: '病院',
  designated_shelter: '指定避難所',
  relative: '親族・知人宅',
  other: 'その他',
};
export const TRANSPORT_KINDS = ['car', 'welfare_vehicle', 'wheelchair', 'stretcher', 'buggy', 'ambulance', 'walk', 'other'] as const;
export const TRANSPORT_LABELS: Record<(typeof TRANSPORT_KINDS)[number], string> = {
  car: '自家用車',
  welfare_vehicle: '福祉車両',
  wheelchair: '車いす',
  stretcher: 'ストレッチャー',
  buggy: 'バギー（座位保持）',
  ambulance: '救急車',
  walk: '徒歩（抱っこ）',
  other: 'その他',
};
export const MEDICAL_CONTACT_KINDS = ['hospital', 'doctor', 'visiting_nurse', 'device_dealer', 'pharmacy', 'other'] as const;
export const MEDICAL_CONTACT_LABELS: Record<(typeof MEDICAL_CONTACT_KINDS)[number], string> = {
  hospital: '病院',
  doctor: '主治医',
  visiting_nurse: '訪問看護',
  device_dealer: '医療機器業者',
  pharmacy: '薬局',
  other: 'その他',
};

// ---- plan body ------------------------------------------------------------------------------

export const RegisterItemsSchema = z
  .object({
    name: optText(100).meta({ title: '氏名' }),
    nameKana: optText(100).meta({ title: '氏名（よみ）' }),
    birthDate: IsoDateSchema.nullable().optional().default(null).meta({ title: '生年月日' }),
    sex: SexSchema.optional().default('unknown'),
    postalCode: optText(10).meta({ title: '郵便番号' }),
    address: optText(300).meta({ title: '住所' }),
    phone: optPhone('連絡先（電話）'),
    household: optText(500).meta({ title: '世帯の状況' }),
  })
  .meta({ title: '名簿の項目', description: '避難行動要支援者名簿の項目（氏名・生年月日・性別・住所・連絡先）' });

export const LocationSchema = z
  .object({
    lat: z.number().min(-90).max(90).meta({ title: '緯度' }),
    lon: z.number().min(-180).max(180).meta({ title: '経度' }),
  })
  .meta({ title: '自宅の位置' });

export const SupporterSchema = z.object({
  name: reqText(100).meta({ title: '支援者の氏名' }),
  relation: optText(50).meta({ title: '続柄・関係' }),
  phone: optPhone('支援者の電話番号'),
  role: optText(300).meta({ title: '支援の内容', description: '例: 人工呼吸器を持って車まで運ぶ、安否確認' }),
  livesNearby: z.boolean().optional().default(false).meta({ title: '近くに住んでいる' }),
});

export const DestinationSchema = z
  .object({
    kind: z.enum(DESTINATION_KINDS, { error: '避難先の種類を選んでください' }).optional().default('home').meta({ title: '避難先の種類' }),
    name: optText(200).meta({ title: '避難先の名称' }),
    address: optText(300).meta({ title: '避難先の住所' }),
    phone: optPhone('避難先の電話番号'),
    hasPower: z.boolean().nullable().optional().default(null).meta({ title: '避難先で電源を使えるか' }),
    routeNotes: optText(1000).meta({ title: '経路・注意点' }),
    transport: z.array(z.enum(TRANSPORT_KINDS, { error: '移動手段を選んでください' })).max(8).optional().default([]).meta({ title: '移動手段' }),
    transportNotes: optText(500).meta({ title: '移動の留意点' }),
    travelMinutes: z.number().int().min(0).max(24 * 60).nullable().optional().default(null).meta({ title: '所要時間（分）' }),
  })
  .meta({ title: '避難先' });

export const MedicalContactSchema = z.object({
  kind: z.enum(MEDICAL_CONTACT_KINDS, { error: '種類を選んでください' }).meta({ title: '連絡先の種類' }),
  name: reqText(200).meta({ title: '名称・氏名' }),
  phone: optPhone('電話番号'),
  available24h: z.boolean().optional().default(false).meta({ title: '24時間対応' }),
  note: optText(300).meta({ title: '備考' }),
});

export const StockItemSchema = z.object({
  name: reqText(200).meta({ title: '品名' }),
  stockDays: optNum(365, '備蓄（日数）'),
  note: optText(300).meta({ title: '備考' }),
});

export const PowerRegistrationSchema = z
  .object({
    registered: z.boolean().optional().default(false).meta({ title: '電力会社への事前登録' }),
    registeredOn: IsoDateSchema.nullable().optional().default(null).meta({ title: '登録日' }),
    company: optText(100).meta({ title: '電力会社' }),
    note: optText(300).meta({ title: '備考' }),
  })
  .meta({ title: '電力会社への事前登録' });

const BatterySpecSchema = z
  .object({
    wh: optNum(10_000, '容量（Wh）'),
    hours: optNum(500, '稼働時間（時間）'),
    ageYears: optNum(50, '使用年数'),
  })
  .meta({ title: '内部バッテリー', description: '容量（Wh）か、機器の消費電力での稼働時間（時間）のどちらか' });

export const PowerDeviceSchema = z.object({
  kind: z.enum(DEVICE_KINDS, { error: '機器の種類を選んでください' }).meta({ title: '機器の種類' }),
  label: optText(100).meta({ title: '機器の名前' }),
  makerModel: optText(200).meta({ title: 'メーカー・機種' }),
  essential: z.boolean().optional().default(true).meta({ title: '生命維持に必須' }),
  watts: num(5000, '消費電力（W）'),
  hoursPerDay: num(24, '1日の使用時間').optional().default(24),
  internalBattery: BatterySpecSchema.nullable().optional().default(null),
  externalBatteries: z
    .object({
      count: z.number().int().min(0).max(50).meta({ title: '外部バッテリーの個数' }),
      whEach: optNum(10_000, '1個の容量（Wh）'),
      hoursEach: optNum(500, '1個の稼働時間（時間）'),
      ageYears: optNum(50, '使用年数'),
    })
    .nullable()
    .optional()
    .default(null)
    .meta({ title: '外部バッテリー' }),
  manualAlternative: z
    .object({
      kind: z.enum(MANUAL_ALTERNATIVE_KINDS, { error: '手動の代替手段を選んでください' }).meta({ title: '手動の代替手段' }),
      note: optText(300).meta({ title: '備考' }),
      cylinderCount: z.number().int().min(0).max(50).nullable().optional().default(null).meta({ title: 'ボンベの本数' }),
      cylinderLiters: optNum(10_000, 'ボンベ1本の酸素量（L）'),
      flowLpm: optNum(30, '指示流量（L/分）'),
    })
    .nullable()
    .optional()
    .default(null)
    .meta({ title: '手動の代替手段' }),
  note: optText(500).meta({ title: '備考' }),
});

export const BackupSourceSchema = z.object({
  kind: z.enum(BACKUP_KINDS, { error: '電源の種類を選んでください' }).meta({ title: '電源の種類' }),
  label: optText(100).meta({ title: '電源の名前・機種' }),
  capacityWh: optNum(100_000, '容量（Wh）'),
  ratedWatts: optNum(20_000, '定格出力（W）'),
  ratedVA: optNum(20_000, '定格出力（VA）'),
  pureSine: z.boolean({ error: '正弦波かどうかを選んでください' }).meta({ title: '正弦波（純正弦波）出力' }),
  ageYears: optNum(50, '使用年数'),
  fuelHours: optNum(1000, '燃料で動かせる時間（時間）'),
  note: optText(300).meta({ title: '備考' }),
});

export const EvacuationPlanBodySchema = z
  .object({
    register: RegisterItemsSchema.optional().default(RegisterItemsSchema.parse({})),
    location: LocationSchema.nullable().optional().default(null),
    supportReason: optText(2000).meta({ title: '支援が必要な理由' }),
    supporters: z.array(SupporterSchema).max(10).optional().default([]).meta({ title: '避難支援等実施者' }),
    destination: DestinationSchema.optional().default(DestinationSchema.parse({})),
    medicalContacts: z.array(MedicalContactSchema).max(15).optional().default([]).meta({ title: '医療機関・業者の連絡先' }),
    medications: z.array(StockItemSchema).max(50).optional().default([]).meta({ title: '薬の備蓄' }),
    consumables: z.array(StockItemSchema).max(50).optional().default([]).meta({ title: '消耗品の備蓄' }),
    powerRegistration: PowerRegistrationSchema.optional().default(PowerRegistrationSchema.parse({})),
    devices: z.array(PowerDeviceSchema).max(20).optional().default([]).meta({ title: '医療機器' }),
    backups: z.array(BackupSourceSchema).max(10).optional().default([]).meta({ title: '予備電源' }),
    notes: optText(3000).meta({ title: 'その他の留意事項' }),
  })
  .meta({ id: 'EvacuationPlanBody' });
export type EvacuationPlanBody = z.infer<typeof EvacuationPlanBodySchema>;

export const SaveEvacuationPlanSchema = EvacuationPlanBodySchema.extend({
  version: z.number({ error: '版（version）を送ってください' }).int().min(0).meta({ title: '版', description: '読んだときの版。新規作成は 0' }),
  changeNote: optText(500).meta({ title: '変更の内容' }),
}).meta({ id: 'SaveEvacuationPlan' });

export const ApproveEvacuationPlanSchema = z
  .object({
    version: z.number({ error: '版（version）を送ってください' }).int().min(1).meta({ title: '版', description: '確認した版' }),
    note: optText(500).meta({ title: '承認のコメント' }),
  })
  .meta({ id: 'ApproveEvacuationPlan' });

// ---- computed runtime -------------------------------------------------------------------------

export const RuntimeResultSchema = z
  .object({
    assumptionsVersion: z.string(),
    runtimeHours: z.number().nullable().meta({ description: '最初の必須機器が止まるまでの時間（時間）。電源で動く必須機器がなければ null' }),
    firstStop: z.array(z.object({ index: z.number().int(), label: z.string() })),
    meetsTarget: z.boolean(),
    peakWatts: z.number(),
    averageWatts: z.number(),
    devices: z.array(
      z.object({
        index: z.number().int(),
        label: z.string(),
        kind: z.enum(DEVICE_KINDS),
        essential: z.boolean(),
        watts: z.number(),
        averageWatts: z.number(),
        ownWh: z.number(),
        ownHours: z.number().nullable(),
        sharedFromHours: z.number().nullable(),
        stopsAtHours: z.number().nullable(),
        stopsFirst: z.boolean(),
      }),
    ),
    sources: z.array(
      z.object({
        index: z.number().int(),
        label: z.string(),
        kind: z.enum(BACKUP_KINDS),
        usable: z.boolean(),
        problem: z.enum(['modified_sine', 'overload', 'no_capacity']).nullable(),
        ratedWatts: z.number().nullable(),
        usableWh: z.number().nullable(),
        fuelHours: z.number().nullable(),
        usedFromHours: z.number().nullable(),
        usedUntilHours: z.number().nullable(),
      }),
    ),
    timeline: z.array(z.object({ atHours: z.number(), kind: z.enum(['to_source', 'switch_source', 'source_empty', 'device_stops']), text: z.string() })),
    manualAlternatives: z.array(z.object({ deviceIndex: z.number().int(), deviceLabel: z.string(), kind: z.enum(MANUAL_ALTERNATIVE_KINDS), label: z.string(), hours: z.number().nullable(), text: z.string() })),
    explanation: z.array(z.string()).meta({ description: '計算の手順（日本語、1行ずつ）' }),
    suggestions: z.array(z.object({ code: z.string(), text: z.string(), gainHours: z.number().nullable() })),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'PowerRuntimeResult' });

export const PowerRuntimeRequestSchema = z
  .object({ devices: z.array(PowerDeviceSchema).max(20).meta({ title: '医療機器' }), backups: z.array(BackupSourceSchema).max(10).optional().default([]).meta({ title: '予備電源' }) })
  .meta({ id: 'PowerRuntimeRequest' });

// ---- plan view ------------------------------------------------------------------------------

export const ChecklistItemSchema = z.object({ code: z.string(), ok: z.boolean(), field: z.string(), message: z.string() });

export const EvacuationPlanSchema = z
  .object({
    clientId: z.string(),
    status: z.enum(PLAN_STATUSES),
    statusLabel: z.string(),
    /** 0 while no plan has been saved (body is then a template from the client record). */
    version: z.number().int(),
    body: EvacuationPlanBodySchema,
    runtime: RuntimeResultSchema,
    checklist: z.array(ChecklistItemSchema).meta({ description: '承認に必要な項目（支援者2人以上など）' }),
    municipalityCode: z.string().nullable(),
    approvedVersion: z.number().int().nullable(),
    approvedAt: z.string().nullable(),
    approvedByName: z.string().nullable(),
    reviewDueOn: z.string().nullable(),
    updatedAt: z.string().nullable(),
    updatedByName: z.string().nullable(),
    /** How the viewer sees the plan: as a team member, or as an official of the client's city with the guardian's consent. */
    access: z.enum(['team', 'city']),
    canEdit: z.boolean(),
    canApprove: z.boolean(),
  })
  .meta({ id: 'EvacuationPlan' });

export const EvacuationPlanVersionSchema = z
  .object({
    version: z.number().int(),
    event: z.enum(['save', 'approve']),
    status: z.enum(['draft', 'approved']),
    runtimeHours: z.number().nullable(),
    byName: z.string(),
    at: z.string(),
    note: z.string(),
  })
  .meta({ id: 'EvacuationPlanVersion' });

export const EvacuationPlanVersionDetailSchema = EvacuationPlanVersionSchema.extend({ body: EvacuationPlanBodySchema, runtime: RuntimeResultSchema }).meta({ id: 'EvacuationPlanVersionDetail' });

// ---- consent to give the plan to recipients ------------------------------------------------

export const EvacuationItemSchema = z.enum(EVACUATION_ITEMS, { error: '提供する項目が正しくありません' }).meta({ title: '提供する項目' });

export const EvacuationConsentInputSchema = z
  .object({
    recipientKind: z.enum(EVACUATION_RECIPIENT_KINDS, { error: '提供先の種類を選んでください' }).meta({ title: '提供先の種類' }),
    recipientName: reqText(200).meta({ title: '提供先の名称', description: '例: 松戸市 障害福祉課、松戸市消防局、○○町会' }),
    items: z.array(EvacuationItemSchema).max(EVACUATION_ITEMS.length).optional().meta({ title: '提供する項目', description: '省略時は提供先の種類ごとの標準' }),
    purpose: optText(500).meta({ title: '利用目的' }),
    givenBy: reqText(100).meta({ title: '同意した人' }),
    givenByRelation: reqText(20).meta({ title: '同意した人の続柄' }),
    consentedOn: IsoDateSchema.meta({ title: '同意日' }),
    method: z.enum(CONSENT_METHODS, { error: '同意の方法を選んでください' }).meta({ title: '同意の方法' }),
    document: optText(300).meta({ title: '同意書（文書名・保管場所）' }),
    expiresOn: IsoDateSchema.nullable().optional().default(null).meta({ title: '有効期限' }),
  })
  .superRefine((v, ctx) => {
    if (v.method === 'written' && !v.document) ctx.addIssue({ code: 'custom', path: ['document'], message: '書面の同意書の名称・保管場所を入力してください' });
    if (v.items && v.items.length === 0) ctx.addIssue({ code: 'custom', path: ['items'], message: '1つ以上選んでください' });
  })
  .meta({ id: 'EvacuationConsentInput' });

export const EvacuationConsentSchema = z
  .object({
    id: z.string(),
    clientId: z.string(),
    recipientKind: z.enum(EVACUATION_RECIPIENT_KINDS),
    recipientKindLabel: z.string(),
    recipientName: z.string(),
    recipientMunicipalityCode: z.string().nullable(),
    items: z.array(z.enum(EVACUATION_ITEMS)),
    purpose: z.string(),
    givenBy: z.string(),
    givenByRelation: z.string(),
    consentedOn: z.string(),
    method: z.enum(CONSENT_METHODS),
    document: z.string(),
    expiresOn: z.string().nullable(),
    recordedByName: z.string(),
    recordedAt: z.string(),
    revokedAt: z.string().nullable(),
    revokeReason: z.string().nullable(),
    active: z.boolean(),
  })
  .meta({ id: 'EvacuationConsent' });

/** A plan as one recipient may see it: only the consented items are present. */
export const RecipientViewSchema = z
  .object({
    consentId: z.string(),
    recipientKind: z.enum(EVACUATION_RECIPIENT_KINDS),
    recipientName: z.string(),
    items: z.array(z.enum(EVACUATION_ITEMS)),
    itemLabels: z.array(z.string()),
    version: z.number().int(),
    status: z.enum(PLAN_STATUSES),
    generatedAt: z.string(),
    provisionId: z.string(),
    plan: z.looseObject({}).meta({ description: '同意した項目だけを含む計画（項目ごとのキーは docs/evacuation.md）' }),
  })
  .meta({ id: 'EvacuationRecipientView' });

// ---- outage simulation and registers ----------------------------------------------------------

const csvCodes = z
  .string()
  .max(2000)
  .regex(/^\d{5}(,\d{5})*$/, { error: '市区町村コード（5桁）をカンマ区切りで指定してください' })
  .transform((v) => v.split(','));

export const SimulationQuerySchema = z
  .object({
    outageHours: z.coerce.number({ error: '停電の長さ（時間）を入力してください' }).min(0.5, { error: '0.5時間以上で指定してください' }).max(24 * 30, { error: '720時間以内で指定してください' }).meta({ title: '停電の長さ（時間）' }),
    municipalityCodes: csvCodes.optional().meta({ title: '市区町村コード（カンマ区切り）', description: '省略時は自分の市区町村' }),
    lat: z.coerce.number().min(-90).max(90).optional().meta({ title: '円の中心（緯度）' }),
    lon: z.coerce.number().min(-180).max(180).optional().meta({ title: '円の中心（経度）' }),
    radiusKm: z.coerce.number().min(0.1).max(200).optional().meta({ title: '円の半径（km）' }),
  })
  .superRefine((v, ctx) => {
    const given = [v.lat, v.lon, v.radiusKm].filter((x) => x !== undefined).length;
    if (given !== 0 && given !== 3) ctx.addIssue({ code: 'custom', path: ['radiusKm'], message: '円で選ぶときは緯度・経度・半径をすべて指定してください' });
  });
export type SimulationQuery = z.infer<typeof SimulationQuerySchema>;

export const SimulationRowSchema = z
  .object({
    rank: z.number().int(),
    clientId: z.string(),
    name: z.string(),
    nameKana: z.string(),
    municipalityCode: z.string(),
    municipalityName: z.string().nullable(),
    runtimeHours: z.number(),
    /** outage − runtime: how long the client would be without power. */
    shortfallHours: z.number(),
    firstStop: z.array(z.string()),
    address: z.string(),
    phone: z.string(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    supporters: z.array(z.object({ name: z.string(), relation: z.string(), phone: z.string(), role: z.string() })),
    destination: z.object({ kind: z.string(), kindLabel: z.string(), name: z.string(), transport: z.array(z.string()) }),
    hasManualAlternative: z.boolean(),
    status: z.enum(PLAN_STATUSES),
  })
  .meta({ id: 'OutageSimulationRow' });

export const SimulationResultSchema = z
  .object({
    outageHours: z.number(),
    municipalityCodes: z.array(z.string()),
    circle: z.object({ lat: z.number(), lon: z.number(), radiusKm: z.number() }).nullable(),
    asOf: z.string(),
    rows: z.array(SimulationRowSchema).meta({ description: '電源が戻る前に必須機器が止まる人（止まるのが早い順）。市への提供に同意した人のみ' }),
    counts: z.object({
      affected: z.number().int().meta({ description: '名前つきで一覧にした人数' }),
      affectedWithoutConsent: z.number().int().meta({ description: '同じ条件に当てはまるが、市への提供に同意がないため名前を出さない人数' }),
      plansInArea: z.number().int().meta({ description: '範囲内の同意ずみ計画（電源が必要な人）' }),
      withoutLocation: z.number().int().meta({ description: '円で選んだとき、位置が未登録で判定できない同意ずみ計画' }),
    }),
    geojson: z.looseObject({ type: z.literal('FeatureCollection') }).meta({ description: '地図用（GeoJSON、点 = 利用者、rank と runtimeHours つき）' }),
    elapsedMs: z.number(),
  })
  .meta({ id: 'OutageSimulationResult' });

export const RegisterQuerySchema = z.object({
  municipalityCode: z.string().regex(/^\d{5}$/, { error: '市区町村コード（5桁）を指定してください' }).optional().meta({ title: '市区町村コード' }),
  status: z.enum(PLAN_STATUSES).optional().meta({ title: '計画の状態' }),
});

export const RegisterSummarySchema = z
  .object({
    municipalityCode: z.string(),
    municipalityName: z.string().nullable(),
    total: z.number().int().meta({ description: '避難に支援が必要な利用者（記録のある医療的ケア児者）' }),
    none: z.number().int(),
    draft: z.number().int(),
    approved: z.number().int(),
    reviewDue: z.number().int(),
    /** (approved + review due) ÷ total: the figure cities report (個別避難計画の作成率). */
    approvedShare: z.number(),
    /** approved (not yet due for review) ÷ total. */
    currentShare: z.number(),
    powerDependent: z.number().int(),
    consentedToCity: z.number().int(),
  })
  .meta({ id: 'EvacuationRegisterSummary' });

export const RegisterEntrySchema = z
  .object({
    clientId: z.string(),
    name: z.string(),
    nameKana: z.string(),
    municipalityCode: z.string(),
    status: z.enum(PLAN_STATUSES),
    statusLabel: z.string(),
    runtimeHours: z.number().nullable(),
    approvedAt: z.string().nullable(),
    reviewDueOn: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'EvacuationRegisterEntry' });
