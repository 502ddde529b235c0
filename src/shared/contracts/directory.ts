// Contracts of the regional resource directory (issue #3): search, office detail, listing
// edits, WAM NET import reports. Codes (service types, care items, sectors) are stable API
// strings from shared/domain; labels come along so clients need not duplicate them.
import { z } from 'zod';
import { CARE_ITEM_CODES } from '../domain/care-items.js';
import { SERVICE_TYPE_CODES } from '../domain/service-types.js';
import { MunicipalityCodeSchema, SectorSchema } from './region.js';

export const CareItemCodeSchema = z.enum(CARE_ITEM_CODES, { error: '医療的ケアの項目コードが正しくありません' }).meta({ title: '医療的ケア項目' });
export const ServiceTypeCodeSchema = z
  .enum(SERVICE_TYPE_CODES as [string, ...string[]], { error: 'サービス種別コードが正しくありません' })
  .meta({ title: 'サービス種別' });
export const CAPABILITY_LEVELS = ['yes', 'conditional', 'no', 'unknown'] as const;
export const CapabilityLevelSchema = z
  .enum(CAPABILITY_LEVELS, { error: 'yes / conditional / no / unknown のいずれかです' })
  .meta({ title: '対応可否', description: 'yes=対応可, conditional=条件付きで可（note に条件）, no=不可, unknown=未確認' });
export const OPEN_DAYS = ['sat', 'sun', 'holiday'] as const;
export const SEARCH_SORTS = ['relevance', 'distance', 'updated', 'name'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/**
 * The order a search answers in when it is not too broad: the one asked for, else relevance for
 * a text search, distance around a point, reading order otherwise; relevance without a text term
 * is reading order. Shared by the server (which then may fall back for a broad search) and the
 * page (which says when it did).
 */
export function defaultSearchSort(q: { sort?: SearchSort; hasTerms: boolean; hasNear: boolean }): SearchSort {
  const sort = q.sort ?? (q.hasTerms ? 'relevance' : q.hasNear ? 'distance' : 'name');
  return sort === 'relevance' && !q.hasTerms ? 'name' : sort;
}

/** A query parameter that may be repeated (`?x=a&x=b`) or comma-separated (`?x=a,b`). */
const repeatable = <T extends z.ZodType<unknown, string>>(item: T, title: string, max = 50) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(max, { error: `${max}個以内で指定してください` }))
    .optional()
    .meta({ title, description: `${title}（繰り返し指定またはカンマ区切り）` });

const boolParam = (title: string) =>
  z
    .enum(['true', 'false', '1', '0'], { error: 'true または false を指定してください' })
    .transform((v) => v === 'true' || v === '1')
    .optional()
    .meta({ title });

export const DirectorySearchQuerySchema = z
  .object({
    q: z
      .string()
      .max(200, { error: '200文字以内で入力してください' })
      .optional()
      .meta({ title: '検索語', description: '日本語の部分一致。空白区切りの語はすべて含むもの（AND）。全角/半角・カタカナ/ひらがなを区別しない。1文字から検索可。' }),
    municipality: repeatable(MunicipalityCodeSchema, '市区町村コード'),
    sector: repeatable(SectorSchema, '分野', 4),
    service: repeatable(ServiceTypeCodeSchema, 'サービス種別'),
    care: repeatable(CareItemCodeSchema, '医療的ケア項目', 19).meta({
      title: '医療的ケア項目',
      description: '指定したすべての項目に「対応可」または「条件付きで可」のサービスだけ',
    }),
    age: z.coerce.number({ error: '年齢は数値で指定してください' }).int().min(0).max(120).optional().meta({ title: '年齢', description: 'この年齢を受け入れるサービス' }),
    open: repeatable(z.enum(OPEN_DAYS, { error: 'sat / sun / holiday のいずれかです' }), '営業日', 3).meta({
      title: '営業日',
      description: 'sat=土曜, sun=日曜, holiday=祝日。指定したすべての日に利用できるサービス',
    }),
    vacancy: boolParam('空きあり').meta({ title: '空きあり', description: 'true: 空き 1 以上が鮮度期限内（既定 14 日）に確認されたサービスだけ' }),
    near: z
      .string()
      .regex(/^\s*-?\d{1,2}(\.\d+)?\s*,\s*-?\d{1,3}(\.\d+)?\s*$/, { error: '「緯度,経度」の形式で指定してください（例: 35.7877,139.9031）' })
      .optional()
      .meta({ title: '中心地点', description: '緯度,経度（WGS84）' }),
    radius_km: z.coerce.number({ error: '半径は数値で指定してください' }).min(0.1).max(500).optional().meta({ title: '半径（km）', description: 'near と組み合わせる。既定 10 km' }),
    sort: z.enum(SEARCH_SORTS, { error: 'relevance / distance / updated / name のいずれかです' }).optional().meta({
      title: '並び順',
      description: '既定: q があれば relevance、near があれば distance、どちらもなければ name（よみ順）',
    }),
    facets: boolParam('集計').meta({ title: '集計', description: 'false で facets を省略（2 ページ目以降の高速化）。既定 true' }),
  })
  .meta({ id: 'DirectorySearchQuery' });
export type DirectorySearchQuery = z.output<typeof DirectorySearchQuerySchema>;

export const CapabilitySchema = z
  .object({ careItem: CareItemCodeSchema, label: z.string(), level: CapabilityLevelSchema, note: z.string().nullable() })
  .meta({ id: 'CareCapability' });

export const HoursSchema = z
  .object({
    weekday: z.string().max(100).nullable().meta({ title: '平日の時間帯' }),
    saturday: z.string().max(100).nullable().meta({ title: '土曜の時間帯' }),
    sunday: z.string().max(100).nullable().meta({ title: '日曜の時間帯' }),
    holiday: z.string().max(100).nullable().meta({ title: '祝日の時間帯' }),
  })
  .meta({ id: 'ServiceHours' });

export const VacancySchema = z
  .object({
    count: z.number().int().nullable().describe('空き人数（null = 未登録）'),
    confirmedAt: z.string().nullable().describe('最後に確認した日時'),
    confirmedByName: z.string().nullable().describe('確認した人'),
    note: z.string().nullable(),
    isFresh: z.boolean().describe('鮮度期限内（既定 14 日）に確認されたか'),
    ageDays: z.number().int().nullable().describe('確認からの日数'),
  })
  .meta({ id: 'Vacancy' });

export const ServiceSchema = z
  .object({
    id: z.string(),
    officeId: z.string(),
    serviceType: z.string(),
    serviceTypeLabel: z.string(),
    serviceTypeShortLabel: z.string(),
    name: z.string().nullable(),
    capacity: z.number().int().nullable(),
    vacancy: VacancySchema,
    ageMin: z.number().int().nullable(),
    ageMax: z.number().int().nullable(),
    hours: HoursSchema,
    openSaturday: z.boolean(),
    openSunday: z.boolean(),
    openHoliday: z.boolean(),
    closedDays: z.string().nullable(),
    availabilityNote: z.string().nullable(),
    areasServed: z.array(z.string()),
    contactPhone: z.string().nullable(),
    note: z.string().nullable(),
    capabilities: z.array(CapabilitySchema).describe('登録済みの項目（未登録は unknown 扱い）'),
    careHandled: z.array(CareItemCodeSchema).describe('yes または conditional の項目'),
    source: z.enum(['wam', 'manual']),
    wamSyncedAt: z.string().nullable(),
    listingConfirmedAt: z.string(),
    stale: z.boolean().describe('30 日以上確認・更新されていない掲載'),
    updatedAt: z.string(),
  })
  .meta({ id: 'DirectoryService' });

const OfficeSummaryFields = {
  officeId: z.string(),
  officeName: z.string(),
  officeKana: z.string(),
  sector: SectorSchema,
  municipalityCode: z.string(),
  municipalityName: z.string(),
  prefectureName: z.string(),
  address: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  phone: z.string().nullable(),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
};

/** One search hit: one service of one office (事業所 × サービス種別, the WAM key). */
export const DirectoryHitSchema = z
  .object({
    ...OfficeSummaryFields,
    service: ServiceSchema,
    distanceKm: z.number().nullable().describe('near 指定時の直線距離'),
    score: z.number().nullable().describe('q 指定時の関連度（大きいほど名前に近い）'),
  })
  .meta({ id: 'DirectoryHit' });

export const FacetCountSchema = z.object({ code: z.string(), label: z.string(), count: z.number().int() }).meta({ id: 'FacetCount' });
export const FacetsSchema = z
  .object({
    exact: z.boolean().describe('true: 一致したすべてから数えた件数。false: 一致件数が上限（既定 3,000）を超えたため、一部から数えた件数（estimated を参照）'),
    estimated: z
      .boolean()
      .describe('true: 件数はディレクトリの標本（サービス 64 件に 1 件）の一致から全体を推計した概数（有効数字 2 桁）。false かつ exact が false: 一部の一致（近い順の先頭 1,000 件、または上限まで）から数えた下限値'),
    municipality: z.array(FacetCountSchema).describe('市区町村ごとの件数（多い順、上位 100）'),
    serviceType: z.array(FacetCountSchema),
    careItem: z.array(FacetCountSchema).describe('yes または conditional のサービス数'),
  })
  .meta({ id: 'DirectoryFacets' });

export const DirectorySearchResultSchema = z
  .object({
    items: z.array(DirectoryHitSchema),
    total: z.number().int(),
    totalExact: z.boolean().describe('false: 一致件数が上限を超えたため total は推定値（約 N 件）'),
    sort: z.enum(SEARCH_SORTS).describe('実際の並び順。relevance を求めても一致が上限を超えると updated（更新が新しい順）になる'),
    nextCursor: z.string().nullable(),
    facets: FacetsSchema.nullable(),
    vacancyFreshDays: z.number().int(),
    staleDays: z.number().int(),
  })
  .meta({ id: 'DirectorySearchResult' });

export const OfficeDetailSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    nameKana: z.string(),
    sector: SectorSchema,
    municipalityCode: z.string(),
    municipalityName: z.string(),
    prefectureName: z.string(),
    address: z.string().nullable(),
    postalCode: z.string().nullable(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    phone: z.string().nullable(),
    fax: z.string().nullable(),
    url: z.string().nullable(),
    email: z.string().nullable(),
    description: z.string().nullable(),
    wamOfficeNumber: z.string().nullable(),
    organizationId: z.string().nullable(),
    organizationName: z.string().nullable(),
    services: z.array(ServiceSchema),
    staleServiceCount: z.number().int(),
    staleDays: z.number().int().describe('この日数を超えて確認されていない掲載は stale'),
    canEdit: z.boolean().describe('この利用者が掲載を編集できるか'),
    updatedAt: z.string(),
  })
  .meta({ id: 'DirectoryOffice' });

const optText = (title: string, max = 500) => z.string().trim().max(max, { error: `${max}文字以内で入力してください` }).nullable().optional().meta({ title });

export const UpdateOfficeProfileSchema = z
  .object({
    address: optText('住所（番地以降）', 200),
    postalCode: z.string().regex(/^\d{3}-?\d{4}$/, { error: '郵便番号は 123-4567 の形式です' }).nullable().optional().meta({ title: '郵便番号' }),
    lat: z.number().min(20).max(46).nullable().optional().meta({ title: '緯度' }),
    lon: z.number().min(122).max(154).nullable().optional().meta({ title: '経度' }),
    phone: optText('電話番号', 30),
    fax: optText('FAX 番号', 30),
    url: z.url({ error: 'URL の形式が正しくありません' }).max(500).nullable().optional().meta({ title: 'URL' }),
    email: z.email({ error: 'メールアドレスの形式が正しくありません' }).max(254).nullable().optional().meta({ title: 'メールアドレス' }),
    description: optText('紹介文', 2000),
  })
  .meta({ id: 'UpdateOfficeProfile' });

export const CapabilityInputSchema = z
  .object({ careItem: CareItemCodeSchema, level: CapabilityLevelSchema, note: optText('条件・備考', 500) })
  .meta({ id: 'CareCapabilityInput' });

const ServiceFields = {
  name: optText('サービス名', 200),
  capacity: z.number().int().min(0).max(10000).nullable().optional().meta({ title: '定員' }),
  ageMin: z.number().int().min(0).max(120).nullable().optional().meta({ title: '対象年齢（下限）' }),
  ageMax: z.number().int().min(0).max(120).nullable().optional().meta({ title: '対象年齢（上限）' }),
  hours: HoursSchema.partial().optional().meta({ title: '時間帯' }),
  openSaturday: z.boolean().optional().meta({ title: '土曜営業' }),
  openSunday: z.boolean().optional().meta({ title: '日曜営業' }),
  openHoliday: z.boolean().optional().meta({ title: '祝日営業' }),
  closedDays: optText('定休日', 200),
  availabilityNote: optText('利用可能曜日の特記事項', 1000),
  areasServed: z.array(MunicipalityCodeSchema).max(100).optional().meta({ title: '対応地域' }),
  contactPhone: optText('連絡先電話番号', 30),
  note: optText('備考', 2000),
  capabilities: z.array(CapabilityInputSchema).max(19).optional().meta({ title: '医療的ケアの対応', description: '指定した項目だけを更新（unknown で未確認に戻す）' }),
  vacancyCount: z.number().int().min(0).max(10000).nullable().optional().meta({ title: '空き人数', description: '指定すると空き状況を確認済みにする' }),
  vacancyNote: optText('空き状況の補足', 500),
};

export const CreateServiceSchema = z.object({ serviceType: ServiceTypeCodeSchema, ...ServiceFields }).meta({ id: 'CreateDirectoryService' });
export const UpdateServiceSchema = z.object(ServiceFields).meta({ id: 'UpdateDirectoryService' });
export const SetVacancySchema = z
  .object({
    count: z.number({ error: '空き人数を数値で入力してください' }).int().min(0).max(10000).meta({ title: '空き人数' }),
    note: optText('空き状況の補足', 500),
  })
  .meta({ id: 'SetVacancy' });

export const ListingChangeSchema = z
  .object({
    id: z.number().int(),
    officeId: z.string(),
    serviceId: z.string().nullable(),
    at: z.string(),
    actorName: z.string().nullable(),
    action: z.string(),
    changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  })
  .meta({ id: 'ListingChange' });

export const MyListingsSchema = z
  .object({
    offices: z.array(OfficeDetailSchema),
    staleServiceCount: z.number().int().describe('30 日以上確認されていない自事業所の掲載数'),
  })
  .meta({ id: 'MyListings' });

export const WamRejectionSchema = z
  .object({ file: z.string(), line: z.number().int(), column: z.string().nullable(), reason: z.string() })
  .meta({ id: 'WamRejection' });

export const WamImportReportSchema = z
  .object({
    id: z.string().nullable().describe('取込記録の ID（dryRun・失敗時も記録）'),
    status: z.enum(['succeeded', 'failed', 'dry_run']),
    files: z.array(z.object({ file: z.string(), encoding: z.string(), serviceType: z.string().nullable(), rows: z.number().int() })),
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
    skipped: z.number().int().describe('市区町村の指定で対象外になった行'),
    officesInserted: z.number().int(),
    officesUpdated: z.number().int(),
    rejections: z.array(WamRejectionSchema),
    error: z.string().nullable(),
  })
  .meta({ id: 'WamImportReport' });
