// Explained matching (issue #4 item 3). Pure functions: the same input always gives the same
// ranking, every point is traced to a reason in Japanese, and the weights live in
// matching-weights.ts. Loading the input from the database is find-candidates.ts.
import type { DayCode } from '../../../shared/contracts/people.js';
import { getCareItem, type CareItemCode } from '../../../shared/domain/care-items.js';
import { findTokatsuMunicipality } from '../../../shared/domain/municipalities.js';
import type { MatchReason } from '../../db/schema/referrals.js';
import {
  ACCEPTS_WITH_BACKUP_SHARE,
  CAPACITY_FULL_AT,
  CONDITIONAL_SHARE,
  CONSULTANT_WEIGHTS as W,
  DISTANCE_ZERO_KM,
  SERVICE_WEIGHTS as SW,
  VACANCY_FRESH_DAYS,
} from './matching-weights.js';

export interface MatchCaseInput {
  municipalityCode: string;
  /** Exact age (service matching checks the service's age range); optional for consultants. */
  ageYears?: number;
  careItems: { code: string }[];
  wishes: { weekendContact: boolean; consultantGender: 'female' | 'male' | null; preferredDays: string[] };
}

export interface ConsultantInput {
  userId: string;
  name: string;
  nameKana: string | null;
  offices: string[];
  /** Municipalities of the person's offices (used for distance when outside their area). */
  officeMunicipalities: string[];
  acceptsMedicalCare: 'yes' | 'with_backup' | 'no' | null;
  careItems: string[];
  maxCaseload: number | null;
  currentCaseload: number;
  municipalities: string[];
  availableDays: string[];
  declaredGender: 'female' | 'male' | 'other' | null;
  coordinatorTrainingYear: number | null;
}

export interface CoordinatorInput {
  userId: string;
  name: string;
  nameKana: string | null;
  municipalities: string[];
  backupAvailable: boolean;
  maxBackupCases: number | null;
  currentBackupCases: number;
}

export interface RankedConsultant {
  rank: number;
  userId: string;
  name: string;
  offices: string[];
  eligible: boolean;
  score: number;
  reasons: MatchReason[];
  currentCaseload: number;
  maxCaseload: number | null;
  acceptsMedicalCare: ConsultantInput['acceptsMedicalCare'];
  backupCoordinator: { userId: string; name: string } | null;
}

// Short names as consultants say them, for reason sentences.
const SHORT: Partial<Record<CareItemCode, string>> = {
  ventilator: '人工呼吸器',
  tracheostomy: '気管切開',
  nasopharyngeal_airway: '鼻咽頭エアウェイ',
  oxygen: '酸素療法',
  suction: '吸引',
  nebulizer: '吸入（ネブライザー）',
  tube_feeding: '経管栄養',
  feeding_pump: '注入ポンプ',
  central_venous: '中心静脈カテーテル',
  injection: '皮下注射',
  injection_pump: '持続皮下注射ポンプ',
  blood_glucose: '血糖測定',
  dialysis: '透析',
  intermittent_catheterization: '間欠的導尿',
  continuous_catheterization: '持続的導尿',
  stoma: 'ストーマ',
  bowel_irrigation: '摘便・洗腸',
  enema: '浣腸',
  seizure_care: '痙攣時の処置',
};
export const careItemShortLabel = (code: string) => SHORT[code as CareItemCode] ?? getCareItem(code as CareItemCode).label;

const DAY_JA: Record<string, string> = { mon: '月', tue: '火', wed: '水', thu: '木', fri: '金', sat: '土', sun: '日', holiday: '祝' };
const WEEKDAYS: DayCode[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

const round1 = (n: number) => Math.round(n * 10) / 10;
const municipalityName = (code: string) => findTokatsuMunicipality(code)?.name ?? code;

/** Great-circle distance between two municipalities' city halls, in km; null when unknown. */
export function municipalityDistanceKm(a: string, b: string): number | null {
  if (a === b) return 0;
  const ma = findTokatsuMunicipality(a);
  const mb = findTokatsuMunicipality(b);
  if (!ma || !mb) return null;
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(mb.cityHall.lat - ma.cityHall.lat);
  const dLon = rad(mb.cityHall.lon - ma.cityHall.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(ma.cityHall.lat)) * Math.cos(rad(mb.cityHall.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

const reason = (criterion: string, met: MatchReason['met'], points: number, maxPoints: number, text: string): MatchReason => ({
  criterion,
  met,
  points: round1(points),
  maxPoints,
  text,
});
const metOf = (points: number, max: number): MatchReason['met'] => (points >= max ? 'met' : points > 0 ? 'partial' : 'not_met');

/** Stable order for ties: reading, then id (code-point order: hiragana sorts in 50音 order). */
const byKana = (a: { nameKana: string | null; name: string; userId: string }, b: typeof a) => {
  const ka = a.nameKana ?? a.name;
  const kb = b.nameKana ?? b.name;
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0;
};

/**
 * The coordinator who would back a with_backup consultant on a case in `municipalityCode`:
 * available, covering the area, with room, least loaded first (fairness again).
 */
export function pickBackupCoordinator(coordinators: CoordinatorInput[], municipalityCode: string, excludeUserId?: string): CoordinatorInput | null {
  const able = coordinators
    .filter(
      (c) =>
        c.userId !== excludeUserId &&
        c.backupAvailable &&
        c.municipalities.includes(municipalityCode) &&
        (c.maxBackupCases === null || c.currentBackupCases < c.maxBackupCases),
    )
    .sort((a, b) => a.currentBackupCases - b.currentBackupCases || byKana(a, b));
  return able[0] ?? null;
}

export function rankConsultants(input: {
  case: MatchCaseInput;
  consultants: ConsultantInput[];
  coordinators: CoordinatorInput[];
}): { regionAverageCaseload: number; candidates: RankedConsultant[] } {
  const c = input.case;
  const avg = input.consultants.length ? input.consultants.reduce((s, p) => s + p.currentCaseload, 0) / input.consultants.length : 0;
  const avgText = `${round1(avg)} 件`;
  const scored = input.consultants.map((p): Omit<RankedConsultant, 'rank'> => {
    const reasons: MatchReason[] = [];
    let eligible = true;
    let backup: CoordinatorInput | null = null;

    // accepts
    if (p.acceptsMedicalCare === 'yes') reasons.push(reason('accepts', 'met', W.accepts, W.accepts, '医療的ケアのケースを引き受けられる'));
    else if (p.acceptsMedicalCare === 'with_backup') {
      backup = pickBackupCoordinator(input.coordinators, c.municipalityCode, p.userId);
      if (backup) reasons.push(reason('accepts', 'partial', W.accepts * ACCEPTS_WITH_BACKUP_SHARE, W.accepts, `コーディネーターの後方支援が可能（${backup.name.split(/\s/)[0]}）`));
      else {
        eligible = false;
        reasons.push(reason('accepts', 'not_met', 0, W.accepts, `後方支援を条件としているが、${municipalityName(c.municipalityCode)}で後方支援できるコーディネーターがいない`));
      }
    } else {
      eligible = false;
      reasons.push(reason('accepts', 'not_met', 0, W.accepts, p.acceptsMedicalCare === 'no' ? '医療的ケアのケースは引き受けていない' : 'プロフィール未登録（引き受け可否が不明）'));
    }
    if (p.coordinatorTrainingYear) reasons.push(reason('training', 'info', 0, 0, `医療的ケア児等コーディネーター養成研修 修了（${p.coordinatorTrainingYear}年）`));

    // care items
    const wanted = [...new Set(c.careItems.map((i) => i.code))];
    if (wanted.length === 0) reasons.push(reason('careItems', 'met', W.careItems, W.careItems, '医療的ケアの指定なし'));
    else {
      const has = wanted.filter((code) => p.careItems.includes(code));
      const lacks = wanted.filter((code) => !p.careItems.includes(code));
      const pts = (W.careItems * has.length) / wanted.length;
      const hasText = has.length ? `${has.map(careItemShortLabel).join('・')}の経験あり` : '';
      const lackText = lacks.length ? `${lacks.map(careItemShortLabel).join('・')}の経験なし` : '';
      reasons.push(reason('careItems', metOf(pts, W.careItems), pts, W.careItems, [hasText, lackText].filter(Boolean).join('、') + `（${has.length}/${wanted.length} 項目）`));
    }

    // capacity
    if (p.maxCaseload === null) {
      eligible = false;
      reasons.push(reason('capacity', 'not_met', 0, W.capacity, '最大担当件数が未登録'));
    } else {
      const free = p.maxCaseload - p.currentCaseload;
      if (free <= 0) {
        eligible = false;
        reasons.push(reason('capacity', 'not_met', 0, W.capacity, `空き枠なし（${p.currentCaseload}/${p.maxCaseload} 件）`));
      } else {
        const pts = (W.capacity * Math.min(free, CAPACITY_FULL_AT)) / CAPACITY_FULL_AT;
        reasons.push(reason('capacity', metOf(pts, W.capacity), pts, W.capacity, `空き枠 ${free} 件（${p.currentCaseload}/${p.maxCaseload} 件）`));
      }
    }

    // area
    if (p.municipalities.includes(c.municipalityCode)) reasons.push(reason('area', 'met', W.area, W.area, `${municipalityName(c.municipalityCode)}を担当`));
    else {
      const bases = [...new Set([...p.municipalities, ...p.officeMunicipalities])];
      const nearest = bases
        .map((m) => ({ m, d: municipalityDistanceKm(m, c.municipalityCode) }))
        .filter((x): x is { m: string; d: number } => x.d !== null)
        .sort((a, b) => a.d - b.d || (a.m < b.m ? -1 : 1))[0];
      const pts = nearest ? W.area * Math.max(0, 1 - nearest.d / DISTANCE_ZERO_KM) : 0;
      const where = nearest ? `（${municipalityName(nearest.m)}から約 ${Math.round(nearest.d)} km）` : '';
      reasons.push(reason('area', metOf(pts, W.area), pts, W.area, `${municipalityName(c.municipalityCode)}は担当地域外${where}`));
    }

    // days
    const checks: { ok: boolean; text: string }[] = [];
    if (c.wishes.weekendContact) {
      const ok = p.availableDays.includes('sat') || p.availableDays.includes('sun');
      checks.push({ ok, text: ok ? '土日の連絡可' : '土日の連絡は不可' });
    }
    const preferred = c.wishes.preferredDays.filter((d) => !(c.wishes.weekendContact && (d === 'sat' || d === 'sun')));
    for (const d of preferred) {
      const ok = p.availableDays.includes(d);
      checks.push({ ok, text: `${DAY_JA[d] ?? d}曜${ok ? 'に対応可' : 'は対応不可'}` });
    }
    if (checks.length === 0) {
      const n = WEEKDAYS.filter((d) => p.availableDays.includes(d)).length;
      const pts = (W.days * n) / WEEKDAYS.length;
      reasons.push(reason('days', metOf(pts, W.days), pts, W.days, `平日 ${n}/5 日対応`));
    } else {
      const pts = (W.days * checks.filter((x) => x.ok).length) / checks.length;
      reasons.push(reason('days', metOf(pts, W.days), pts, W.days, checks.map((x) => x.text).join('、')));
    }

    // wishes about the consultant
    const g = c.wishes.consultantGender;
    if (!g) reasons.push(reason('wishes', 'met', W.wishes, W.wishes, '相談員の性別の希望なし'));
    else {
      const label = g === 'female' ? '女性' : '男性';
      const ok = p.declaredGender === g;
      reasons.push(reason('wishes', ok ? 'met' : 'not_met', ok ? W.wishes : 0, W.wishes, ok ? `${label}の相談員の希望に合う` : `${label}の相談員の希望に合わない（未申告を含む）`));
    }

    // fairness
    const ratio = p.maxCaseload ? Math.min(1, p.currentCaseload / p.maxCaseload) : 1;
    const fair = W.fairness * (1 - ratio);
    const above = p.currentCaseload > avg;
    reasons.push(
      reason('fairness', above ? 'not_met' : 'met', fair, W.fairness, `${above ? '担当件数が地域平均より多い' : '担当件数が地域平均以下'}（${p.currentCaseload} 件、平均 ${avgText}）`),
    );

    const score = round1(reasons.reduce((s, r) => s + r.points, 0));
    return {
      userId: p.userId,
      name: p.name,
      offices: p.offices,
      eligible,
      score,
      reasons,
      currentCaseload: p.currentCaseload,
      maxCaseload: p.maxCaseload,
      acceptsMedicalCare: p.acceptsMedicalCare,
      backupCoordinator: backup ? { userId: backup.userId, name: backup.name } : null,
    };
  });
  const kana = new Map(input.consultants.map((p) => [p.userId, p]));
  scored.sort(
    (a, b) =>
      Number(b.eligible) - Number(a.eligible) ||
      b.score - a.score ||
      // fairness again on equal scores: the less loaded first
      a.currentCaseload - b.currentCaseload ||
      byKana(kana.get(a.userId)!, kana.get(b.userId)!),
  );
  return { regionAverageCaseload: round1(avg), candidates: scored.map((s, i) => ({ rank: i + 1, ...s })) };
}

// ── services (directory seam) ─────────────────────────────────────────────────────────────

/** What service matching needs from the directory (issue #3's `service` rows). */
export interface ServiceCandidate {
  serviceId: string;
  officeId: string;
  officeName: string;
  officeNameKana: string;
  serviceType: string;
  municipalityCode: string;
  /** Per care item: yes / conditional / no; absent = not stated. */
  careCapabilities: Partial<Record<string, 'yes' | 'conditional' | 'no'>>;
  /** Reported free places; null = never reported. */
  vacancy: number | null;
  /** Calendar date of the vacancy report (YYYY-MM-DD). */
  vacancyUpdatedOn: string | null;
  weekendOpen: boolean;
  /** Municipalities a 訪問系 service travels to: covering the case's city counts as in the area. */
  areasServed?: string[];
  /** Ages served, inclusive; null = no bound. A case outside the range makes the service ineligible. */
  ageMin?: number | null;
  ageMax?: number | null;
}

export interface RankedService {
  rank: number;
  serviceId: string;
  officeId: string;
  officeName: string;
  serviceType: string;
  eligible: boolean;
  score: number;
  reasons: MatchReason[];
}

const daysBetweenIso = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** Ranks services of one type for a case; `today` (Asia/Tokyo date) ages the vacancy reports. */
export function rankServices(input: { case: MatchCaseInput; serviceType: string; services: ServiceCandidate[]; today: string }): RankedService[] {
  const c = input.case;
  const wanted = [...new Set(c.careItems.map((i) => i.code))];
  const rows = input.services
    .filter((s) => s.serviceType === input.serviceType)
    .map((s) => {
      const reasons: MatchReason[] = [];
      let eligible = true;
      if (wanted.length === 0) reasons.push(reason('careItems', 'met', SW.careItems, SW.careItems, '医療的ケアの指定なし'));
      else {
        const yes = wanted.filter((k) => s.careCapabilities[k] === 'yes');
        const cond = wanted.filter((k) => s.careCapabilities[k] === 'conditional');
        const no = wanted.filter((k) => s.careCapabilities[k] === 'no');
        const unknown = wanted.filter((k) => s.careCapabilities[k] === undefined);
        if (no.length) eligible = false;
        const pts = (SW.careItems * (yes.length + CONDITIONAL_SHARE * cond.length)) / wanted.length;
        const parts = [
          yes.length ? `${yes.map(careItemShortLabel).join('・')}に対応` : '',
          cond.length ? `${cond.map(careItemShortLabel).join('・')}は条件付き` : '',
          no.length ? `${no.map(careItemShortLabel).join('・')}は対応不可` : '',
          unknown.length ? `${unknown.map(careItemShortLabel).join('・')}は未登録` : '',
        ].filter(Boolean);
        reasons.push(reason('careItems', metOf(pts, SW.careItems), pts, SW.careItems, parts.join('、')));
      }
      if (s.vacancy === null) reasons.push(reason('vacancy', 'not_met', 0, SW.vacancy, '空き状況が未登録'));
      else if (s.vacancy <= 0) reasons.push(reason('vacancy', 'not_met', 0, SW.vacancy, `空きなし（${s.vacancyUpdatedOn ?? '日付不明'} 時点）`));
      else {
        const age = s.vacancyUpdatedOn ? daysBetweenIso(s.vacancyUpdatedOn, input.today) : Infinity;
        const fresh = age <= VACANCY_FRESH_DAYS;
        const pts = fresh ? SW.vacancy : SW.vacancy / 2;
        reasons.push(reason('vacancy', fresh ? 'met' : 'partial', pts, SW.vacancy, `空き ${s.vacancy}（${s.vacancyUpdatedOn ?? '日付不明'} 時点${fresh ? '' : '・情報が古い'}）`));
      }
      const d = municipalityDistanceKm(s.municipalityCode, c.municipalityCode);
      if (d !== 0 && s.areasServed?.includes(c.municipalityCode))
        reasons.push(reason('area', 'met', SW.area, SW.area, `${municipalityName(c.municipalityCode)}へ訪問可（${municipalityName(s.municipalityCode)}の事業所）`));
      else {
        const areaPts = d === null ? 0 : SW.area * Math.max(0, 1 - d / DISTANCE_ZERO_KM);
        reasons.push(reason('area', metOf(areaPts, SW.area), areaPts, SW.area, d === 0 ? `${municipalityName(c.municipalityCode)}内` : d === null ? '所在地の距離が不明' : `${municipalityName(s.municipalityCode)}（約 ${Math.round(d)} km）`));
      }
      if (c.wishes.weekendContact)
        reasons.push(reason('weekend', s.weekendOpen ? 'met' : 'not_met', s.weekendOpen ? SW.weekend : 0, SW.weekend, s.weekendOpen ? '土日も利用可' : '土日は休み'));
      else reasons.push(reason('weekend', 'met', SW.weekend, SW.weekend, '土日の希望なし'));
      const lo = s.ageMin ?? null;
      const hi = s.ageMax ?? null;
      if (c.ageYears !== undefined && (lo !== null || hi !== null)) {
        const range = `${lo ?? 0}〜${hi === null ? '' : `${hi}歳`}`.replace(/〜$/, '歳以上');
        const inRange = (lo === null || c.ageYears >= lo) && (hi === null || c.ageYears <= hi);
        if (!inRange) eligible = false;
        reasons.push(reason('age', inRange ? 'info' : 'not_met', 0, 0, inRange ? `対象年齢内（${range}）` : `対象年齢外（${range}）`));
      }
      return { serviceId: s.serviceId, officeId: s.officeId, officeName: s.officeName, kana: s.officeNameKana, serviceType: s.serviceType, eligible, score: round1(reasons.reduce((a, r) => a + r.points, 0)), reasons };
    });
  rows.sort((a, b) => Number(b.eligible) - Number(a.eligible) || b.score - a.score || (a.kana < b.kana ? -1 : a.kana > b.kana ? 1 : a.serviceId < b.serviceId ? -1 : 1));
  return rows.map(({ kana: _k, ...r }, i) => ({ rank: i + 1, ...r }));
}
