// The fictitious demo region (issue #2). Every office and person here is invented; the cities
// and their codes are real. Names are deliberately ordinary so nobody mistakes them for a
// real office, and each office name carries no real 事業所番号.
import type { Role } from '../../shared/contracts/auth.js';

export const DEMO_PASSWORD = 'tsunagu-demo-2026';
export const DEMO_EMAIL_DOMAIN = 'demo.tsunagu.example';

export interface DemoOffice {
  key: string;
  name: string;
  nameKana: string;
  sector: 'medical' | 'welfare' | 'administration' | 'education';
  municipalityCode: string;
  organization?: string;
}

export const DEMO_ORGANIZATIONS = [
  { key: 'hidamari', name: '社会福祉法人ひだまり会（架空）', nameKana: 'しゃかいふくしほうじんひだまりかい' },
  { key: 'kodama', name: '医療法人こだま会（架空）', nameKana: 'いりょうほうじんこだまかい' },
  { key: 'tsubasa', name: '特定非営利活動法人つばさ（架空）', nameKana: 'とくていひえいりかつどうほうじんつばさ' },
  { key: 'midori', name: '株式会社みどりケア（架空）', nameKana: 'かぶしきがいしゃみどりけあ' },
] as const;

const M = { matsudo: '12207', noda: '12208', kashiwa: '12217', nagareyama: '12220', abiko: '12222', kamagaya: '12224' } as const;

export const DEMO_OFFICES: DemoOffice[] = [
  // 医療
  { key: 'kango-matsudo', name: 'ひだまり訪問看護ステーション松戸', nameKana: 'ひだまりほうもんかんごすてーしょんまつど', sector: 'medical', municipalityCode: M.matsudo, organization: 'hidamari' },
  { key: 'kango-kashiwa', name: 'こだま訪問看護ステーション柏', nameKana: 'こだまほうもんかんごすてーしょんかしわ', sector: 'medical', municipalityCode: M.kashiwa, organization: 'kodama' },
  { key: 'kango-nagareyama', name: 'ながれやま小児訪問看護ステーション', nameKana: 'ながれやましょうにほうもんかんごすてーしょん', sector: 'medical', municipalityCode: M.nagareyama, organization: 'midori' },
  { key: 'kango-noda', name: 'のだ訪問看護ステーションそら', nameKana: 'のだほうもんかんごすてーしょんそら', sector: 'medical', municipalityCode: M.noda },
  { key: 'hospital-kashiwa', name: 'かしわ小児医療センター（架空）', nameKana: 'かしわしょうにいりょうせんたー', sector: 'medical', municipalityCode: M.kashiwa, organization: 'kodama' },
  { key: 'hospital-matsudo', name: '松戸みらい病院（架空）', nameKana: 'まつどみらいびょういん', sector: 'medical', municipalityCode: M.matsudo },
  { key: 'clinic-abiko', name: 'あびこ在宅こどもクリニック', nameKana: 'あびこざいたくこどもくりにっく', sector: 'medical', municipalityCode: M.abiko },
  { key: 'clinic-kamagaya', name: 'かまがや訪問診療所', nameKana: 'かまがやほうもんしんりょうじょ', sector: 'medical', municipalityCode: M.kamagaya },
  { key: 'hattatsu-matsudo', name: '松戸こども発達センター（架空）', nameKana: 'まつどこどもはったつせんたー', sector: 'medical', municipalityCode: M.matsudo },
  { key: 'pharmacy-kashiwa', name: 'みどり訪問薬局柏', nameKana: 'みどりほうもんやっきょくかしわ', sector: 'medical', municipalityCode: M.kashiwa, organization: 'midori' },
  // 福祉・療育
  { key: 'soudan-matsudo', name: '相談支援センターひだまり松戸', nameKana: 'そうだんしえんせんたーひだまりまつど', sector: 'welfare', municipalityCode: M.matsudo, organization: 'hidamari' },
  { key: 'soudan-kashiwa', name: '柏つばさ相談支援事業所', nameKana: 'かしわつばささうだんしえんじぎょうしょ', sector: 'welfare', municipalityCode: M.kashiwa, organization: 'tsubasa' },
  { key: 'soudan-nagareyama', name: '流山みどり相談室', nameKana: 'ながれやまみどりそうだんしつ', sector: 'welfare', municipalityCode: M.nagareyama, organization: 'midori' },
  { key: 'soudan-noda', name: '野田さくら相談支援事業所', nameKana: 'のださくらそうだんしえんじぎょうしょ', sector: 'welfare', municipalityCode: M.noda },
  { key: 'soudan-abiko', name: 'あびこ相談支援センターてとて', nameKana: 'あびこそうだんしえんせんたーてとて', sector: 'welfare', municipalityCode: M.abiko },
  { key: 'kikan-kamagaya', name: '鎌ケ谷市基幹相談支援センター（架空）', nameKana: 'かまがやしきかんそうだんしえんせんたー', sector: 'welfare', municipalityCode: M.kamagaya },
  { key: 'jihatsu-matsudo', name: '児童発達支援ひだまりキッズ', nameKana: 'じどうはったつしえんひだまりきっず', sector: 'welfare', municipalityCode: M.matsudo, organization: 'hidamari' },
  { key: 'jihatsu-kashiwa', name: '重症児デイつばさ柏', nameKana: 'じゅうしょうじでいつばさかしわ', sector: 'welfare', municipalityCode: M.kashiwa, organization: 'tsubasa' },
  { key: 'jihatsu-nagareyama', name: 'こどもの家ぽかぽか流山', nameKana: 'こどものいえぽかぽかながれやま', sector: 'welfare', municipalityCode: M.nagareyama },
  { key: 'houday-matsudo', name: '放課後等デイサービスにじいろ', nameKana: 'ほうかごとうでいさーびすにじいろ', sector: 'welfare', municipalityCode: M.matsudo },
  { key: 'houday-noda', name: '放課後デイのだっこ', nameKana: 'ほうかごでいのだっこ', sector: 'welfare', municipalityCode: M.noda },
  { key: 'houday-abiko', name: 'あびこ放課後クラブ　かぜ', nameKana: 'あびこほうかごくらぶかぜ', sector: 'welfare', municipalityCode: M.abiko, organization: 'tsubasa' },
  { key: 'tanki-kashiwa', name: '短期入所こだまの家', nameKana: 'たんきにゅうしょこだまのいえ', sector: 'welfare', municipalityCode: M.kashiwa, organization: 'kodama' },
  { key: 'tanki-matsudo', name: 'ショートステイひだまり', nameKana: 'しょーとすていひだまり', sector: 'welfare', municipalityCode: M.matsudo, organization: 'hidamari' },
  { key: 'kyotaku-kamagaya', name: 'ヘルパーステーションかまがや', nameKana: 'へるぱーすてーしょんかまがや', sector: 'welfare', municipalityCode: M.kamagaya, organization: 'midori' },
  // 行政
  { key: 'city-matsudo', name: '松戸市 障害福祉課（デモ）', nameKana: 'まつどししょうがいふくしか', sector: 'administration', municipalityCode: M.matsudo },
  { key: 'city-kashiwa', name: '柏市 障害福祉課（デモ）', nameKana: 'かしわししょうがいふくしか', sector: 'administration', municipalityCode: M.kashiwa },
  { key: 'city-nagareyama', name: '流山市 障害者支援課（デモ）', nameKana: 'ながれやましょうがいしゃしえんか', sector: 'administration', municipalityCode: M.nagareyama },
  { key: 'hokenjo-matsudo', name: '松戸保健所（デモ）', nameKana: 'まつどほけんじょ', sector: 'administration', municipalityCode: M.matsudo },
  { key: 'kodomo-kashiwa', name: '柏市こども家庭センター（デモ）', nameKana: 'かしわしこどもかていせんたー', sector: 'administration', municipalityCode: M.kashiwa },
  // 教育
  { key: 'school-matsudo', name: '県立まつど特別支援学校（架空）', nameKana: 'けんりつまつどとくべつしえんがっこう', sector: 'education', municipalityCode: M.matsudo },
  { key: 'school-kashiwa', name: '県立かしわの森特別支援学校（架空）', nameKana: 'けんりつかしわのもりとくべつしえんがっこう', sector: 'education', municipalityCode: M.kashiwa },
  { key: 'kyoiku-noda', name: '野田市教育委員会 指導課（デモ）', nameKana: 'のだしきょういくいいんかいしどうか', sector: 'education', municipalityCode: M.noda },
];

export interface DemoUser {
  local: string;
  name: string;
  nameKana: string;
  roles: Role[];
  municipalityCode?: string;
  offices?: string[];
  note: string;
}

export const DEMO_USERS: DemoUser[] = [
  { local: 'admin', name: '管理 太郎', nameKana: 'かんり たろう', roles: ['admin'], note: 'システム管理者' },
  { local: 'official.matsudo', name: '松戸 市子', nameKana: 'まつど いちこ', roles: ['official'], municipalityCode: M.matsudo, offices: ['city-matsudo'], note: '松戸市 障害福祉課' },
  { local: 'official.kashiwa', name: '柏木 行雄', nameKana: 'かしわぎ ゆきお', roles: ['official'], municipalityCode: M.kashiwa, offices: ['city-kashiwa'], note: '柏市 障害福祉課' },
  { local: 'coord.sato', name: '佐藤 みのり', nameKana: 'さとう みのり', roles: ['coordinator', 'consultant'], municipalityCode: M.matsudo, offices: ['soudan-matsudo'], note: 'コーディネーター（松戸）' },
  { local: 'coord.tanaka', name: '田中 ゆうこ', nameKana: 'たなか ゆうこ', roles: ['coordinator'], municipalityCode: M.kashiwa, offices: ['kikan-kamagaya'], note: 'コーディネーター（柏・鎌ケ谷）' },
  { local: 'consult.suzuki', name: '鈴木 健一', nameKana: 'すずき けんいち', roles: ['consultant'], municipalityCode: M.matsudo, offices: ['soudan-matsudo'], note: '相談支援専門員（松戸）' },
  { local: 'consult.takahashi', name: '高橋 あや', nameKana: 'たかはし あや', roles: ['consultant'], municipalityCode: M.kashiwa, offices: ['soudan-kashiwa'], note: '相談支援専門員（柏）' },
  { local: 'consult.ito', name: '伊藤 まさと', nameKana: 'いとう まさと', roles: ['consultant'], municipalityCode: M.nagareyama, offices: ['soudan-nagareyama'], note: '相談支援専門員（流山）' },
  { local: 'consult.watanabe', name: '渡辺 さくら', nameKana: 'わたなべ さくら', roles: ['consultant'], municipalityCode: M.noda, offices: ['soudan-noda'], note: '相談支援専門員（野田）' },
  { local: 'consult.yamamoto', name: '山本 ひろし', nameKana: 'やまもと ひろし', roles: ['consultant'], municipalityCode: M.abiko, offices: ['soudan-abiko'], note: '相談支援専門員（我孫子）' },
  { local: 'consult.nakamura', name: '中村 えみ', nameKana: 'なかむら えみ', roles: ['consultant'], municipalityCode: M.kamagaya, offices: ['kikan-kamagaya'], note: '相談支援専門員（鎌ケ谷）' },
  { local: 'staff.kango', name: '小林 なつみ', nameKana: 'こばやし なつみ', roles: ['provider_staff'], municipalityCode: M.matsudo, offices: ['kango-matsudo'], note: '訪問看護ステーション職員' },
  { local: 'staff.jihatsu', name: '加藤 りょう', nameKana: 'かとう りょう', roles: ['provider_staff'], municipalityCode: M.kashiwa, offices: ['jihatsu-kashiwa'], note: '児童発達支援 職員' },
  { local: 'staff.tanki', name: '吉田 かおり', nameKana: 'よしだ かおり', roles: ['provider_staff'], municipalityCode: M.kashiwa, offices: ['tanki-kashiwa'], note: '短期入所 職員' },
  { local: 'staff.houday', name: '山田 しょう', nameKana: 'やまだ しょう', roles: ['provider_staff'], municipalityCode: M.matsudo, offices: ['houday-matsudo'], note: '放課後等デイサービス 職員' },
  { local: 'viewer', name: '閲覧 花子', nameKana: 'えつらん はなこ', roles: ['viewer'], note: '協議会委員（閲覧のみ）' },
];

export const demoEmail = (local: string) => `${local}@${DEMO_EMAIL_DOMAIN}`;

// ── Directory listings of the demo offices (issue #3). Invented like the offices: services,
// capabilities, vacancies (some fresh, some old), hours. Positions are the city hall of the
// office's city moved by a few hundred metres to a few km, so the map shows each city's offices
// around its centre. `listingDaysAgo` ≥ 30 makes a listing stale on purpose.
type Level = 'yes' | 'conditional' | 'no';
export interface DemoService {
  type: string;
  capacity?: number;
  vacancy?: number;
  vacancyDaysAgo?: number;
  listingDaysAgo?: number;
  ages?: [number | null, number | null];
  sat?: boolean;
  sun?: boolean;
  holiday?: boolean;
  hours?: string;
  areas?: string[];
  care?: Partial<Record<string, Level | [Level, string]>>;
}

const ALL_AIRWAY: DemoService['care'] = { ventilator: 'yes', tracheostomy: 'yes', suction: 'yes', oxygen: 'yes', nebulizer: 'yes' };
const FEEDING: DemoService['care'] = { tube_feeding: 'yes', feeding_pump: 'yes' };

export const DEMO_SERVICES: Record<string, DemoService[]> = {
  'kango-matsudo': [{ type: 'home_nursing', vacancy: 2, vacancyDaysAgo: 1, sat: true, sun: true, holiday: true, hours: '9:00～18:00（24時間連絡可）', areas: [M.matsudo, M.nagareyama, M.kamagaya], care: { ...ALL_AIRWAY, ...FEEDING, central_venous: ['conditional', '主治医と要相談'], seizure_care: 'yes', intermittent_catheterization: 'yes' } }],
  'kango-kashiwa': [{ type: 'home_nursing', vacancy: 0, vacancyDaysAgo: 3, sat: true, areas: [M.kashiwa, M.abiko, M.nagareyama], care: { ...ALL_AIRWAY, ...FEEDING, seizure_care: 'yes', stoma: 'yes' } }],
  'kango-nagareyama': [{ type: 'home_nursing', vacancy: 1, vacancyDaysAgo: 20, listingDaysAgo: 35, ages: [0, 18], areas: [M.nagareyama, M.matsudo], care: { ventilator: ['conditional', '日中の訪問のみ'], tracheostomy: 'yes', suction: 'yes', ...FEEDING, blood_glucose: 'yes' } }],
  'kango-noda': [{ type: 'home_nursing', vacancy: 1, vacancyDaysAgo: 5, sat: true, areas: [M.noda], care: { suction: 'yes', oxygen: 'yes', tube_feeding: 'yes', ventilator: 'no', enema: 'yes' } }],
  'hospital-kashiwa': [
    { type: 'hospital', sat: true, sun: true, holiday: true, hours: '外来 8:30～17:00', care: { ...ALL_AIRWAY, ...FEEDING, central_venous: 'yes', injection: 'yes', injection_pump: 'yes', dialysis: 'yes', seizure_care: 'yes' } },
    { type: 'medical_short_stay', capacity: 4, vacancy: 1, vacancyDaysAgo: 2, sat: true, sun: true, holiday: true, hours: '0:00～24:00', ages: [0, null], care: { ...ALL_AIRWAY, ...FEEDING, central_venous: ['conditional', '事前に主治医の情報提供書'], seizure_care: 'yes' } },
  ],
  'hospital-matsudo': [
    { type: 'hospital', sat: true, hours: '外来 9:00～17:00', care: { ...ALL_AIRWAY, ...FEEDING, dialysis: 'yes', injection: 'yes' } },
    { type: 'medical_short_stay', capacity: 2, vacancy: 0, vacancyDaysAgo: 40, listingDaysAgo: 40, hours: '0:00～24:00', care: { ventilator: ['conditional', '在宅用人工呼吸器の持参が必要'], tracheostomy: 'yes', suction: 'yes', tube_feeding: 'yes' } },
  ],
  'clinic-abiko': [{ type: 'home_medical', sat: true, ages: [0, null], areas: [M.abiko, M.kashiwa], care: { ...ALL_AIRWAY, ...FEEDING, central_venous: 'yes', seizure_care: 'yes' } }],
  'clinic-kamagaya': [{ type: 'home_medical', areas: [M.kamagaya, M.matsudo], care: { oxygen: 'yes', suction: 'yes', tube_feeding: 'yes', ventilator: ['conditional', '小児は要相談'] } }],
  'hattatsu-matsudo': [
    { type: 'child_development_center', ages: [0, 18], care: { tube_feeding: 'yes', suction: 'yes', seizure_care: 'yes' } },
    { type: '63', capacity: 10, vacancy: 1, vacancyDaysAgo: 6, ages: [0, 6], care: { tube_feeding: 'yes', suction: 'yes', seizure_care: 'yes', oxygen: 'conditional' } },
  ],
  'pharmacy-kashiwa': [{ type: 'home_pharmacy', sat: true, areas: [M.kashiwa, M.abiko], care: { central_venous: ['conditional', '無菌調剤は予約制'], injection: 'yes', feeding_pump: 'yes' } }],
  'soudan-matsudo': [{ type: '70', capacity: 40, vacancy: 3, vacancyDaysAgo: 2, ages: [0, 18] }, { type: '52', capacity: 60, vacancy: 5, vacancyDaysAgo: 2, ages: [18, null] }],
  'soudan-kashiwa': [{ type: '70', capacity: 35, vacancy: 0, vacancyDaysAgo: 10, ages: [0, 18] }],
  'soudan-nagareyama': [{ type: '52', capacity: 50, vacancy: 2, vacancyDaysAgo: 45, listingDaysAgo: 45 }],
  'soudan-noda': [{ type: '70', capacity: 30, vacancy: 1, vacancyDaysAgo: 4, ages: [0, 18] }],
  'soudan-abiko': [{ type: '70', capacity: 30, vacancy: 2, vacancyDaysAgo: 12, ages: [0, 18] }, { type: '52', capacity: 30 }],
  'kikan-kamagaya': [{ type: 'core_consultation_center', areas: [M.kamagaya] }],
  'jihatsu-matsudo': [{ type: '63', capacity: 10, vacancy: 2, vacancyDaysAgo: 3, sat: true, ages: [0, 6], care: { suction: ['conditional', '看護師の勤務日（月水金）'], tube_feeding: 'conditional', seizure_care: 'yes' } }],
  'jihatsu-kashiwa': [
    { type: '63', capacity: 5, vacancy: 1, vacancyDaysAgo: 1, ages: [0, 6], care: { ...ALL_AIRWAY, ...FEEDING, seizure_care: 'yes' } },
    { type: '65', capacity: 5, vacancy: 0, vacancyDaysAgo: 1, sat: true, holiday: true, ages: [6, 18], care: { ...ALL_AIRWAY, ...FEEDING, seizure_care: 'yes' } },
  ],
  'jihatsu-nagareyama': [{ type: '63', capacity: 10, vacancy: 3, vacancyDaysAgo: 60, listingDaysAgo: 60, ages: [0, 6], care: { seizure_care: 'yes', suction: 'no' } }],
  'houday-matsudo': [{ type: '65', capacity: 10, vacancy: 1, vacancyDaysAgo: 7, sat: true, ages: [6, 18], hours: '14:00～18:00', care: { tube_feeding: ['conditional', '胃ろうのみ'], seizure_care: 'yes' } }],
  'houday-noda': [{ type: '65', capacity: 10, vacancy: 0, vacancyDaysAgo: 2, sat: true, holiday: true, ages: [6, 18] }],
  'houday-abiko': [{ type: '65', capacity: 10, vacancy: 2, vacancyDaysAgo: 9, sat: true, ages: [6, 18], care: { suction: 'conditional', blood_glucose: 'yes' } }],
  'tanki-kashiwa': [{ type: '24', capacity: 6, vacancy: 1, vacancyDaysAgo: 1, sat: true, sun: true, holiday: true, hours: '0:00～24:00', care: { ventilator: ['conditional', '事前の体験利用が必要'], tracheostomy: 'yes', suction: 'yes', ...FEEDING, seizure_care: 'yes' } }, { type: 'day_care_city', capacity: 3, vacancy: 1, vacancyDaysAgo: 1, sat: true, ages: [6, 18] }],
  'tanki-matsudo': [{ type: '24', capacity: 4, vacancy: 0, vacancyDaysAgo: 25, sat: true, sun: true, holiday: true, hours: '0:00～24:00', care: { suction: 'yes', tube_feeding: 'yes', ventilator: 'no' } }],
  'kyotaku-kamagaya': [{ type: '11', sat: true, sun: true, areas: [M.kamagaya, M.matsudo], care: { suction: ['conditional', '喀痰吸引等研修修了者のみ'], tube_feeding: 'conditional' } }, { type: '12', areas: [M.kamagaya] }, { type: 'mobility_support', sat: true, areas: [M.kamagaya] }],
  'city-matsudo': [{ type: 'admin_desk', hours: '8:30～17:00' }],
  'city-kashiwa': [{ type: 'admin_desk', hours: '8:30～17:15' }],
  'city-nagareyama': [{ type: 'admin_desk', hours: '8:30～17:00' }],
  'hokenjo-matsudo': [{ type: 'health_center', hours: '8:30～17:15', areas: [M.matsudo, M.nagareyama, M.abiko] }],
  'kodomo-kashiwa': [{ type: 'child_family_center', ages: [0, 18], hours: '8:30～17:15' }],
  'school-matsudo': [{ type: 'special_school', ages: [6, 18], areas: [M.matsudo, M.nagareyama], care: { suction: ['conditional', '学校看護師の配置日'], tube_feeding: 'yes', seizure_care: 'yes', intermittent_catheterization: 'yes' } }],
  'school-kashiwa': [{ type: 'special_school', ages: [6, 18], areas: [M.kashiwa, M.abiko], care: { ventilator: ['conditional', '保護者の付き添いが必要な期間あり'], suction: 'yes', tube_feeding: 'yes' } }],
  'kyoiku-noda': [{ type: 'board_of_education', hours: '8:30～17:15', areas: [M.noda] }],
};
