// Kinds of service and agency an office can offer (DOMAIN.md §1, §7).
//
// Two families share one code space so an office can list any mix:
// - WAM NET types keep the two-digit NN of the open-data file names ('24' = 短期入所), because
//   the importer maps each national file straight to its code. These are file codes, not
//   billing codes.
// - Everything outside WAM (medical insurance, city-run 地域生活支援事業, administration,
//   education) gets a snake_case code.
// Codes are stored; never rename one. Labels and shortLabels may change.
import type { Sector } from './sectors.js';

export const WAM_SERVICE_TYPE_CODES = [
  '11',
  '12',
  '13',
  '15',
  '21',
  '22',
  '24',
  '33',
  '46',
  '52',
  '63',
  '64',
  '65',
  '66',
  '67',
  '70',
] as const;

export const OTHER_SERVICE_TYPE_CODES = [
  'home_nursing',
  'home_medical',
  'home_rehab',
  'home_pharmacy',
  'home_dental',
  'hospital',
  'medical_short_stay',
  'child_development_center',
  'day_care_city',
  'mobility_support',
  'daily_equipment',
  'core_consultation_center',
  'admin_desk',
  'health_center',
  'child_family_center',
  'special_school',
  'board_of_education',
  'school_social_worker',
] as const;

export type WamServiceTypeCode = (typeof WAM_SERVICE_TYPE_CODES)[number];
export type OtherServiceTypeCode = (typeof OTHER_SERVICE_TYPE_CODES)[number];
export type ServiceTypeCode = WamServiceTypeCode | OtherServiceTypeCode;

export interface ServiceType {
  code: ServiceTypeCode;
  label: string;
  /** The name people actually say (児発, 放デイ…), for chips and narrow table columns. */
  shortLabel: string;
  sector: Sector;
  /** True when the national WAM NET open data lists offices of this type. */
  isWam: boolean;
  /**
   * true: children only (児童福祉法 services); false: adults only (18+, with narrow statutory
   * exceptions); omitted: both.
   */
  forChildren?: boolean;
  /** Set on a type that was merged into another; keep it for old WAM files and records. */
  mergedInto?: ServiceTypeCode;
}

export const SERVICE_TYPES: readonly ServiceType[] = [
  // ── WAM NET (障害福祉サービス等情報公表システム) ─────────────────────────────
  { code: '11', label: '居宅介護', shortLabel: '居宅介護', sector: 'welfare', isWam: true },
  { code: '12', label: '重度訪問介護', shortLabel: '重度訪問', sector: 'welfare', isWam: true, forChildren: false },
  { code: '13', label: '行動援護', shortLabel: '行動援護', sector: 'welfare', isWam: true },
  { code: '15', label: '同行援護', shortLabel: '同行援護', sector: 'welfare', isWam: true },
  { code: '21', label: '療養介護', shortLabel: '療養介護', sector: 'welfare', isWam: true, forChildren: false },
  { code: '22', label: '生活介護', shortLabel: '生活介護', sector: 'welfare', isWam: true, forChildren: false },
  // Both ages: the seed names 短期入所 among the scarcest resources for children.
  { code: '24', label: '短期入所', shortLabel: '短期入所', sector: 'welfare', isWam: true },
  { code: '33', label: '共同生活援助', shortLabel: 'グループホーム', sector: 'welfare', isWam: true, forChildren: false },
  { code: '46', label: '就労継続支援B型', shortLabel: '就労B型', sector: 'welfare', isWam: true, forChildren: false },
  // 計画相談支援 is the adults' plan (サービス等利用計画); children's plans are '70'.
  { code: '52', label: '計画相談支援', shortLabel: '計画相談', sector: 'welfare', isWam: true, forChildren: false },
  { code: '63', label: '児童発達支援', shortLabel: '児発', sector: 'welfare', isWam: true, forChildren: true },
  {
    // Merged into 児童発達支援 in FY2024 (DOMAIN.md §7); older files and records still carry it.
    code: '64',
    label: '医療型児童発達支援',
    shortLabel: '医療型児発',
    sector: 'welfare',
    isWam: true,
    forChildren: true,
    mergedInto: '63',
  },
  { code: '65', label: '放課後等デイサービス', shortLabel: '放デイ', sector: 'welfare', isWam: true, forChildren: true },
  { code: '66', label: '居宅訪問型児童発達支援', shortLabel: '居宅訪問型児発', sector: 'welfare', isWam: true, forChildren: true },
  { code: '67', label: '保育所等訪問支援', shortLabel: '保育所等訪問', sector: 'welfare', isWam: true, forChildren: true },
  { code: '70', label: '障害児相談支援', shortLabel: '障害児相談', sector: 'welfare', isWam: true, forChildren: true },

  // ── Medical (outside WAM: medical insurance) ─────────────────────────────────
  { code: 'home_nursing', label: '訪問看護', shortLabel: '訪問看護', sector: 'medical', isWam: false },
  { code: 'home_medical', label: '訪問診療', shortLabel: '訪問診療', sector: 'medical', isWam: false },
  { code: 'home_rehab', label: '訪問リハビリ', shortLabel: '訪問リハ', sector: 'medical', isWam: false },
  { code: 'home_pharmacy', label: '訪問薬局', shortLabel: '訪問薬局', sector: 'medical', isWam: false },
  { code: 'home_dental', label: '訪問歯科', shortLabel: '訪問歯科', sector: 'medical', isWam: false },
  { code: 'hospital', label: '病院', shortLabel: '病院', sector: 'medical', isWam: false },
  // A welfare service in law, but delivered by hospitals and sought as a medical resource
  // (DOMAIN.md §7), so it sits with 医療 where consultants look for it.
  { code: 'medical_short_stay', label: '医療型短期入所', shortLabel: '医療型短期', sector: 'medical', isWam: false },
  // The seed lists こども発達センター under both 医療 and 福祉・療育; its clinic is the reason
  // medical-care families go there, so 医療 is its primary sector.
  {
    code: 'child_development_center',
    label: 'こども発達センター',
    shortLabel: '発達センター',
    sector: 'medical',
    isWam: false,
    forChildren: true,
  },

  // ── Welfare run by the city (地域生活支援事業) and consultation hubs ──────────
  { code: 'day_care_city', label: '日中一時支援', shortLabel: '日中一時', sector: 'welfare', isWam: false },
  { code: 'mobility_support', label: '移動支援', shortLabel: '移動支援', sector: 'welfare', isWam: false },
  { code: 'daily_equipment', label: '日常生活用具・補装具', shortLabel: '用具・補装具', sector: 'welfare', isWam: false },
  { code: 'core_consultation_center', label: '基幹相談支援センター', shortLabel: '基幹相談', sector: 'welfare', isWam: false },

  // ── Administration ────────────────────────────────────────────────────────────
  { code: 'admin_desk', label: '行政窓口（障害福祉課など）', shortLabel: '行政窓口', sector: 'administration', isWam: false },
  { code: 'health_center', label: '保健所', shortLabel: '保健所', sector: 'administration', isWam: false },
  {
    code: 'child_family_center',
    label: 'こども家庭センター',
    shortLabel: 'こども家庭C',
    sector: 'administration',
    isWam: false,
    forChildren: true,
  },

  // ── Education ────────────────────────────────────────────────────────────────
  { code: 'special_school', label: '特別支援学校', shortLabel: '特支', sector: 'education', isWam: false, forChildren: true },
  { code: 'board_of_education', label: '教育委員会', shortLabel: '教委', sector: 'education', isWam: false, forChildren: true },
  {
    code: 'school_social_worker',
    label: 'スクールソーシャルワーカー',
    shortLabel: 'SSW',
    sector: 'education',
    isWam: false,
    forChildren: true,
  },
];

const SERVICE_TYPE_BY_CODE = new Map<string, ServiceType>(SERVICE_TYPES.map((t) => [t.code, t]));

export const SERVICE_TYPE_CODES: readonly ServiceTypeCode[] = SERVICE_TYPES.map((t) => t.code);

export function isServiceTypeCode(value: unknown): value is ServiceTypeCode {
  return typeof value === 'string' && SERVICE_TYPE_BY_CODE.has(value);
}

export function isWamServiceTypeCode(value: unknown): value is WamServiceTypeCode {
  return typeof value === 'string' && (WAM_SERVICE_TYPE_CODES as readonly string[]).includes(value);
}

export function findServiceType(code: string): ServiceType | undefined {
  return SERVICE_TYPE_BY_CODE.get(code);
}

/** For codes already typed as ServiceTypeCode; throws on a bad cast. */
export function getServiceType(code: ServiceTypeCode): ServiceType {
  const type = SERVICE_TYPE_BY_CODE.get(code);
  if (!type) throw new RangeError(`Unknown service type code: ${JSON.stringify(code)}`);
  return type;
}

export function serviceTypeLabel(code: ServiceTypeCode): string {
  return getServiceType(code).label;
}

export function serviceTypesBySector(sector: Sector): ServiceType[] {
  return SERVICE_TYPES.filter((t) => t.sector === sector);
}

/** Types a child can use: children-only types plus those for all ages. */
export function serviceTypesForChildren(): ServiceType[] {
  return SERVICE_TYPES.filter((t) => t.forChildren !== false);
}

/** Types an adult can use: adults-only types plus those for all ages. */
export function serviceTypesForAdults(): ServiceType[] {
  return SERVICE_TYPES.filter((t) => t.forChildren !== true);
}
