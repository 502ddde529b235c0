// Prefectures (JIS X 0401) and the six 東葛 cities (JIS X 0402 / 全国地方公共団体コード).
//
// Codes here are the identifiers every other data source uses: the WAM NET CSV's first column is
// a 5-digit code, and city forms print the 6-digit code with its check digit. Keep the
// approximate facts (population, city-hall coordinates) in this one file so they can be
// corrected without touching code.

export interface Prefecture {
  /** JIS X 0401 code, two digits '01'..'47'. */
  code: string;
  /** 6-digit 地方公共団体コード of the prefecture itself, e.g. '120006' for 千葉県. */
  lgCode: string;
  /** e.g. '千葉県' */
  name: string;
  /** Name without 都/府/県 ('千葉', '東京'); 北海道 stays '北海道'. */
  shortName: string;
  /** Hiragana reading, e.g. 'ちばけん'. */
  kana: string;
}

export interface Municipality {
  /** 5-digit code without check digit, e.g. '12207'. This is the key used in the database. */
  code: string;
  /** 6-digit code with the JIS X 0402 check digit, e.g. '122076'. */
  lgCode: string;
  prefectureCode: string;
  name: string;
  /** Hiragana reading, e.g. 'まつどし'. */
  kana: string;
  /** Approximate population in 2022 (DOMAIN.md §9, rounded to thousands). */
  population2022: number;
  /** 障害保健福祉圏域 (Chiba's disability health-and-welfare planning area). */
  welfareRegion: string;
  /**
   * 中核市: designates its own welfare offices, so WAM rows for offices there carry the city's
   * code instead of the prefecture's (see shared/reference/wam/README.md).
   */
  isCoreCity: boolean;
  /** Approximate city-hall position (WGS84), for centring maps and distance defaults. */
  cityHall: { lat: number; lon: number };
}

const CHECK_DIGIT_WEIGHTS = [6, 5, 4, 3, 2] as const;

/**
 * JIS X 0402 check digit for a 5-digit local-government code: multiply the digits by
 * 6,5,4,3,2, sum, take the remainder r mod 11, and use the last digit of (11 − r).
 * So r = 0 gives 1 (埼玉県 11000 → 110001) and r = 1 gives 0 (我孫子市 12222 → 122220).
 */
export function municipalityCheckDigit(code5: string): string {
  if (!/^\d{5}$/.test(code5)) throw new RangeError(`Expected a 5-digit code, got ${JSON.stringify(code5)}`);
  let sum = 0;
  for (let i = 0; i < 5; i++) sum += Number(code5[i]) * CHECK_DIGIT_WEIGHTS[i]!;
  return String((11 - (sum % 11)) % 10);
}

/** True when a 6-digit code's last digit matches its check digit. */
export function isValidLgCode(code6: string): boolean {
  return /^\d{6}$/.test(code6) && municipalityCheckDigit(code6.slice(0, 5)) === code6[5];
}

/** Adds the check digit: '12207' → '122076'. */
export function toLgCode(code5: string): string {
  return code5 + municipalityCheckDigit(code5);
}

// [code, name, kana] — JIS X 0401 order.
const PREFECTURE_ROWS: readonly (readonly [string, string, string])[] = [
  ['01', '北海道', 'ほっかいどう'],
  ['02', '青森県', 'あおもりけん'],
  ['03', '岩手県', 'いわてけん'],
  ['04', '宮城県', 'みやぎけん'],
  ['05', '秋田県', 'あきたけん'],
  ['06', '山形県', 'やまがたけん'],
  ['07', '福島県', 'ふくしまけん'],
  ['08', '茨城県', 'いばらきけん'],
  ['09', '栃木県', 'とちぎけん'],
  ['10', '群馬県', 'ぐんまけん'],
  ['11', '埼玉県', 'さいたまけん'],
  ['12', '千葉県', 'ちばけん'],
  ['13', '東京都', 'とうきょうと'],
  ['14', '神奈川県', 'かながわけん'],
  ['15', '新潟県', 'にいがたけん'],
  ['16', '富山県', 'とやまけん'],
  ['17', '石川県', 'いしかわけん'],
  ['18', '福井県', 'ふくいけん'],
  ['19', '山梨県', 'やまなしけん'],
  ['20', '長野県', 'ながのけん'],
  ['21', '岐阜県', 'ぎふけん'],
  ['22', '静岡県', 'しずおかけん'],
  ['23', '愛知県', 'あいちけん'],
  ['24', '三重県', 'みえけん'],
  ['25', '滋賀県', 'しがけん'],
  ['26', '京都府', 'きょうとふ'],
  ['27', '大阪府', 'おおさかふ'],
  ['28', '兵庫県', 'ひょうごけん'],
  ['29', '奈良県', 'ならけん'],
  ['30', '和歌山県', 'わかやまけん'],
  ['31', '鳥取県', 'とっとりけん'],
  ['32', '島根県', 'しまねけん'],
  ['33', '岡山県', 'おかやまけん'],
  ['34', '広島県', 'ひろしまけん'],
  ['35', '山口県', 'やまぐちけん'],
  ['36', '徳島県', 'とくしまけん'],
  ['37', '香川県', 'かがわけん'],
  ['38', '愛媛県', 'えひめけん'],
  ['39', '高知県', 'こうちけん'],
  ['40', '福岡県', 'ふくおかけん'],
  ['41', '佐賀県', 'さがけん'],
  ['42', '長崎県', 'ながさきけん'],
  ['43', '熊本県', 'くまもとけん'],
  ['44', '大分県', 'おおいたけん'],
  ['45', '宮崎県', 'みやざきけん'],
  ['46', '鹿児島県', 'かごしまけん'],
  ['47', '沖縄県', 'おきなわけん'],
];

export const PREFECTURES: readonly Prefecture[] = PREFECTURE_ROWS.map(([code, name, kana]) => ({
  code,
  lgCode: toLgCode(`${code}000`),
  name,
  // 北海道 keeps its full name: "北海" is not how anyone refers to it.
  shortName: name === '北海道' ? name : name.slice(0, -1),
  kana,
}));

const PREFECTURE_BY_CODE = new Map(PREFECTURES.map((p) => [p.code, p]));

/**
 * Finds a prefecture by its JIS code. Accepts '12', 12, or a 5/6-digit local-government code
 * ('12207', '122076', '12000'), whose first two digits are the prefecture — handy for the WAM
 * CSV's first column.
 */
export function findPrefecture(code: string | number): Prefecture | undefined {
  let key: string;
  if (typeof code === 'number') {
    if (!Number.isInteger(code)) return undefined;
    key = String(code).padStart(2, '0');
  } else if (/^\d{2}$/.test(code)) {
    key = code;
  } else if (/^\d{5,6}$/.test(code)) {
    key = code.slice(0, 2);
  } else {
    return undefined;
  }
  return PREFECTURE_BY_CODE.get(key);
}

/** Chiba prefecture, the home of the 東葛 region. */
export const CHIBA_PREFECTURE_CODE = '12';

// source: DOMAIN.md §9 (codes, population 2022, 圏域; codes marked "check" there — the check
// digits are verified by municipalityCheckDigit in the tests). City-hall coordinates are
// approximate (±100 m), read from public maps of each 市役所 本庁舎; refine if a map needs it.
export const TOKATSU_MUNICIPALITIES: readonly Municipality[] = [
  {
    code: '12207',
    lgCode: '122076',
    prefectureCode: '12',
    name: '松戸市',
    kana: 'まつどし',
    population2022: 497_000,
    welfareRegion: '松戸',
    isCoreCity: false,
    cityHall: { lat: 35.7877, lon: 139.9031 },
  },
  {
    code: '12208',
    lgCode: '122084',
    prefectureCode: '12',
    name: '野田市',
    kana: 'のだし',
    population2022: 154_000,
    welfareRegion: '野田',
    isCoreCity: false,
    cityHall: { lat: 35.9553, lon: 139.8747 },
  },
  {
    code: '12217',
    lgCode: '122173',
    prefectureCode: '12',
    name: '柏市',
    kana: 'かしわし',
    population2022: 431_000,
    welfareRegion: '柏',
    isCoreCity: true,
    cityHall: { lat: 35.8677, lon: 139.9757 },
  },
  {
    code: '12220',
    lgCode: '122203',
    prefectureCode: '12',
    name: '流山市',
    kana: 'ながれやまし',
    population2022: 205_000,
    welfareRegion: '松戸',
    isCoreCity: false,
    cityHall: { lat: 35.8563, lon: 139.9027 },
  },
  {
    code: '12222',
    lgCode: '122220',
    prefectureCode: '12',
    name: '我孫子市',
    kana: 'あびこし',
    population2022: 131_000,
    welfareRegion: '松戸',
    isCoreCity: false,
    cityHall: { lat: 35.8642, lon: 140.028 },
  },
  {
    // Official spelling uses a full-size ケ (鎌ケ谷市); 鎌ヶ谷 is common in the wild — search
    // normalisation (text/normalize.ts) folds the two together.
    code: '12224',
    lgCode: '122246',
    prefectureCode: '12',
    name: '鎌ケ谷市',
    kana: 'かまがやし',
    population2022: 110_000,
    welfareRegion: '習志野',
    isCoreCity: false,
    cityHall: { lat: 35.7765, lon: 140.0007 },
  },
];

const MUNICIPALITY_BY_CODE = new Map(TOKATSU_MUNICIPALITIES.map((m) => [m.code, m]));

/**
 * Finds one of the six 東葛 cities by its 5-digit code, or by its 6-digit code when the check
 * digit is right (a wrong check digit is a typo, not a match).
 */
export function findTokatsuMunicipality(code: string): Municipality | undefined {
  if (/^\d{5}$/.test(code)) return MUNICIPALITY_BY_CODE.get(code);
  if (isValidLgCode(code)) return MUNICIPALITY_BY_CODE.get(code.slice(0, 5));
  return undefined;
}
