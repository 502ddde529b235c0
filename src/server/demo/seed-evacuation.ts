// Demo evacuation plans (issue #7). Aちゃん: NPPV with internal battery and two external
// batteries, suction unit, feeding pump, a pure-sine portable power station, her parents as
// supporters, a 福祉避難所, approved by the 松戸 official. Around her, plans with other
// runtimes and statuses so the city's simulation and registers have something to show:
// 森 ゆうと (松戸, tracheostomy ventilator on an ageing battery, draft), 松本 そら (松戸, oxygen
// concentrator on a home storage battery, approved 13 months ago → review due), 上田 みさき
// (流山, ventilator + heated humidifier with only a modified-sine car inverter, draft) and
// 石井 だいち (柏, feeding pump, no consent to the city: counted, never named).
// Everything is fictitious; dates are relative to the seeding day.
import { inArray } from 'drizzle-orm';
import { ContactSchema, MedicalSchema, ProfileSchema } from '../../shared/contracts/clients.js';
import { EvacuationPlanBodySchema, type EvacuationPlanBody } from '../../shared/contracts/evacuation.js';
import { addDays, addMonths } from '../../shared/calendar-date.js';
import { DEFAULT_ITEMS_BY_RECIPIENT, EVACUATION_ITEMS, type EvacuationRecipientKind } from '../../shared/domain/evacuation-recipients.js';
import { tokyoDate } from '../../shared/dates.js';
import type { Db, Tx } from '../db/client.js';
import { client, clientContact, clientMedical, clientProfile, clientTeamMember, consent, evacuationConsent, evacuationPlan, evacuationPlanVersion, office, provisionRecord, user } from '../db/schema/index.js';
import { writeAudit } from '../lib/audit.js';
import { newId } from '../lib/ids.js';
import { enterSystemContext } from '../features/clients/client-access.js';
import { derivedColumns } from '../features/evacuation/plan-view.js';
import { demoEmail } from './demo-data.js';

const at = (iso: string, hhmm: string) => new Date(`${iso}T${hhmm}:00+09:00`);
type Person = { id: string; name: string };

interface Step {
  on: string;
  by: Person;
  event: 'save' | 'approve';
  note: string;
}

/** Inserts a plan with its history: saves, then (optionally) the city's approval. */
async function plan(tx: Tx, clientId: string, municipalityCode: string, body: EvacuationPlanBody, steps: Step[]) {
  const c = { name: body.register.name, nameKana: body.register.nameKana };
  const derived = derivedColumns(body, c);
  const planId = newId();
  const last = steps[steps.length - 1]!;
  const approval = [...steps].reverse().find((s) => s.event === 'approve');
  const approved = last.event === 'approve';
  await tx.insert(evacuationPlan).values({
    id: planId,
    clientId,
    municipalityCode,
    status: approved ? 'approved' : 'draft',
    version: steps.length,
    body,
    ...derived,
    approvedVersion: approval ? steps.indexOf(approval) + 1 : null,
    approvedAt: approval ? at(approval.on, '15:00') : null,
    approvedByUserId: approval?.by.id ?? null,
    approvedByName: approval?.by.name ?? null,
    reviewDueOn: approval ? addMonths(approval.on, 12) : null,
    createdAt: at(steps[0]!.on, '10:00'),
    updatedAt: at(last.on, '15:00'),
    updatedByUserId: last.by.id,
    updatedByName: last.by.name,
  });
  let version = 0;
  for (const s of steps)
    await tx.insert(evacuationPlanVersion).values({ id: newId(), planId, clientId, version: ++version, event: s.event, status: s.event === 'approve' ? 'approved' : 'draft', body, runtimeHours: derived.runtimeHours, byUserId: s.by.id, byName: s.by.name, at: at(s.on, s.event === 'approve' ? '15:00' : '10:00'), note: s.note });
}

async function recipientConsent(tx: Tx, o: { clientId: string; kind: EvacuationRecipientKind; name: string; municipalityCode: string; on: string; by: Person; guardian: string; items?: readonly string[] }) {
  const id = newId();
  const items = [...(o.items ?? DEFAULT_ITEMS_BY_RECIPIENT[o.kind])];
  await tx.insert(evacuationConsent).values({
    id,
    clientId: o.clientId,
    recipientKind: o.kind,
    recipientName: o.name,
    recipientMunicipalityCode: o.kind === 'city' ? o.municipalityCode : null,
    items,
    purpose: '災害時の避難支援（個別避難計画の提供）',
    givenBy: o.guardian,
    givenByRelation: '母',
    consentedOn: o.on,
    method: 'written',
    document: `個別避難計画 提供同意書 ${o.on}（相談支援事業所 保管）`,
    recordedBy: o.by.id,
    recordedByName: o.by.name,
    recordedAt: at(o.on, '11:00'),
  });
  if (o.kind === 'city')
    await tx.insert(provisionRecord).values({
      id: newId(),
      clientId: o.clientId,
      kind: 'team_access',
      recipientName: o.name,
      scopes: ['plan', 'profile', 'contact', 'medical'],
      items: ['個別避難計画の閲覧・承認・避難シミュレーション（すべての項目）'],
      consentId: id,
      byUserId: o.by.id,
      byName: o.by.name,
      retainUntil: addMonths(o.on, 36),
      at: at(o.on, '11:00'),
    });
  return id;
}

/** A smaller demo record (identity, address, guardian, devices) with its consultant on the team. */
async function smallRecord(tx: Tx, o: { name: string; kana: string; sex: 'female' | 'male'; months: number; muni: string; address: string; guardian: string; phone: string; consultant: Person; officeId: string; devices: { type: string; batteryHours?: number; powerWatts?: number }[]; today: string }) {
  const id = newId();
  await tx.insert(client).values({ id, name: o.name, nameKana: o.kana, birthDate: addMonths(o.today, -o.months), sex: o.sex, municipalityCode: o.muni, createdBy: o.consultant.id });
  await tx.insert(clientProfile).values({ clientId: id, data: ProfileSchema.parse({ address: o.address }) });
  await tx.insert(clientContact).values({ clientId: id, data: ContactSchema.parse({ guardians: [{ name: o.guardian, relation: '母', phone: o.phone, isPrimary: true }] }) });
  await tx.insert(clientMedical).values({ clientId: id, data: MedicalSchema.parse({ careItems: [{ code: 'ventilator', monitoring: 'high' }], devices: o.devices }) });
  await tx.insert(clientTeamMember).values({ id: newId(), clientId: id, role: 'consultant', userId: o.consultant.id, officeId: o.officeId, since: at(addMonths(o.today, -10), '10:00') });
  await tx.insert(consent).values({ id: newId(), clientId: id, recipientType: 'office', recipientOfficeId: o.officeId, scopes: ['profile', 'contact', 'medical', 'plan', 'timeline', 'emergency'], purpose: '計画相談支援・支援チームでの情報共有', givenBy: o.guardian, givenByRelation: '母', consentedOn: addMonths(o.today, -10), method: 'written', document: '個人情報提供同意書（相談支援事業所 保管）' });
  return id;
}

const medical = (phone: string) => [
  { kind: 'hospital' as const, name: 'かしわ小児医療センター（架空） 小児神経科', phone: '04-0000-0000' },
  { kind: 'visiting_nurse' as const, name: 'ひだまり訪問看護ステーション松戸', phone: '047-000-5555', available24h: true },
  { kind: 'device_dealer' as const, name: 'デモ医療機器 松戸営業所（人工呼吸器）', phone, available24h: true },
];

export async function seedDemoEvacuation(db: Db) {
  const today = tokyoDate();
  await db.transaction(async (tx) => {
    await enterSystemContext(tx);
    const [existing] = await tx.select({ id: evacuationPlan.id }).from(evacuationPlan).limit(1);
    if (existing) return;
    const locals = ['consult.suzuki', 'staff.kango', 'official.matsudo', 'consult.ito', 'consult.takahashi'];
    const us = await tx.select({ id: user.id, name: user.name, email: user.email }).from(user).where(inArray(user.email, locals.map(demoEmail)));
    const who = (l: string) => us.find((u) => u.email === demoEmail(l)) as Person | undefined;
    const suzuki = who('consult.suzuki');
    const city = who('official.matsudo');
    if (!suzuki || !city) return;
    const kango = who('staff.kango') ?? suzuki;
    const offices = new Map((await tx.select({ id: office.id, name: office.name }).from(office)).map((o) => [o.name, o.id]));
    const clients = await tx.select({ id: client.id, name: client.name, municipalityCode: client.municipalityCode }).from(client);
    const byName = (n: string) => clients.find((c) => c.name === n);

    // ---- Aちゃん (松戸): approved ---------------------------------------------------------
    const a = byName('青木 あかり');
    if (a) {
      const start = addMonths(today, -4);
      const aBody = EvacuationPlanBodySchema.parse({
        register: { name: '青木 あかり', nameKana: 'あおき あかり', birthDate: addDays(addMonths(today, -(4 * 12 + 5)), -3), sex: 'female', postalCode: '271-0000', address: '千葉県松戸市デモ町1-2-3（架空）', phone: '090-0000-1111', household: '父・母・妹（1歳）の4人家族。平日昼は母と妹と3人。' },
        location: { lat: 35.7876, lon: 139.9032 },
        supportReason: '脊髄性筋萎縮症で人工呼吸器（NPPV）・吸引・胃ろうからの注入が必要。自分で動けず、呼吸器と吸引器を持って移動する必要がある。',
        supporters: [
          { name: '青木 まゆみ', relation: '母', phone: '090-0000-1111', role: '本人の移動、呼吸器・吸引器の運搬と操作' },
          { name: '青木 けんた', relation: '父', phone: '090-0000-2222', role: '車の運転、ポータブル電源の運搬（平日昼は職場から1時間）' },
          { name: '青木 とし子', relation: '祖母（市内在住）', phone: '047-000-0000', role: '妹（1歳）を預かる', livesNearby: true },
        ],
        destination: { kind: 'welfare_shelter', name: '松戸市 福祉避難所（デモ）ひだまりホール', address: '千葉県松戸市デモ町5-6（架空）', phone: '047-000-7777', hasPower: true, routeNotes: '坂川沿いの道は大雨で冠水しやすい。国道6号経由（車で15分）。', transport: ['car', 'buggy'], transportNotes: 'バギーに呼吸器を載せ、ワゴン車で移動。', travelMinutes: 15 },
        medicalContacts: medical('0120-000-200'),
        medications: [{ name: 'デモ去痰シロップ 2 mL', stockDays: 10 }, { name: 'デモ整腸剤 0.5 g', stockDays: 14 }],
        consumables: [{ name: '吸引カテーテル', stockDays: 7 }, { name: '経腸栄養剤', stockDays: 5 }, { name: '注入用シリンジ・延長チューブ', stockDays: 14 }],
        powerRegistration: { registered: true, registeredOn: addMonths(today, -3), company: '東京電力パワーグリッド', note: 'バッテリー時間（約12時間）も登録' },
        devices: [
          { kind: 'ventilator', label: '人工呼吸器（NPPV）', makerModel: 'デモ社 ベント-200', essential: true, watts: 60, internalBattery: { hours: 6, ageYears: 2 }, externalBatteries: { count: 2, whEach: 240, ageYears: 1 }, manualAlternative: { kind: 'resuscitation_bag', note: 'マスク S サイズ' } },
          { kind: 'suction', makerModel: 'デモ社 スイクン-3', essential: true, watts: 80, hoursPerDay: 2, internalBattery: { hours: 1.5, ageYears: 2 }, manualAlternative: { kind: 'foot_suction' } },
          { kind: 'feeding_pump', label: '経腸栄養ポンプ', makerModel: 'デモ社 フィード-5', essential: true, watts: 5, internalBattery: { hours: 8, ageYears: 1 }, manualAlternative: { kind: 'gravity_feeding', note: 'シリンジでゆっくり注入' } },
          { kind: 'pulse_oximeter', makerModel: 'デモ社 オキシ-10', essential: false, watts: 2, internalBattery: { hours: 24 } },
        ],
        backups: [{ kind: 'portable_power', label: 'ポータブル電源 1,000Wh（正弦波）', capacityWh: 1000, ratedWatts: 1000, pureSine: true, ageYears: 1, note: '松戸市の日常生活用具給付（デモ）' }],
        notes: '停電時はまず訪問看護ステーションへ連絡。呼吸器業者は24時間対応。',
      });
      await plan(tx, a.id, a.municipalityCode, aBody, [
        { on: start, by: suzuki, event: 'save', note: '家族と作成（初版）' },
        { on: addDays(start, 7), by: kango, event: 'save', note: '外部バッテリー2個と使用年数を追記（訪問看護）' },
        { on: addDays(start, 20), by: city, event: 'approve', note: '内容を確認しました' },
      ]);
      await recipientConsent(tx, { clientId: a.id, kind: 'city', name: '松戸市 障害福祉課（デモ）', municipalityCode: a.municipalityCode, on: addDays(start, 1), by: suzuki, guardian: '青木 まゆみ' });
      await recipientConsent(tx, { clientId: a.id, kind: 'fire', name: '松戸市消防局（デモ）', municipalityCode: a.municipalityCode, on: addDays(start, 1), by: suzuki, guardian: '青木 まゆみ' });
      await recipientConsent(tx, { clientId: a.id, kind: 'neighborhood', name: 'デモ町会 自主防災会', municipalityCode: a.municipalityCode, on: addDays(start, 1), by: suzuki, guardian: '青木 まゆみ' });
      await recipientConsent(tx, { clientId: a.id, kind: 'shelter', name: '松戸市 福祉避難所（デモ）ひだまりホール', municipalityCode: a.municipalityCode, on: addDays(start, 1), by: suzuki, guardian: '青木 まゆみ', items: EVACUATION_ITEMS.filter((i) => i !== 'address') });
    }

    const matsudoOffice = offices.get('相談支援センターひだまり松戸');
    if (matsudoOffice) {
      // ---- 森 ゆうと (松戸): draft, ~4 h -----------------------------------------------------
      const mori = await smallRecord(tx, { name: '森 ゆうと', kana: 'もり ゆうと', sex: 'male', months: 9 * 12 + 4, muni: '12207', address: '千葉県松戸市デモ台4-5（架空）', guardian: '森 さやか', phone: '090-0000-4444', consultant: suzuki, officeId: matsudoOffice, devices: [{ type: '人工呼吸器（気管切開）', batteryHours: 8, powerWatts: 45 }], today });
      await plan(
        tx,
        mori,
        '12207',
        EvacuationPlanBodySchema.parse({
          register: { name: '森 ゆうと', nameKana: 'もり ゆうと', birthDate: addMonths(today, -(9 * 12 + 4)), sex: 'male', address: '千葉県松戸市デモ台4-5（架空）', phone: '090-0000-4444' },
          location: { lat: 35.8012, lon: 139.9255 },
          supportReason: '気管切開・人工呼吸器を24時間使用。',
          supporters: [{ name: '森 さやか', relation: '母', phone: '090-0000-4444', role: '移動と呼吸器の操作' }],
          destination: { kind: 'hospital', name: '松戸みらい病院（架空）', transport: ['welfare_vehicle', 'stretcher'] },
          medicalContacts: medical('0120-000-201'),
          devices: [{ kind: 'ventilator', label: '人工呼吸器（気管切開）', essential: true, watts: 45, internalBattery: { hours: 8, ageYears: 5 }, manualAlternative: { kind: 'resuscitation_bag' } }],
        }),
        [{ on: addMonths(today, -1), by: suzuki, event: 'save', note: '作成中（支援者をもう1人探している）' }],
      );
      await recipientConsent(tx, { clientId: mori, kind: 'city', name: '松戸市 障害福祉課（デモ）', municipalityCode: '12207', on: addMonths(today, -1), by: suzuki, guardian: '森 さやか' });

      // ---- 松本 そら (松戸): approved 13 months ago → review due ---------------------------------
      const matsumoto = await smallRecord(tx, { name: '松本 そら', kana: 'まつもと そら', sex: 'female', months: 3 * 12 + 1, muni: '12207', address: '千葉県松戸市デモ野7-8（架空）', guardian: '松本 あい', phone: '090-0000-5555', consultant: suzuki, officeId: matsudoOffice, devices: [{ type: '酸素濃縮装置', powerWatts: 120 }], today });
      const approvedOn = addMonths(today, -13);
      await plan(
        tx,
        matsumoto,
        '12207',
        EvacuationPlanBodySchema.parse({
          register: { name: '松本 そら', nameKana: 'まつもと そら', birthDate: addMonths(today, -(3 * 12 + 1)), sex: 'female', address: '千葉県松戸市デモ野7-8（架空）', phone: '090-0000-5555' },
          location: { lat: 35.7701, lon: 139.9104 },
          supportReason: '在宅酸素療法（24時間）。停電で酸素濃縮装置が止まる。',
          supporters: [
            { name: '松本 あい', relation: '母', phone: '090-0000-5555', role: '酸素ボンベへの切り替え' },
            { name: '松本 だいすけ', relation: '父', phone: '090-0000-5556', role: '車の運転' },
          ],
          destination: { kind: 'home', transport: [] },
          medicalContacts: medical('0120-000-202'),
          devices: [{ kind: 'oxygen_concentrator', essential: true, watts: 120, manualAlternative: { kind: 'oxygen_cylinder', cylinderCount: 2, cylinderLiters: 500, flowLpm: 1 } }],
          backups: [{ kind: 'storage_battery', label: '家庭用蓄電池 7kWh', capacityWh: 7000, ratedWatts: 2000, pureSine: true, ageYears: 3 }],
        }),
        [
          { on: addDays(approvedOn, -14), by: suzuki, event: 'save', note: '作成' },
          { on: approvedOn, by: city, event: 'approve', note: '' },
        ],
      );
      await recipientConsent(tx, { clientId: matsumoto, kind: 'city', name: '松戸市 障害福祉課（デモ）', municipalityCode: '12207', on: addDays(approvedOn, -14), by: suzuki, guardian: '松本 あい' });
    }

    // ---- 上田 みさき (流山): draft, the car inverter is modified-sine ------------------------------
    const ueda = byName('上田 みさき');
    const ito = who('consult.ito');
    if (ueda && ito)
      await plan(
        tx,
        ueda.id,
        ueda.municipalityCode,
        EvacuationPlanBodySchema.parse({
          register: { name: '上田 みさき', nameKana: 'うえだ みさき', sex: 'female', address: '千葉県流山市デモ町（架空）' },
          supportReason: '気管切開・人工呼吸器・吸引。',
          devices: [
            { kind: 'ventilator', essential: true, watts: 50, internalBattery: { hours: 4, ageYears: 6 } },
            { kind: 'heated_humidifier', essential: true, watts: 100 },
            { kind: 'suction', essential: true, watts: 80, hoursPerDay: 3, internalBattery: { hours: 1, ageYears: 3 }, manualAlternative: { kind: 'manual_suction' } },
          ],
          backups: [{ kind: 'car', label: 'シガーソケット用インバーター 150W', ratedWatts: 150, pureSine: false, fuelHours: 20 }],
        }),
        [{ on: addMonths(today, -2), by: ito, event: 'save', note: '下書き（バッテリーの年数を確認中）' }],
      );

    // ---- 石井 だいち (柏): draft, no consent to the city ----------------------------------------------
    const ishii = byName('石井 だいち');
    const takahashi = who('consult.takahashi');
    if (ishii && takahashi)
      await plan(
        tx,
        ishii.id,
        ishii.municipalityCode,
        EvacuationPlanBodySchema.parse({
          register: { name: '石井 だいち', nameKana: 'いしい だいち', sex: 'male' },
          supportReason: '経管栄養・けいれん時の対応。',
          devices: [{ kind: 'feeding_pump', essential: true, watts: 5, internalBattery: { hours: 12, ageYears: 2 }, manualAlternative: { kind: 'gravity_feeding' } }],
        }),
        [{ on: addMonths(today, -1), by: takahashi, event: 'save', note: '家族と相談中（市への提供はまだ同意なし）' }],
      );

    await writeAudit(tx, { label: 'system:demo-seed' }, { action: 'demo.seed_evacuation', entityType: 'system', details: { plans: (await tx.select({ id: evacuationPlan.id }).from(evacuationPlan)).length } });
  });
}
