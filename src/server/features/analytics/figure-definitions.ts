// What each figure counts and from which data (issue #8: "every figure has its definition one
// click away"). Printed under every table of the council report and at the top of every CSV.
import type { AnalyticsSection, FigureId } from '../../../shared/contracts/analytics.js';

export interface FigureText {
  section: AnalyticsSection;
  title: string;
  counts: string;
  source: string;
  /** 'asOf' = a point in time; 'period' = events within the period. */
  time: 'asOf' | 'period' | 'both';
  notes: string[];
}

const SUPPRESSION = (t: number) => `人数が1〜${t - 1}人のセルは、その市の行政職員以外には「<${t}」と表示します（0人はそのまま）。1つだけ秘匿された内訳を含む合計は表示しません。`;

export const FIGURE_TEXT: Record<FigureId, FigureText> = {
  'demand.clients': {
    section: 'demand',
    title: '医療的ケア児者の人数（市・医療的ケア・ライフステージ別）',
    counts: '基準日に利用中の医療的ケア児者の記録の人数。医療的ケアの行は、その項目が記録されている人数（複数の項目がある人はそれぞれに数える）。「合計」は医療的ケアの有無にかかわらない人数。',
    source: '利用者記録（基本情報の市区町村・生年月日、医療の「医療的ケア」）',
    time: 'asOf',
    notes: ['ライフステージは基準日時点（乳児〜青年・成人期、学年は4月2日生まれから）。', '基準日より後に登録された記録、終了した記録は数えません。'],
  },
  'demand.needs': {
    section: 'demand',
    title: 'サービスのニーズ（種類別: 計画・紹介・未充足・待機）',
    counts: '計画: 確定済みの利用計画にそのサービスがある人数。未充足: そのうち提供事業所が決まっていない人数。紹介: 期間内に受け付けた紹介でそのサービスを希望した件数。待機: 基準日にまだ担当が決まっていない紹介の件数。',
    source: 'サービス等利用計画・障害児支援利用計画（確定版）、紹介（インテーク）',
    time: 'both',
    notes: [],
  },
  'supply.services': {
    section: 'supply',
    title: '事業所・サービスの数、定員、空き（市・種類別）',
    counts: 'サービスの数、定員の合計、空きありのサービス数と空きの合計。空きは確認から一定日数以内（新しい情報）のものだけ。',
    source: '事業所情報（WAM NET の取り込みと事業所による更新）',
    time: 'asOf',
    notes: [],
  },
  'supply.care': {
    section: 'supply',
    title: '医療的ケアに対応できるサービスの数（市・種類・医療的ケア別）',
    counts: '医療的ケアの項目ごとに「対応可」「条件付きで可」と登録しているサービスの数。未登録は数えません。',
    source: '事業所情報（医療的ケアへの対応）',
    time: 'asOf',
    notes: [],
  },
  'gaps.matrix': {
    section: 'gaps',
    title: '需要と供給のギャップ（医療的ケア × サービス種類 × 市）',
    counts: '需要: その医療的ケアがあり、そのサービスの対象年齢にあたる医療的ケア児者の人数。供給: その市でその医療的ケアに対応可・条件付きで可のサービス数。比: 需要 ÷ 供給（供給0は比なし）。',
    source: '利用者記録（医療的ケア・生年月日）と事業所情報（医療的ケアへの対応）',
    time: 'asOf',
    notes: ['「まず話し合う」は、対応できるサービスが0か所で対象者がいるセル、次に比の大きいセル（人数の多い順）。', '色: 供給0 = 赤、比10以上 = 橙、3以上 = 黄、それ未満 = 緑。'],
  },
  'people.acceptance': {
    section: 'people',
    title: '医療的ケアのケースを引き受ける相談支援専門員（市別）',
    counts: '担当地域にその市を含む人の数を、本人の登録（引き受けられる / コーディネーターの支援があれば / 引き受けられない）ごとに。複数の市を担当する人はそれぞれの市に数えます。',
    source: '人材の登録（相談支援専門員・コーディネーターのプロフィール）',
    time: 'asOf',
    notes: [],
  },
  'people.coordinators': {
    section: 'people',
    title: '医療的ケア児等コーディネーター（100人あたり）',
    counts: '養成研修を修了し担当地域にその市を含む人の数と、医療的ケア児者100人あたりの人数。',
    source: '人材の登録（研修修了年）、利用者記録',
    time: 'asOf',
    notes: [],
  },
  'people.caseload': {
    section: 'people',
    title: '相談支援専門員ごとの担当件数の分布（集中の度合い）',
    counts: '担当地域に区域内の市を含む人ごとの、基準日に担当中の紹介ケースの件数。上位20%の人が持つ割合と、ジニ係数（0 = 均等、1に近いほど少数に集中）。',
    source: '人材の登録、紹介ケースの担当（確定した担当者）',
    time: 'asOf',
    notes: ['医療的ケアを「引き受けられない」と登録し、担当もない人は除きます。'],
  },
  'referrals.funnel': {
    section: 'referrals',
    title: 'つなぎの流れ（受付 → 打診 → 承諾 → 担当決定）',
    counts: '期間内に受け付けた紹介ケースのうち、打診を送った件数、承諾があった件数、担当が決まった件数。',
    source: '紹介（インテーク）と打診の記録',
    time: 'period',
    notes: [],
  },
  'referrals.time': {
    section: 'referrals',
    title: '担当が決まるまでの日数（中央値・90パーセンタイル）',
    counts: '期間内に受け付け担当が決まったケースの、受付から担当決定までの日数（暦日）。',
    source: '紹介（インテーク）の受付日時と担当決定日時',
    time: 'period',
    notes: ['件数が少ない市の値は、その市の行政職員以外には表示しません。'],
  },
  'referrals.declines': {
    section: 'referrals',
    title: '打診を辞退した理由',
    counts: '期間内に辞退された打診の件数（理由別）。',
    source: '打診の記録（辞退理由）',
    time: 'period',
    notes: [],
  },
  'referrals.waiting': {
    section: 'referrals',
    title: '担当が決まらず待っているケース',
    counts: '基準日に、受付から指定日数を超えて担当が決まっていないケースの件数（緊急度別）と最長の待機日数。',
    source: '紹介（インテーク）',
    time: 'asOf',
    notes: [],
  },
  'preparedness.plans': {
    section: 'preparedness',
    title: '電源が必要な医療的ケア児者の個別避難計画（市別）',
    counts: '消費電力が記録された医療機器、または人工呼吸器がある利用中の人数と、そのうち個別避難計画がある人数・市が承認した人数、承認の割合。',
    source: '利用者記録（医療機器・医療的ケア）、個別避難計画',
    time: 'asOf',
    notes: [],
  },
  'network.attendance': {
    section: 'network',
    title: '研修の参加（市・職種別）',
    counts: '期間内に開催された研修への申込数と、当日受付（出席）した人数。',
    source: 'ネットワーク活動（研修の申込・受付）',
    time: 'period',
    notes: ['市は申込時に本人が記入した所属の市区町村です。'],
  },
  'network.indicator': {
    section: 'network',
    title: '「医療的ケアのケースを引き受けるか」の推移',
    counts: '指標に紐づけた研修アンケートの質問ごとの回答数と、肯定的な回答（積極的に・支援があれば など）の割合。',
    source: 'ネットワーク活動（研修アンケートと指標）',
    time: 'both',
    notes: ['匿名アンケートは、回答の少ない絞り込みでは表示しません（アンケート機能の規則）。'],
  },
};

export const suppressionNote = SUPPRESSION;
