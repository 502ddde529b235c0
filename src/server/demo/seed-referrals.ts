// Demo profiles and ~15 referral cases at different stages (issue #4), among them the seed
// report's Aちゃん. Everything is fictitious. Called by seedDemo after the accounts exist.
//
// Caseloads come out of what people hold (never typed in): the client records on whose team they
// are the consultant (seed-clients.ts, seed-evacuation.ts) plus the assigned cases below without
// a record. 鈴木 is full (6/6: three assigned cases, Aちゃん's record and two records of the
// evacuation demo), 渡辺 nearly (3/4), 高橋・伊藤・中村 take cases only with a coordinator behind them.
//
// Aちゃん's case was accepted by 鈴木 half a year ago with 佐藤 as backup; seed-clients.ts opens
// her record from it and links the two (client.case_intake_id ↔ referral_case.client_id), as
// the app does on acceptance. The other assigned cases are older hand-overs without a record.
import { and, asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { caseBackup, office, personProfile, referralCase, referralOffer, referralOfferEvent, referralServiceOffer, referralServiceOfferEvent, service, user } from '../db/schema/index.js';
import type { CaseCareItem, CaseServiceWanted, CaseWishes } from '../db/schema/referrals.js';
import { addBusinessDays } from '../../shared/business-days.js';
import { addDays, addMonths, daysBetween, type IsoDate } from '../../shared/calendar-date.js';
import { tokyoDate } from '../../shared/dates.js';
import { ageOn } from '../../shared/domain/life-stage.js';
import { writeAudit } from '../lib/audit.js';
import { newId } from '../lib/ids.js';
import { A_CHAN, aChanDates } from './demo-achan.js';
import { demoEmail } from './demo-data.js';

const M = { matsudo: '12207', noda: '12208', kashiwa: '12217', nagareyama: '12220', abiko: '12222', kamagaya: '12224' } as const;
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'];

type Profile = Omit<typeof personProfile.$inferInsert, 'userId' | 'updatedAt' | 'updatedBy'>;
const PROFILES: Record<string, Profile> = {
  'coord.sato': { qualifications: ['consultant_specialist', 'social_worker'], coordinatorTrainingYear: 2021, acceptsMedicalCare: 'yes', careItems: ['ventilator', 'tracheostomy', 'suction', 'nebulizer', 'tube_feeding', 'feeding_pump', 'oxygen', 'seizure_care'], maxCaseload: 6, municipalities: [M.matsudo, M.nagareyama, M.abiko], availableDays: [...WEEKDAYS, 'sat'], declaredGender: 'female', backupAvailable: true, maxBackupCases: 4, note: '松戸市の医療的ケア児等コーディネーター。研修会の企画・ファシリテーター。' },
  'coord.tanaka': { qualifications: ['nurse', 'social_worker'], coordinatorTrainingYear: 2022, acceptsMedicalCare: 'yes', careItems: ['ventilator', 'tracheostomy', 'suction', 'oxygen', 'tube_feeding', 'feeding_pump', 'central_venous', 'seizure_care'], maxCaseload: 0, municipalities: [M.kashiwa, M.kamagaya, M.noda], availableDays: WEEKDAYS, declaredGender: 'female', backupAvailable: true, maxBackupCases: 5, note: '看護師・社会福祉士。相談員の後方支援が中心（計画相談は担当しない）。' },
  'consult.suzuki': { qualifications: ['consultant_specialist'], coordinatorTrainingYear: null, acceptsMedicalCare: 'yes', careItems: ['ventilator', 'tracheostomy', 'suction', 'tube_feeding'], maxCaseload: 6, municipalities: [M.matsudo], availableDays: WEEKDAYS, declaredGender: 'male', note: '医ケアの経験が多く、依頼が集中している。' },
  'consult.takahashi': { qualifications: ['consultant_specialist', 'childcare_worker'], coordinatorTrainingYear: null, acceptsMedicalCare: 'with_backup', careItems: ['suction', 'tube_feeding'], maxCaseload: 6, municipalities: [M.kashiwa, M.matsudo], availableDays: [...WEEKDAYS, 'sat'], declaredGender: 'female', note: '研修会に参加。コーディネーターの支援があれば引き受けたい。' },
  'consult.ito': { qualifications: ['consultant_specialist'], coordinatorTrainingYear: null, acceptsMedicalCare: 'with_backup', careItems: [], maxCaseload: 5, municipalities: [M.nagareyama], availableDays: ['mon', 'wed', 'fri', 'sat'], declaredGender: 'male', note: '医ケア児はまだ担当したことがない。' },
  'consult.watanabe': { qualifications: ['consultant_specialist', 'nurse'], coordinatorTrainingYear: 2024, acceptsMedicalCare: 'yes', careItems: ['oxygen', 'suction', 'tube_feeding', 'seizure_care', 'blood_glucose'], maxCaseload: 4, municipalities: [M.noda], availableDays: WEEKDAYS, declaredGender: 'female' },
  'consult.yamamoto': { qualifications: ['consultant_specialist', 'psychiatric_social_worker'], coordinatorTrainingYear: null, acceptsMedicalCare: 'no', careItems: [], maxCaseload: 10, municipalities: [M.abiko], availableDays: WEEKDAYS, declaredGender: 'male', note: '行政直轄の事業所のため土日は対応できない。' },
  'consult.nakamura': { qualifications: ['consultant_specialist'], coordinatorTrainingYear: null, acceptsMedicalCare: 'with_backup', careItems: ['suction', 'nebulizer'], maxCaseload: 5, municipalities: [M.kamagaya, M.kashiwa], availableDays: ['tue', 'thu', 'sat', 'sun'], declaredGender: 'female' },
};

const care = (...items: [string, string, string?][]): CaseCareItem[] => items.map(([code, monitoring, note]) => ({ code, monitoring, ...(note ? { note } : {}) }));
const wishes = (w: Partial<CaseWishes> = {}): CaseWishes => ({ weekendContact: false, consultantGender: null, preferredDays: [], note: '', ...w });
const ALL_ITEMS = ['age', 'municipality', 'care_items', 'services_wanted', 'urgency', 'wishes', 'summary'];

interface DemoOffer {
  to: string;
  status: 'sent' | 'viewed' | 'accepted' | 'declined' | 'expired' | 'withdrawn' | 'completed';
  /** Days before now the offer was sent. */
  sentDaysAgo: number;
  /** Days after sending it was answered. */
  answeredAfterDays?: number;
  declineReason?: string;
  declineNote?: string;
  backupBy?: string;
  reminded?: boolean;
}
interface DemoCase {
  key: string;
  by: string;
  daysAgo: number;
  municipality: string;
  age: number;
  careItems: CaseCareItem[];
  services: CaseServiceWanted[];
  urgency: 'urgent' | 'soon' | 'normal';
  wishes?: CaseWishes;
  summary: string;
  source: string;
  sourceNote?: string;
  name: string;
  /** Reading (required at intake: the record is opened from it). */
  kana: string;
  /** Default: `age` years and a few months before the intake. */
  birthDate?: string;
  sex?: 'female' | 'male';
  address?: string;
  guardianName?: string;
  guardianContact?: string;
  consentItems?: string[];
  offers?: DemoOffer[];
  /** Requests to directory services (事業所への紹介), by office name; the consent then covers providers. */
  serviceRequests?: { office: string; serviceType: string; status: 'sent'; sentDaysAgo: number }[];
  /** Backup relationship after acceptance. */
  backup?: { coordinator: string; status: 'requested' | 'accepted' };
  closed?: string;
}

const done = (to: string, sentDaysAgo: number, after: number): DemoOffer => ({ to, status: 'completed', sentDaysAgo, answeredAfterDays: after });

function demoCases(today: IsoDate): DemoCase[] {
  const a = aChanDates(today);
  const aDaysAgo = daysBetween(a.intakeOn, today);
  return [
    // ── the seed report's Aちゃん: taken in by the visiting nurse, accepted by 鈴木 (before he was
    //    full) with 佐藤 backing him; the acceptance opened her client record (seed-clients.ts) ──
    {
      key: 'a-chan',
      by: 'staff.kango',
      daysAgo: aDaysAgo,
      municipality: A_CHAN.municipalityCode,
      age: ageOn(a.birth, a.intakeOn),
      careItems: care(['ventilator', 'high', '呼吸器が外せない'], ['suction', 'high', '乾燥による痰詰まりがあり頻繁'], ['nebulizer', 'low', '吸入も頻繁'], ['tube_feeding', 'high'], ['feeding_pump', 'high', 'ポンプで1回2時間']),
      services: [{ serviceType: '70', note: '障害児支援利用計画（相談支援専門員の交代）' }, { serviceType: '63', note: '児童発達支援 週3回（継続）' }, { serviceType: '11', note: '毎日の入浴介助（排痰ケアとしても大切）' }, { serviceType: 'medical_short_stay', note: '母の就労に向けたレスパイト' }],
      urgency: 'soon',
      wishes: wishes({ weekendContact: true, consultantGender: 'female', note: '母は仕事復帰を強く希望（会社と交渉中）。妹（もうすぐ2歳）の保育園探しも始めた。平日日中は連絡が取りにくくなる。' }),
      summary: '骨の病気があり骨折のリスクが高い。誤嚥性肺炎で体調を崩すことがよくある。児童発達支援への通所（週3回）が定着し、表情がとても豊かになってきた。母の育児休業が明けるため、就労と姉妹の育児を両立できる支援体制を組みたい。',
      source: 'visiting_nurse',
      sourceNote: 'ひだまり訪問看護ステーション松戸',
      name: A_CHAN.name,
      kana: A_CHAN.nameKana,
      birthDate: a.birth,
      sex: A_CHAN.sex,
      address: A_CHAN.address,
      guardianName: A_CHAN.guardianName,
      guardianContact: A_CHAN.guardianPhone,
      offers: [{ to: 'consult.suzuki', status: 'completed', sentDaysAgo: aDaysAgo - 1, answeredAfterDays: 2, backupBy: 'coord.sato' }],
      backup: { coordinator: 'coord.sato', status: 'accepted' },
    },
    // ── open, offered to 高橋 (with_backup → 佐藤 backs her), viewed: 鈴木 is full now ──
    {
      key: 'matsudo-with-backup',
      by: 'staff.kango',
      daysAgo: 6,
      municipality: M.matsudo,
      age: 5,
      careItems: care(['tracheostomy', 'high'], ['ventilator', 'high', '夜間のみ'], ['suction', 'high', '気管内吸引'], ['tube_feeding', 'high', '胃ろう']),
      services: [{ serviceType: '70', note: '障害児支援利用計画（担当者の退職による交代）' }, { serviceType: '63', note: '児童発達支援 週2回' }, { serviceType: 'medical_short_stay', note: '家族の休息' }],
      urgency: 'soon',
      wishes: wishes({ weekendContact: true, consultantGender: 'female', note: '母は夜間の吸引で睡眠不足。土曜の午前に相談したい。' }),
      summary: '気管切開と夜間の人工呼吸器、胃ろう。これまでの相談支援専門員が退職するため、引き継ぎ先を探している。来年度の就学相談も始まる。',
      source: 'visiting_nurse',
      sourceNote: 'ひだまり訪問看護ステーション松戸',
      name: 'デモ 幼児H',
      kana: 'でも ようじえいち',
      sex: 'male',
      offers: [{ to: 'consult.takahashi', status: 'viewed', sentDaysAgo: 2, backupBy: 'coord.sato' }],
      // …and to a 児童発達支援 that takes ventilators: waiting for 加藤 (staff.jihatsu) to answer.
      serviceRequests: [{ office: '重症児デイつばさ柏', serviceType: '63', status: 'sent', sentDaysAgo: 1 }],
    },
    // ── open, nobody asked yet (urgent, hospital discharge) ──
    { key: 'kashiwa-discharge', by: 'coord.tanaka', daysAgo: 1, municipality: M.kashiwa, age: 0, careItems: care(['tracheostomy', 'high'], ['suction', 'high'], ['oxygen', 'high'], ['tube_feeding', 'high']), services: [{ serviceType: '70' }, { serviceType: 'home_nursing' }], urgency: 'urgent', summary: 'NICU から退院予定。気管切開・在宅酸素。両親とも医療的ケアに不安が強い。', source: 'hospital', sourceNote: 'かしわ小児医療センター（架空）', name: 'デモ 乳児B', kana: 'でも にゅうじびー', wishes: wishes({ consultantGender: 'female' }) },
    // ── open: 伊藤 declined (schedule), then 中村 asked, past the answer date (reminded) ──
    { key: 'kamagaya-school', by: 'coord.tanaka', daysAgo: 16, municipality: M.kamagaya, age: 7, careItems: care(['intermittent_catheterization', 'low'], ['seizure_care', 'high']), services: [{ serviceType: '70' }, { serviceType: '65', note: '放課後等デイ 週2回' }], urgency: 'normal', summary: '特別支援学校の小学部。導尿と発作時の対応。放課後の居場所を探している。', source: 'school', name: 'デモ 児童C', kana: 'でも じどうしー', offers: [{ to: 'consult.ito', status: 'declined', sentDaysAgo: 14, answeredAfterDays: 2, declineReason: 'out_of_area', declineNote: '鎌ケ谷市は担当地域外のため' }, { to: 'consult.nakamura', status: 'sent', sentDaysAgo: 8, reminded: true }] },
    // ── open: an offer to 渡辺 expired unanswered ──
    { key: 'noda-adult', by: 'official.kashiwa', daysAgo: 30, municipality: M.noda, age: 19, careItems: care(['ventilator', 'middle'], ['suction', 'high'], ['tube_feeding', 'low']), services: [{ serviceType: '52' }, { serviceType: '22' }, { serviceType: '24' }], urgency: 'soon', summary: '特別支援学校を卒業し生活介護へ。18歳を過ぎて計画相談の担当を探している。', source: 'city', name: 'デモ 成人D', kana: 'でも せいじんでぃー', consentItems: ['age', 'municipality', 'care_items', 'services_wanted', 'urgency'], offers: [{ to: 'consult.watanabe', status: 'expired', sentDaysAgo: 25, answeredAfterDays: 14 }] },
    // ── assigned and completed, with 田中 backing 中村 ──
    { key: 'kamagaya-backup', by: 'coord.tanaka', daysAgo: 50, municipality: M.kamagaya, age: 3, careItems: care(['suction', 'high'], ['nebulizer', 'low'], ['tube_feeding', 'high']), services: [{ serviceType: '70' }, { serviceType: '63' }], urgency: 'soon', summary: '胃ろうと吸引。就園に向けて相談先を探している。', source: 'coordinator', name: 'デモ 幼児E', kana: 'でも ようじいー', wishes: wishes({ weekendContact: true }), offers: [done('consult.nakamura', 48, 1)], backup: { coordinator: 'coord.tanaka', status: 'accepted' } },
    // ── 高橋 accepted with 佐藤's backup (requested) ──
    { key: 'kashiwa-backup', by: 'coord.sato', daysAgo: 20, municipality: M.kashiwa, age: 9, careItems: care(['suction', 'low'], ['tube_feeding', 'low']), services: [{ serviceType: '70' }, { serviceType: '65' }], urgency: 'normal', summary: '経管栄養と吸引。母の就労時間に合わせた放デイの利用を希望。', source: 'family', name: 'デモ 児童F', kana: 'でも じどうえふ', offers: [{ to: 'consult.suzuki', status: 'declined', sentDaysAgo: 18, answeredAfterDays: 1, declineReason: 'caseload_full', declineNote: '担当件数がいっぱい' }, { to: 'consult.takahashi', status: 'accepted', sentDaysAgo: 15, answeredAfterDays: 3, backupBy: 'coord.sato' }], backup: { coordinator: 'coord.sato', status: 'requested' } },
    // ── closed: family moved ──
    { key: 'abiko-closed', by: 'coord.sato', daysAgo: 40, municipality: M.abiko, age: 12, careItems: care(['blood_glucose', 'high'], ['injection', 'high']), services: [{ serviceType: '70' }], urgency: 'normal', summary: '1型糖尿病。中学進学に向けて。', source: 'school', name: 'デモ 生徒G', kana: 'でも せいとじー', offers: [{ to: 'consult.yamamoto', status: 'withdrawn', sentDaysAgo: 38 }], closed: '家族の転居により終了' },
    // ── the history that makes caseloads (鈴木 full 6/6 with his records, 渡辺 3/4, 佐藤 2/6) and the monthly charts ──
    ...(
      [
        ['consult.suzuki', M.matsudo, 5, 170, 3],
        ['consult.suzuki', M.matsudo, 11, 140, 6],
        ['consult.suzuki', M.matsudo, 15, 75, 9],
        ['consult.watanabe', M.noda, 8, 160, 4],
        ['consult.watanabe', M.noda, 1, 95, 2],
        ['consult.watanabe', M.noda, 6, 60, 5],
        ['coord.sato', M.nagareyama, 13, 130, 2],
        ['coord.sato', M.abiko, 16, 45, 7],
      ] as const
    ).map(([to, muni, age, daysAgo, after], i): DemoCase => ({
      key: `history-${i}`,
      by: 'coord.sato',
      daysAgo,
      municipality: muni,
      age,
      careItems: i % 2 ? care(['suction', 'high'], ['tube_feeding', 'low']) : care(['ventilator', 'middle'], ['tracheostomy', 'high'], ['suction', 'high']),
      services: [{ serviceType: age >= 18 ? '52' : '70' }],
      urgency: 'normal',
      summary: '（デモ）担当が決まり、支援が続いているケース。',
      source: i % 3 ? 'hospital' : 'city',
      name: `デモ 過去ケース${i + 1}`,
      kana: `でも かこけーす${i + 1}`,
      offers: [
        ...(i % 3 === 0 ? [{ to: 'consult.yamamoto', status: 'declined', sentDaysAgo: daysAgo - 1, answeredAfterDays: 1, declineReason: 'care_inexperienced' } as DemoOffer] : []),
        ...(i % 4 === 1 ? [{ to: 'consult.ito', status: 'declined', sentDaysAgo: daysAgo - 1, answeredAfterDays: 2, declineReason: 'no_backup' } as DemoOffer] : []),
        done(to, daysAgo - 2, after),
      ],
    })),
  ];
}

export async function seedReferrals(db: Db, now = new Date()): Promise<void> {
  const ids = new Map<string, string>();
  for (const u of await db.select({ id: user.id, email: user.email }).from(user)) ids.set(u.email, u.id);
  const uid = (local: string) => {
    const id = ids.get(demoEmail(local));
    if (!id) throw new Error(`demo user missing: ${local}`);
    return id;
  };
  const ago = (days: number, hours = 0) => new Date(now.getTime() - days * 86_400_000 + hours * 3_600_000);
  const today = tokyoDate(now);
  const CASES = demoCases(today);
  await db.transaction(async (tx: Tx) => {
    for (const [local, p] of Object.entries(PROFILES)) await tx.insert(personProfile).values({ userId: uid(local), ...p, updatedBy: uid(local) });
    for (const c of CASES) {
      const caseId = newId();
      const created = ago(c.daysAgo);
      const accepted = c.offers?.find((o) => o.status === 'accepted' || o.status === 'completed');
      const acceptedAt = accepted ? ago(accepted.sentDaysAgo, (accepted.answeredAfterDays ?? 0) * 24) : null;
      await tx.insert(referralCase).values({
        id: caseId,
        status: c.closed ? 'closed' : accepted ? 'assigned' : 'open',
        createdBy: uid(c.by),
        createdAt: created,
        updatedAt: created,
        municipalityCode: c.municipality,
        ageYears: c.age,
        careItems: c.careItems,
        servicesWanted: c.services,
        urgency: c.urgency,
        wishes: c.wishes ?? wishes(),
        summary: c.summary,
        source: c.source,
        sourceNote: c.sourceNote ?? '',
        consentObtainedOn: tokyoDate(created),
        consentMethod: 'written',
        consentGivenBy: c.age >= 18 ? '本人' : '母',
        consentShareWith: c.serviceRequests ? ['consultant_candidates', 'service_providers'] : ['consultant_candidates'],
        consentItems: c.consentItems ?? ALL_ITEMS,
        consentRecordedBy: uid(c.by),
        clientName: c.name,
        clientNameKana: c.kana,
        clientBirthDate: c.birthDate ?? addDays(addMonths(tokyoDate(created), -(c.age * 12 + 3)), -11),
        clientSex: c.sex ?? null,
        clientAddress: c.address ?? `（デモ）${c.municipality === M.matsudo ? '松戸市' : ''}架空町1-2-3`,
        guardianName: c.guardianName ?? (c.age >= 18 ? null : 'デモ 保護者'),
        guardianContact: c.guardianContact ?? null,
        assignedConsultantId: accepted ? uid(accepted.to) : null,
        assignedAt: acceptedAt,
        closedAt: c.closed ? ago(c.daysAgo - 10) : null,
        closeReason: c.closed ?? null,
      });
      for (const o of c.offers ?? []) {
        const offerId = newId();
        const sentAt = ago(o.sentDaysAgo);
        const answeredAt = o.answeredAfterDays !== undefined ? ago(o.sentDaysAgo, o.answeredAfterDays * 24) : null;
        const sender = uid(c.by === 'staff.kango' || c.by === 'official.kashiwa' ? 'coord.sato' : c.by);
        await tx.insert(referralOffer).values({
          id: offerId,
          caseId,
          candidateId: uid(o.to),
          senderId: sender,
          backupCoordinatorId: o.backupBy ? uid(o.backupBy) : null,
          status: o.status,
          message: 'ご検討をお願いします。',
          createdAt: sentAt,
          sentAt,
          viewedAt: o.status === 'sent' ? null : sentAt,
          respondedAt: ['sent', 'viewed'].includes(o.status) ? null : (answeredAt ?? ago(o.sentDaysAgo - 1)),
          respondBy: addBusinessDays(tokyoDate(sentAt), 3),
          remindedAt: o.reminded ? ago(o.sentDaysAgo - 5) : null,
          declineReason: o.declineReason ?? null,
          declineNote: o.declineNote ?? '',
          completedAt: o.status === 'completed' ? ago(o.sentDaysAgo - (o.answeredAfterDays ?? 0) - 7) : null,
        });
        const steps: [string, string | null, string][] = [['create', null, 'draft'], ['send', 'draft', 'sent']];
        if (o.status !== 'sent') steps.push(['view', 'sent', 'viewed']);
        if (o.reminded) steps.push(['remind', 'sent', 'sent']);
        if (o.status === 'accepted' || o.status === 'completed') steps.push(['accept', 'viewed', 'accepted']);
        if (o.status === 'completed') steps.push(['complete', 'accepted', 'completed']);
        if (['declined', 'expired', 'withdrawn'].includes(o.status)) steps.push([o.status === 'declined' ? 'decline' : o.status === 'expired' ? 'expire' : 'withdraw', 'viewed', o.status]);
        for (const [i, [action, from, to]] of steps.entries())
          await tx.insert(referralOfferEvent).values({ id: newId(), offerId, caseId, actorId: action === 'expire' || action === 'remind' ? null : ['create', 'send', 'withdraw'].includes(action) ? sender : uid(o.to), action, fromStatus: from, toStatus: to, at: new Date(sentAt.getTime() + i * 60_000) });
      }
      for (const r of c.serviceRequests ?? []) {
        const [svc] = await tx
          .select({ id: service.id, officeId: service.officeId })
          .from(service)
          .innerJoin(office, eq(office.id, service.officeId))
          .where(and(eq(office.name, r.office), eq(service.serviceType, r.serviceType)));
        if (!svc) throw new Error(`demo service missing: ${r.office} ${r.serviceType}`);
        const requestId = newId();
        const sentAt = ago(r.sentDaysAgo);
        const sender = uid(c.by === 'staff.kango' || c.by === 'official.kashiwa' ? 'coord.sato' : c.by);
        await tx.insert(referralServiceOffer).values({ id: requestId, caseId, serviceId: svc.id, officeId: svc.officeId, serviceType: r.serviceType, senderId: sender, status: r.status, message: 'ご検討をお願いします。', createdAt: sentAt, sentAt, respondBy: addBusinessDays(tokyoDate(sentAt), 3) });
        const steps: [string, string | null, string][] = [['create', null, 'draft'], ['send', 'draft', 'sent']];
        for (const [i, [action, from, to]] of steps.entries())
          await tx.insert(referralServiceOfferEvent).values({ id: newId(), offerId: requestId, caseId, actorId: sender, action, fromStatus: from, toStatus: to, at: new Date(sentAt.getTime() + i * 60_000) });
      }
      if (c.backup && accepted)
        await tx.insert(caseBackup).values({ id: newId(), caseId, consultantId: uid(accepted.to), coordinatorId: uid(c.backup.coordinator), status: c.backup.status, requestedBy: uid(accepted.to), requestedAt: acceptedAt!, respondedAt: c.backup.status === 'accepted' ? acceptedAt : null, note: '受諾時に後方支援を依頼' });
    }
    await writeAudit(tx, { label: 'system:demo-seed' }, { action: 'demo.seed_referrals', entityType: 'system', details: { profiles: Object.keys(PROFILES).length, cases: CASES.length } });
  });
}

/** For tests, the CLI and seed-clients.ts: the demo Aちゃん case id (the accepted one), if seeded. */
export async function findDemoAChan(db: Db | Tx) {
  const [row] = await db
    .select({ id: referralCase.id })
    .from(referralCase)
    .where(and(eq(referralCase.clientName, A_CHAN.name), eq(referralCase.status, 'assigned')))
    .orderBy(asc(referralCase.createdAt))
    .limit(1);
  return row?.id ?? null;
}
