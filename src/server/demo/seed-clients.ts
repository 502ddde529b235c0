// Fictitious demo clients with full records (issue #5). Aちゃん follows the seed report's group
// work: 4 years old, ventilator and tube feeding, 児童発達支援 3 days a week, her mother wants
// to return to work and is looking for a nursery for the younger sister. Her record was opened
// by 鈴木 accepting her referral (seed-referrals.ts, same identity and dates: demo-achan.ts):
// the intake's consent is the first consent, the written consent at the contract the second.
// Every name, number and date here is invented; dates are relative to the day the demo is
// seeded so the dashboard always has something due.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { ContactSchema, MedicalSchema, ProfileSchema } from '../../shared/contracts/clients.js';
import { AssessmentSectionsSchema, PlanBodySchema } from '../../shared/contracts/plans.js';
import { addDays, addMonths } from '../../shared/calendar-date.js';
import { tokyoDate } from '../../shared/dates.js';
import type { Db, Tx } from '../db/client.js';
import { assessment, carePlan, caseBackup, caseConference, client, clientContact, clientMedical, clientProfile, clientTeamMember, consent, consultation, monitoringReport, office, provisionRecord, referralCase, timelineEvent, user } from '../db/schema/index.js';
import { writeAudit, type AuditContext } from '../lib/audit.js';
import { newId } from '../lib/ids.js';
import { enterSystemContext } from '../features/clients/client-access.js';
import { consentFromIntake, recordScopesFromIntakeConsent } from '../features/referrals/referral-handover.js';
import { A_CHAN, aChanDates } from './demo-achan.js';
import { demoEmail } from './demo-data.js';
import { findDemoAChan } from './seed-referrals.js';
import { DEMO_CASE_CONSULTATION_TITLE } from './seed-network.js';

const AUDIT: AuditContext = { label: 'system:demo-seed' };
const ALL = ['profile', 'contact', 'medical', 'plan', 'timeline', 'emergency'];
const at = (iso: string, hhmm: string) => new Date(`${iso}T${hhmm}:00+09:00`);

interface Ctx {
  tx: Tx;
  users: Map<string, { id: string; name: string }>;
  offices: Map<string, string>;
}

async function member(ctx: Ctx, clientId: string, role: string, userLocal: string | null, officeName: string, scopes: string[], consentedOn: string, roleNote = '') {
  const officeId = ctx.offices.get(officeName)!;
  const u = userLocal ? ctx.users.get(userLocal)! : null;
  const memberId = newId();
  await ctx.tx.insert(clientTeamMember).values({ id: memberId, clientId, role, roleNote, userId: u?.id ?? null, officeId, since: at(consentedOn, '10:00') });
  const consentId = newId();
  await ctx.tx.insert(consent).values({
    id: consentId,
    clientId,
    recipientType: 'office',
    recipientOfficeId: officeId,
    recipientName: officeName,
    scopes,
    purpose: '支援チームでの情報共有（計画相談支援・サービス提供）',
    givenBy: '青木 まゆみ',
    givenByRelation: '母',
    consentedOn,
    method: 'written',
    document: `個人情報提供同意書 ${consentedOn}（相談支援センターひだまり松戸 保管）`,
  });
  return { memberId, officeId, consentId, user: u };
}

export async function seedDemoClients(db: Db) {
  const today = tokyoDate();
  await db.transaction(async (tx) => {
    await enterSystemContext(tx);
    const [existing] = await tx.select({ id: client.id }).from(client).limit(1);
    if (existing) return;
    const locals = ['consult.suzuki', 'coord.sato', 'staff.kango', 'staff.jihatsu', 'consult.takahashi', 'consult.ito', 'coord.tanaka'];
    const us = await tx.select({ id: user.id, name: user.name, email: user.email }).from(user).where(inArray(user.email, locals.map(demoEmail)));
    const users = new Map(locals.map((l) => [l, us.find((u) => u.email === demoEmail(l))!]).filter(([, u]) => u) as [string, { id: string; name: string }][]);
    const offs = await tx.select({ id: office.id, name: office.name }).from(office);
    const ctx: Ctx = { tx, users, offices: new Map(offs.map((o) => [o.name, o.id])) };
    if (!users.get('consult.suzuki')) return;

    // ---- Aちゃん --------------------------------------------------------------------------
    const aId = newId();
    const { birth, planStart, consentedOn, acceptedOn } = aChanDates(today);
    // Her referral, accepted by 鈴木 (seeded just before): the record is the one it opened.
    const caseId = await findDemoAChan(tx);
    const [intake] = caseId ? await tx.select().from(referralCase).where(eq(referralCase.id, caseId)) : [];
    await tx.insert(client).values({
      id: aId,
      name: A_CHAN.name,
      nameKana: A_CHAN.nameKana,
      birthDate: birth,
      sex: A_CHAN.sex,
      municipalityCode: A_CHAN.municipalityCode,
      caseIntakeId: intake?.id ?? null,
      createdBy: users.get('consult.suzuki')!.id,
      createdAt: at(acceptedOn, '10:00'),
    });
    if (intake) await tx.update(referralCase).set({ clientId: aId }).where(eq(referralCase.id, intake.id));
    await tx.insert(clientProfile).values({
      clientId: aId,
      data: ProfileSchema.parse({
        postalCode: '271-0000',
        address: A_CHAN.address,
        school: { kind: 'jihatsu', name: '重症児デイつばさ柏', grade: '週3回' },
        siblings: [{ name: '青木 ひなた', relation: '妹', birthDate: addMonths(today, -20), note: '保育園を探している' }],
        certificates: [
          { kind: 'jukyusha_child', number: '0000000001', grade: '児童発達支援 月23日', issuedOn: addMonths(today, -10), expiresOn: addDays(addMonths(today, 2), 5) },
          { kind: 'shintai', number: 'デモ第0001号', grade: '1級（体幹機能障害）', issuedOn: addMonths(today, -30) },
          { kind: 'shoman', number: 'S-000001', grade: '神経・筋疾患', expiresOn: addMonths(today, 7) },
        ],
        note: '架空のデモデータです。',
      }),
    });
    await tx.insert(clientContact).values({
      clientId: aId,
      data: ContactSchema.parse({
        guardians: [
          { name: A_CHAN.guardianName, nameKana: 'あおき まゆみ', relation: '母', phone: A_CHAN.guardianPhone, isPrimary: true, work: '育休中。会社と復職を交渉中（週3日から）' },
          { name: '青木 けんた', nameKana: 'あおき けんた', relation: '父', phone: '090-0000-2222', work: '会社員（平日 8:00–19:00）' },
        ],
        emergencyContacts: [{ name: '青木 とし子', relation: '祖母（市内在住）', phone: '047-000-0000' }],
      }),
    });
    await tx.insert(clientMedical).values({
      clientId: aId,
      data: MedicalSchema.parse({
        diagnoses: [{ name: '脊髄性筋萎縮症 I型（デモ）', icd10: 'G12.0', shomanGroup: '11', since: addMonths(birth, 3) }],
        hospitals: [
          { name: 'かしわ小児医療センター（架空）', department: '小児神経科', doctor: '主治 はるか', phone: '04-0000-0000', role: 'primary' },
          { name: 'かまがや訪問診療所', department: '小児在宅', doctor: '訪問 たかし', phone: '047-000-1234', role: 'home_visit' },
          { name: '松戸みらい病院（架空）', department: '救急外来', phone: '047-000-9999', role: 'emergency' },
        ],
        careItems: [
          { code: 'ventilator', monitoring: 'high', note: '夜間と午睡時に NPPV。日中も呼吸状態により装着。' },
          { code: 'suction', monitoring: 'high', note: '口鼻腔吸引 1日10回程度。' },
          { code: 'nebulizer', monitoring: 'low', note: '朝夕。' },
          { code: 'tube_feeding', monitoring: 'high', note: '胃ろう。1日5回。' },
          { code: 'feeding_pump', monitoring: 'high', note: '夜間は持続注入ポンプ。' },
        ],
        devices: [
          { type: '人工呼吸器（NPPV）', makerModel: 'デモ社 ベント-200', dealer: 'デモ医療機器 松戸営業所', dealerPhone24h: '0120-000-200', settings: 'S/T モード IPAP 14 / EPAP 5 / 呼吸数 20 / 鼻マスク S', batteryHours: 6, powerWatts: 60 },
          { type: '吸引器', makerModel: 'デモ社 スイクン-3', dealer: 'デモ医療機器 松戸営業所', dealerPhone24h: '0120-000-200', settings: '吸引圧 20 kPa まで', batteryHours: 1.5 },
          { type: 'パルスオキシメーター', makerModel: 'デモ社 オキシ-10', settings: 'SpO2 下限 92% でアラーム', batteryHours: 24 },
          { type: '経腸栄養ポンプ', makerModel: 'デモ社 フィード-5', dealer: 'デモ薬局', dealerPhone24h: '0120-000-300', settings: '夜間 40 mL/時', batteryHours: 8 },
        ],
        medications: [
          { name: 'デモ去痰シロップ', dose: '2 mL', timing: '朝・夕', route: '胃ろう' },
          { name: 'デモ整腸剤', dose: '0.5 g', timing: '毎食後', route: '胃ろう' },
        ],
        allergies: [{ substance: 'ラテックス', reaction: '発赤', severity: 'moderate' }],
        emergencyNotes: 'SpO2 92% 未満が続くときは吸引し、改善しなければ酸素 2 L/分を開始して救急要請。呼吸器トラブル時はバッグバルブマスクで換気（ベッドサイドに常備）。',
        bloodType: 'A',
        weightKg: 12.4,
      }),
    });
    const suzuki = await member(ctx, aId, 'consultant', 'consult.suzuki', '相談支援センターひだまり松戸', ALL, consentedOn);
    // 鈴木's question about her 児発 hours (network demo) is a case-linked one.
    await tx.update(consultation).set({ caseRef: aId }).where(and(eq(consultation.title, DEMO_CASE_CONSULTATION_TITLE), isNull(consultation.caseRef)));
    if (intake) {
      // The consent the acceptance carried over from the intake (as acceptOffer records it),
      // before the written consent at the contract widened it.
      const carried = consentFromIntake(intake, recordScopesFromIntakeConsent({ shareWith: intake.consentShareWith, items: intake.consentItems }));
      await tx.insert(consent).values({ id: newId(), clientId: aId, recipientType: 'office', recipientOfficeId: suzuki.officeId, recipientName: '相談支援センターひだまり松戸', ...carried, recordedBy: suzuki.user!.id, recordedAt: at(acceptedOn, '10:00') });
    }
    const sato = await member(ctx, aId, 'coordinator', 'coord.sato', '相談支援センターひだまり松戸', ALL, consentedOn, '医療的ケア児等コーディネーターとしてバックアップ');
    // 佐藤's accepted backup on the case is this membership: ending the backup ends it.
    if (intake) await tx.update(caseBackup).set({ clientTeamMemberId: sato.memberId }).where(and(eq(caseBackup.caseId, intake.id), eq(caseBackup.status, 'accepted')));
    await member(ctx, aId, 'medical', 'staff.kango', 'ひだまり訪問看護ステーション松戸', ['medical', 'plan', 'timeline', 'emergency', 'contact'], consentedOn, '訪問看護 週2回');
    const jihatsu = await member(ctx, aId, 'provider', 'staff.jihatsu', '重症児デイつばさ柏', ['medical', 'plan', 'timeline', 'emergency'], consentedOn, '児童発達支援 週3回');
    // 重症児デイつばさ柏 belongs to another 法人: its access is a provision to a third party.
    await tx.insert(provisionRecord).values({
      id: newId(),
      clientId: aId,
      kind: 'team_access',
      recipientName: '重症児デイつばさ柏',
      recipientOfficeId: jihatsu.officeId,
      scopes: ['medical', 'plan', 'timeline', 'emergency'],
      items: ['支援チームでの閲覧（医療情報・支援計画・経過記録・緊急時情報）'],
      consentId: jihatsu.consentId,
      byUserId: suzuki.user!.id,
      byName: suzuki.user!.name,
      retainUntil: addMonths(consentedOn, 36),
      at: at(consentedOn, '11:00'),
    });
    const author = { authorUserId: suzuki.user!.id, authorName: suzuki.user!.name };
    await tx.insert(assessment).values({
      id: newId(),
      clientId: aId,
      assessedOn: addDays(planStart, -25),
      place: '自宅',
      ...author,
      sections: AssessmentSectionsSchema.parse({
        health: { condition: '呼吸状態は安定。冬季に肺炎で入院歴あり。', medicalCare: '人工呼吸器（NPPV）、吸引、ネブライザー、胃ろうからの経管栄養（夜間ポンプ）。', hospitalVisits: '小児神経科 月1回、訪問診療 月2回。' },
        dailyLiving: { meals: '経管栄養 1日5回。味見程度の経口摂取を楽しむ。', bathing: '父の帰宅後に父母2人で入浴。入浴介助者が欲しい（母の負担大）。', sleep: '夜間は NPPV。吸引で母は2〜3回起きる。', toileting: 'おむつ', mobility: 'バギー。座位保持装置を使用。' },
        communication: '表情と視線で快・不快を伝える。絵本の読み聞かせが好き。',
        development: '児童発達支援に週3回。手指で玩具に触れて遊べる。',
        family: {
          situation: '父・母・本人・妹（1歳）の4人家族。祖母が市内に住み、緊急時に支援可能。',
          members: [
            { name: '青木 まゆみ', relation: '母', wish: '仕事に復帰したい（週3日から）。妹の保育園も探したい。' },
            { name: '青木 けんた', relation: '父', wish: '入浴など夜の介助を続けたい。休日は家族で出かけたい。' },
          ],
        },
        social: '児童発達支援で同年代の子どもと過ごす。将来は保育園・幼稚園も検討したい。',
        risks: [
          { risk: '骨折のリスク（骨密度が低い）', measures: '抱き方と移乗の方法をチームで統一する。' },
          { risk: '停電時の呼吸器', measures: '外部バッテリーと正弦波の発電機を準備。個別避難計画を作成する。' },
        ],
        strengths: '笑顔で人を引きつける。両親の養育力が高く、祖母の支援もある。',
        clientWish: '（本人）友だちと遊びたい、好きな絵本を読んでほしい。',
      }),
    });
    const planId = newId();
    await tx.insert(carePlan).values({
      id: planId,
      clientId: aId,
      revision: 1,
      status: 'agreed',
      agreedOn: addDays(planStart, -3),
      agreedBy: '青木 まゆみ（母）',
      ...author,
      ...PlanBodySchema.parse({
        kind: 'child',
        createdOn: addDays(planStart, -10),
        startDate: planStart,
        reviewDate: addMonths(planStart, 12),
        monitoringPeriodMonths: 3,
        isNewPlan: true,
        header: { guardianName: '青木 まゆみ', guardianRelation: '母', recipientNumber: '0000000001', costCap: '4,600円', officeName: '相談支援センターひだまり松戸', plannerName: '鈴木 健一' },
        wishes: '母: 仕事に復帰したい。妹を保育園に入れたい。\n父: 家族で安心して暮らしたい。\n本人: 友だちと遊びたい。',
        policy: '医療と福祉が連携し、あかりさんが安全に通所と在宅生活を送り、母が就労できる体制を整える。医療的ケア児等コーディネーターの助言を得ながら、チームで情報を共有する。',
        longTermGoal: '就園に向けて集団生活に慣れ、家族が無理なく暮らせる。',
        shortTermGoal: '児童発達支援に週3回安定して通い、母が週3日就労できる。',
        needs: [
          { priority: 1, issue: '母が就労しながら日中の医療的ケアを確保したい', goal: '週3回の児童発達支援が定着する', achieveBy: '6か月', services: [{ serviceType: '児童発達支援', content: '医療的ケア対応の通所（看護師配置）', amount: '週3回 10:00–15:00', officeName: '重症児デイつばさ柏', officeId: jihatsu.officeId }], selfRole: '通所先で好きな遊びを見つける', evaluateBy: '3か月', notes: '送迎時の呼吸器と吸引器の扱いを確認' },
          { priority: 2, issue: '在宅での健康管理と家族の負担軽減', goal: '体調の変化を早めに見つけ、入院を減らす', achieveBy: '1年', services: [{ serviceType: '訪問看護', content: '呼吸・栄養の管理、入浴介助', amount: '週2回', officeName: 'ひだまり訪問看護ステーション松戸' }], selfRole: '', evaluateBy: '3か月', notes: '入院時はつなぐの経過記録でチームに連絡' },
          { priority: 3, issue: '家族の休息（レスパイト）', goal: '月に1〜2回、家族が休める', achieveBy: '1年', services: [{ serviceType: '短期入所（医療型）', content: '医療型短期入所', amount: '月2日', officeName: '短期入所こだまの家' }], selfRole: '', evaluateBy: '6か月', notes: '空きが少ないため早めに予約' },
        ],
        weekly: {
          entries: [
            ...(['mon', 'wed', 'fri'] as const).map((day) => ({ day, start: '10:00', end: '15:00', kind: 'service', label: '児童発達支援（つばさ柏）' })),
            ...(['tue', 'thu'] as const).map((day) => ({ day, start: '10:00', end: '11:30', kind: 'service', label: '訪問看護' })),
            ...(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun_holiday'] as const).map((day) => ({ day, start: '20:00', end: '21:00', kind: 'activity', label: '入浴（父母）' })),
            { day: 'sat', start: '14:00', end: '15:00', kind: 'activity', label: '家族で散歩' },
          ],
          dailyActivities: '7:00 起床・注入 / 日中は通所または自宅 / 20:00 入浴 / 21:00 就寝（NPPV・夜間ポンプ）',
          nonWeeklyServices: '医療型短期入所 月2日、訪問診療 月2回、小児神経科 月1回',
          overallLife: '母は週3日（月水金）就労し、あかりさんは通所で友だちと過ごす。家族が月に1〜2回休める。',
        },
      }),
    });
    await tx.insert(monitoringReport).values({
      id: newId(),
      clientId: aId,
      planId,
      conductedOn: addDays(addMonths(planStart, 3), 14),
      place: '自宅',
      overall: '入院（肺炎）をはさみつつ、児童発達支援は週2〜3回通えている。母は復職の時期を会社と調整中。',
      goals: [
        { priority: 1, goal: '週3回の児童発達支援が定着する', achieveBy: '6か月', serviceStatus: '入院期間を除き週2〜3回利用', satisfaction: '本人は笑顔が多い。母「安心して預けられる」', achievement: 'partly', issues: '送迎時の吸引の手順を通所先と再確認', changeType: false, changeAmount: false, changeWeekly: false, notes: '' },
        { priority: 2, goal: '体調の変化を早めに見つけ、入院を減らす', achieveBy: '1年', serviceStatus: '訪問看護 週2回。退院後は週3回に増回', satisfaction: '母「退院後の相談ができて心強い」', achievement: 'partly', issues: '冬に向けた感染予防', changeType: false, changeAmount: true, changeWeekly: false, notes: '' },
      ],
      planChangeNeeded: false,
      ...author,
    });
    await tx.insert(caseConference).values({
      id: newId(),
      clientId: aId,
      planId,
      heldAt: at(addDays(planStart, -7), '14:00'),
      place: '自宅（オンライン併用）',
      purpose: '障害児支援利用計画（案）の検討と役割分担',
      attendees: [
        { teamMemberId: null, name: '青木 まゆみ', organization: '家族', role: '母' },
        { teamMemberId: null, name: '鈴木 健一', organization: '相談支援センターひだまり松戸', role: '相談支援専門員' },
        { teamMemberId: null, name: '佐藤 みのり', organization: '相談支援センターひだまり松戸', role: '医療的ケア児等コーディネーター' },
        { teamMemberId: null, name: '小林 なつみ', organization: 'ひだまり訪問看護ステーション松戸', role: '看護師' },
        { teamMemberId: null, name: '加藤 りょう', organization: '重症児デイつばさ柏', role: '児童発達支援管理責任者' },
      ],
      agenda: '1. 計画案の確認 2. 通所時の医療的ケアの手順 3. 緊急時の連絡方法',
      minutes: '母の就労希望を確認。通所先の看護師配置と送迎時の吸引について確認した。入院・退院はつなぐの経過記録で全員に知らせることを申し合わせた。',
      decisions: ['児童発達支援を週3回（月水金）で開始する', '緊急時は救急サマリーを通所先と自宅に常備する', '入院・退院は経過記録に投稿し、チーム全員に知らせる'],
      tasks: [
        { task: '妹の保育園の申込み状況を確認', ownerName: '鈴木 健一', ownerUserId: suzuki.user!.id, dueOn: addMonths(planStart, 1), done: true },
        { task: '停電時のバッテリー確認と個別避難計画の相談', ownerName: '佐藤 みのり', ownerUserId: users.get('coord.sato')?.id ?? null, dueOn: addMonths(today, 1), done: false },
      ],
      ...author,
    });
    const adm = addDays(addMonths(planStart, 2), 3);
    await tx.insert(timelineEvent).values([
      { id: newId(), clientId: aId, kind: 'admission', occurredAt: at(adm, '09:30'), title: '肺炎のため入院', body: '発熱と SpO2 低下で救急受診し、そのまま入院。呼吸器設定は病院で調整中。', place: 'かしわ小児医療センター（架空）', authorUserId: users.get('staff.kango')?.id ?? null, authorName: users.get('staff.kango')?.name ?? '訪問看護', notifiedUserIds: [suzuki.user!.id] },
      { id: newId(), clientId: aId, kind: 'discharge', occurredAt: at(addDays(adm, 9), '11:00'), title: '退院しました', body: '在宅酸素は不要。当面は訪問看護を週3回に増やす。通所は来週から再開。', place: 'かしわ小児医療センター（架空）', authorUserId: suzuki.user!.id, authorName: suzuki.user!.name, notifiedUserIds: [] },
      { id: newId(), clientId: aId, kind: 'note', occurredAt: at(addDays(today, -6), '16:00'), title: '母の復職日が決まりました', body: '来月から週3日（月水金）。通所の曜日と合わせて調整済み。', place: '', authorUserId: suzuki.user!.id, authorName: suzuki.user!.name, notifiedUserIds: [] },
    ]);
    await writeAudit(tx, AUDIT, { action: 'demo.seed_client', entityType: 'client', entityId: aId, clientId: aId });

    // ---- two more clients with lighter records: one before 就学, one turning 18 soon ------------------------------------------------
    const others = [
      { name: '石井 だいち', kana: 'いしい だいち', sex: 'male' as const, months: 6 * 12 + 2, muni: '12217', consultant: 'consult.takahashi', office: '柏つばさ相談支援事業所', items: [{ code: 'tube_feeding', monitoring: 'high' }, { code: 'seizure_care', monitoring: 'high' }], dx: 'レノックス・ガストー症候群（デモ）' },
      { name: '上田 みさき', kana: 'うえだ みさき', sex: 'female' as const, months: 17 * 12 + 10, muni: '12220', consultant: 'consult.ito', office: '流山みどり相談室', items: [{ code: 'ventilator', monitoring: 'middle' }, { code: 'tracheostomy', monitoring: 'high' }, { code: 'suction', monitoring: 'high' }], dx: '低酸素性虚血性脳症（デモ）' },
    ];
    for (const o of others) {
      if (!users.get(o.consultant)) continue;
      const id = newId();
      await tx.insert(client).values({ id, name: o.name, nameKana: o.kana, birthDate: addMonths(today, -o.months), sex: o.sex, municipalityCode: o.muni, createdBy: users.get(o.consultant)!.id });
      await tx.insert(clientProfile).values({ clientId: id, data: ProfileSchema.parse({ address: '千葉県（架空）', certificates: [{ kind: 'jukyusha_child', number: '0000000002', expiresOn: addMonths(today, 5) }] }) });
      await tx.insert(clientContact).values({ clientId: id, data: ContactSchema.parse({ guardians: [{ name: `${o.name.split(' ')[0]} ゆみ`, relation: '母', phone: '090-0000-3333', isPrimary: true }] }) });
      await tx.insert(clientMedical).values({ clientId: id, data: MedicalSchema.parse({ diagnoses: [{ name: o.dx }], careItems: o.items }) });
      await member(ctx, id, 'consultant', o.consultant, o.office, ALL, addMonths(today, -8));
      if (o.consultant === 'consult.takahashi' && users.get('coord.tanaka')) await member(ctx, id, 'coordinator', 'coord.tanaka', '鎌ケ谷市基幹相談支援センター（架空）', ALL, addMonths(today, -8), 'バックアップ');
      await writeAudit(tx, AUDIT, { action: 'demo.seed_client', entityType: 'client', entityId: id, clientId: id });
    }
  });
}
