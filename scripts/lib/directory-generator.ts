// A fictitious national-scale directory for benchmarks (`npm run generate`, bench/directory.ts).
// Deterministic for a given seed. Every office, name and number is invented; only the
// prefectures and the six 東葛 cities are real. Distributions follow DOMAIN.md §9 roughly:
// 放デイ and 児発 are the most common welfare types, visiting nursing leads the medical side,
// and medical-care capability is common in nursing/hospitals and rare in after-school day care.
import { CARE_ITEM_CODES } from '../../src/shared/domain/care-items.js';
import { PREFECTURES, TOKATSU_MUNICIPALITIES } from '../../src/shared/domain/municipalities.js';
import { findServiceType } from '../../src/shared/domain/service-types.js';

/** Prefectural capital (approximate) and population in millions (rounded), JIS order. */
const PREF_GEO: [number, number, number][] = [
  [43.06, 141.35, 5.1], [40.82, 140.74, 1.2], [39.7, 141.15, 1.2], [38.27, 140.87, 2.3], [39.72, 140.1, 0.9], [38.24, 140.36, 1.0],
  [37.75, 140.47, 1.8], [36.34, 140.45, 2.8], [36.57, 139.88, 1.9], [36.39, 139.06, 1.9], [35.86, 139.65, 7.3], [35.6, 140.12, 6.3],
  [35.69, 139.69, 14.0], [35.45, 139.64, 9.2], [37.9, 139.02, 2.1], [36.7, 137.21, 1.0], [36.59, 136.63, 1.1], [36.07, 136.22, 0.8],
  [35.66, 138.57, 0.8], [36.65, 138.18, 2.0], [35.39, 136.72, 2.0], [34.98, 138.38, 3.6], [35.18, 136.91, 7.5], [34.73, 136.51, 1.7],
  [35.0, 135.87, 1.4], [35.02, 135.76, 2.5], [34.69, 135.52, 8.8], [34.69, 135.18, 5.4], [34.69, 135.83, 1.3], [34.23, 135.17, 0.9],
  [35.5, 134.24, 0.5], [35.47, 133.05, 0.7], [34.66, 133.93, 1.9], [34.4, 132.46, 2.8], [34.19, 131.47, 1.3], [34.07, 134.56, 0.7],
  [34.34, 134.04, 0.9], [33.84, 132.77, 1.3], [33.56, 133.53, 0.7], [33.61, 130.42, 5.1], [33.25, 130.3, 0.8], [32.74, 129.87, 1.3],
  [32.79, 130.74, 1.7], [33.24, 131.61, 1.1], [31.91, 131.42, 1.1], [31.56, 130.56, 1.6], [26.21, 127.68, 1.5],
];

const PLACE = [
  ['みどり', 'みどり'], ['さくら', 'さくら'], ['あおば', 'あおば'], ['ひかり', 'ひかり'], ['若葉', 'わかば'], ['中央', 'ちゅうおう'],
  ['東', 'ひがし'], ['西', 'にし'], ['南', 'みなみ'], ['北', 'きた'], ['本町', 'ほんちょう'], ['新町', 'しんまち'], ['大野', 'おおの'],
  ['高田', 'たかだ'], ['山田', 'やまだ'], ['川口', 'かわぐち'], ['森', 'もり'], ['松原', 'まつばら'], ['石川', 'いしかわ'], ['柏', 'かしわ'],
  ['松戸', 'まつど'], ['港', 'みなと'], ['平和', 'へいわ'], ['緑ヶ丘', 'みどりがおか'], ['桜台', 'さくらだい'], ['旭', 'あさひ'],
] as const;
const BRAND = [
  ['ひだまり', 'ひだまり'], ['そよかぜ', 'そよかぜ'], ['にじいろ', 'にじいろ'], ['つばさ', 'つばさ'], ['こころ', 'こころ'], ['ぽかぽか', 'ぽかぽか'],
  ['あおぞら', 'あおぞら'], ['きらり', 'きらり'], ['ハーモニー', 'はーもにー'], ['スマイル', 'すまいる'], ['ひまわり', 'ひまわり'], ['たんぽぽ', 'たんぽぽ'],
  ['なごみ', 'なごみ'], ['ゆうき', 'ゆうき'], ['はばたき', 'はばたき'], ['ライフ', 'らいふ'], ['アシスト', 'あしすと'], ['みらい', 'みらい'],
  ['コスモス', 'こすもす'], ['オリーブ', 'おりーぶ'], ['ぐんぐん', 'ぐんぐん'], ['和', 'なごみ'], ['結', 'ゆい'], ['光', 'ひかり'],
] as const;
const CITY_SUFFIX = ['市', '町', '村'] as const;

/** [type, weight, label used in office names, its kana, sector, care-capability rate]. */
const TYPES: [string, number, string, string, 'medical' | 'welfare' | 'administration' | 'education', number][] = [
  ['65', 23, '放課後等デイサービス', 'ほうかごとうでいさーびす', 'welfare', 0.12],
  ['63', 15, '児童発達支援', 'じどうはったつしえん', 'welfare', 0.15],
  ['11', 20, 'ヘルパーステーション', 'へるぱーすてーしょん', 'welfare', 0.1],
  ['12', 7, '重度訪問介護', 'じゅうどほうもんかいご', 'welfare', 0.3],
  ['22', 12, '生活介護センター', 'せいかつかいごせんたー', 'welfare', 0.2],
  ['24', 7.5, 'ショートステイ', 'しょーとすてい', 'welfare', 0.25],
  ['33', 12, 'グループホーム', 'ぐるーぷほーむ', 'welfare', 0.05],
  ['46', 16, '就労支援センター', 'しゅうろうしえんせんたー', 'welfare', 0.02],
  ['52', 12, '相談支援事業所', 'そうだんしえんじぎょうしょ', 'welfare', 0.05],
  ['70', 8, '障害児相談支援', 'しょうがいじそうだんしえん', 'welfare', 0.05],
  ['67', 3.3, '保育所等訪問支援', 'ほいくしょとうほうもんしえん', 'welfare', 0.05],
  ['66', 0.4, '居宅訪問型児童発達支援', 'きょたくほうもんがたじどうはったつしえん', 'welfare', 0.5],
  ['13', 2, '行動援護', 'こうどうえんご', 'welfare', 0.02],
  ['15', 3, '同行援護', 'どうこうえんご', 'welfare', 0.02],
  ['21', 0.3, '療養介護', 'りょうようかいご', 'welfare', 0.9],
  ['home_nursing', 15, '訪問看護ステーション', 'ほうもんかんごすてーしょん', 'medical', 0.8],
  ['home_medical', 8, '在宅クリニック', 'ざいたくくりにっく', 'medical', 0.85],
  ['home_rehab', 2, '訪問リハビリテーション', 'ほうもんりはびりてーしょん', 'medical', 0.4],
  ['home_pharmacy', 6, '訪問薬局', 'ほうもんやっきょく', 'medical', 0.3],
  ['home_dental', 3, '訪問歯科', 'ほうもんしか', 'medical', 0.2],
  ['hospital', 4, '病院', 'びょういん', 'medical', 0.9],
  ['medical_short_stay', 0.5, '医療型短期入所', 'いりょうがたたんきにゅうしょ', 'medical', 0.95],
  ['day_care_city', 3, '日中一時支援', 'にっちゅういちじしえん', 'welfare', 0.1],
  ['mobility_support', 2, '移動支援', 'いどうしえん', 'welfare', 0.02],
  ['admin_desk', 0.5, '障害福祉課', 'しょうがいふくしか', 'administration', 0],
  ['special_school', 0.6, '特別支援学校', 'とくべつしえんがっこう', 'education', 0.6],
];

/** Types an office of a given primary type often also runs (多機能型 and the like). */
const COMPANIONS: Record<string, string[]> = {
  '65': ['63', '70', 'day_care_city'],
  '63': ['65', '70'],
  '11': ['12', '15', '13', 'mobility_support'],
  '12': ['11'],
  '22': ['24', '52'],
  '24': ['22', 'day_care_city'],
  '52': ['70'],
  '70': ['52'],
  '33': ['22'],
  home_nursing: ['home_rehab', '52'],
  home_medical: ['home_nursing'],
  hospital: ['medical_short_stay', 'home_nursing', 'home_rehab'],
  '46': ['22'],
};

export interface GeneratedMunicipality {
  code: string;
  name: string;
  nameKana: string;
  prefectureCode: string;
  prefectureName: string;
  lat: number;
  lon: number;
}

export interface GeneratedService {
  serviceType: string;
  capacity: number | null;
  vacancyCount: number | null;
  vacancyConfirmedDaysAgo: number | null;
  ageMin: number | null;
  ageMax: number | null;
  openSaturday: boolean;
  openSunday: boolean;
  openHoliday: boolean;
  hours: { weekday: string | null; saturday: string | null; sunday: string | null; holiday: string | null };
  capabilities: { careItem: string; level: 'yes' | 'conditional' | 'no' | 'unknown'; note: string | null }[];
  listingConfirmedDaysAgo: number;
  updatedDaysAgo: number;
}

export interface GeneratedOffice {
  name: string;
  nameKana: string;
  sector: 'medical' | 'welfare' | 'administration' | 'education';
  municipality: GeneratedMunicipality;
  address: string;
  lat: number;
  lon: number;
  phone: string;
  wamOfficeNumber: string | null;
  organization: number;
  services: GeneratedService[];
}

/** Mulberry32: small, fast, deterministic. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}

export function generateMunicipalities(seed = 1): GeneratedMunicipality[] {
  const r = rng(seed);
  const out: GeneratedMunicipality[] = [];
  PREFECTURES.forEach((p, i) => {
    const [lat, lon, pop] = PREF_GEO[i]!;
    const n = Math.max(15, Math.round(20 + pop * 6)); // ≈1,700 in all, like Japan's 1,741
    const used = new Set<string>();
    for (let k = 0; k < n; k++) {
      const code = `${p.code}${String(201 + k * 2).padStart(3, '0')}`;
      if (p.code === '12' && TOKATSU_MUNICIPALITIES.some((m) => m.code === code)) continue;
      let place = r.pick(PLACE);
      let suffix = k < n * 0.6 ? '市' : r.pick(CITY_SUFFIX);
      let name = `${place[0]}${suffix}`;
      for (let tries = 0; used.has(name) && tries < 5; tries++) {
        place = r.pick(PLACE);
        suffix = r.pick(CITY_SUFFIX);
        name = `${place[0]}${suffix}`;
      }
      if (used.has(name)) name = `${place[0]}${k}${suffix}`;
      used.add(name);
      const kana = `${place[1]}${suffix === '市' ? 'し' : suffix === '町' ? 'まち' : 'むら'}`;
      out.push({ code, name: `架空${name}`, nameKana: `かくう${kana}`, prefectureCode: p.code, prefectureName: p.name, lat: lat + (r.next() - 0.5) * 0.8, lon: lon + (r.next() - 0.5) * 0.8 });
    }
  });
  for (const m of TOKATSU_MUNICIPALITIES)
    out.push({ code: m.code, name: m.name, nameKana: m.kana, prefectureCode: m.prefectureCode, prefectureName: '千葉県', lat: m.cityHall.lat, lon: m.cityHall.lon });
  return out;
}

function weighted<T>(items: readonly T[], weightOf: (t: T) => number) {
  const cum: number[] = [];
  let sum = 0;
  for (const it of items) cum.push((sum += weightOf(it)));
  return (u: number) => {
    const x = u * sum;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return items[lo]!;
  };
}

const CHILD_TYPES = new Set(['63', '64', '65', '66', '67', '70', 'special_school']);
const ADULT_TYPES = new Set(['12', '21', '22', '33', '46', '52']);

function makeService(r: ReturnType<typeof rng>, type: string, careRate: number): GeneratedService {
  const child = CHILD_TYPES.has(type);
  const adult = ADULT_TYPES.has(type);
  const ageMin = type === '65' ? 6 : child ? 0 : adult ? 18 : null;
  const ageMax = type === '63' ? 6 : type === '65' ? 18 : child ? 18 : null;
  const openSaturday = r.chance(type === '65' || type === '63' ? 0.6 : 0.35);
  const openSunday = r.chance(0.15);
  const openHoliday = r.chance(0.2);
  const residential = ['24', '33', '21', 'hospital', 'medical_short_stay'].includes(type);
  const capacity = ['65', '63', '22', '46', '24', '33', 'day_care_city', 'medical_short_stay'].includes(type) ? r.pick([5, 6, 10, 10, 10, 15, 20]) : null;
  const hasVacancy = capacity !== null && r.chance(0.55);
  const capable = r.chance(careRate);
  const capabilities: GeneratedService['capabilities'] = [];
  if (r.chance(0.7)) {
    for (const c of CARE_ITEM_CODES) {
      const u = r.next();
      const p = capable ? (['ventilator', 'central_venous', 'dialysis'].includes(c) ? 0.35 : 0.7) : 0.04;
      const level = u < p ? (r.chance(0.75) ? 'yes' : 'conditional') : u < p + 0.15 ? 'unknown' : 'no';
      capabilities.push({ careItem: c, level, note: level === 'conditional' ? '看護師の勤務日のみ対応' : null });
    }
  }
  const open = '9:00～18:00';
  return {
    serviceType: type,
    capacity,
    vacancyCount: hasVacancy ? r.pick([0, 0, 0, 1, 1, 2, 3]) : null,
    vacancyConfirmedDaysAgo: hasVacancy ? Math.floor(r.next() ** 2 * 60) : null,
    ageMin,
    ageMax,
    openSaturday: residential || openSaturday,
    openSunday: residential || openSunday,
    openHoliday: residential || openHoliday,
    hours: {
      weekday: residential ? '0:00～24:00' : type === '65' ? '14:00～18:00' : open,
      saturday: residential ? '0:00～24:00' : openSaturday ? '9:00～17:00' : null,
      sunday: residential ? '0:00～24:00' : openSunday ? '9:00～17:00' : null,
      holiday: residential ? '0:00～24:00' : openHoliday ? '9:00～17:00' : null,
    },
    capabilities,
    listingConfirmedDaysAgo: Math.floor(r.next() ** 1.5 * 120),
    updatedDaysAgo: Math.floor(r.next() * 365),
  };
}

/** Yields offices one by one (memory stays flat at any size). */
export function* generateOffices(opts: { offices: number; municipalities: GeneratedMunicipality[]; seed?: number }): Generator<GeneratedOffice> {
  const r = rng(opts.seed ?? 42);
  const prefPop = new Map(PREFECTURES.map((p, i) => [p.code, PREF_GEO[i]![2]]));
  const pickMuni = weighted(opts.municipalities, (m) => (prefPop.get(m.prefectureCode) ?? 1) * (m.name.endsWith('村') ? 0.2 : m.name.endsWith('町') ? 0.5 : 1));
  const pickType = weighted(TYPES, (t) => t[1]);
  for (let i = 0; i < opts.offices; i++) {
    const m = pickMuni(r.next());
    const [type, , label, labelKana, sector, careRate] = pickType(r.next());
    const brand = r.pick(BRAND);
    const place = r.chance(0.5) ? r.pick(PLACE) : (['', ''] as const);
    const name = sector === 'administration' ? `${m.name}${label}` : `${brand[0]}${label}${place[0]}`;
    const nameKana = sector === 'administration' ? `${m.nameKana}${labelKana}` : `${brand[1]}${labelKana}${place[1]}`;
    const types = [type];
    const companions = COMPANIONS[type];
    if (companions) for (const c of companions) if (r.chance(0.4)) types.push(c);
    const services = types.map((t) => makeService(r, t, t === type ? careRate : (TYPES.find((x) => x[0] === t)?.[5] ?? 0.1)));
    const isWam = Boolean(findServiceType(type)?.isWam);
    yield {
      name,
      nameKana,
      sector,
      municipality: m,
      address: `${r.pick(PLACE)[0]}${r.int(1, 9)}丁目${r.int(1, 30)}-${r.int(1, 20)}`,
      lat: m.lat + (r.next() - 0.5) * 0.12,
      lon: m.lon + (r.next() - 0.5) * 0.12,
      phone: `0${r.int(10, 99)}-${r.int(100, 999)}-${String(i % 10000).padStart(4, '0')}`,
      wamOfficeNumber: isWam ? `${m.prefectureCode}${String(i).padStart(8, '0')}` : null,
      organization: r.int(0, Math.floor(opts.offices / 3)),
      services,
    };
  }
}
