// The plan as the API returns it, its status, the approval checklist, the small summary the
// city's lists read, and the template a new plan starts from (the client's record).
import { EvacuationPlanBodySchema, PLAN_STATUS_LABELS, type EvacuationPlanBody, type EvacuationPlanStatus } from '../../../shared/contracts/evacuation.js';
import type { Contact, Medical, Profile } from '../../../shared/contracts/clients.js';
import { computeRuntime, DEVICE_KIND_LABELS, TYPICAL_WATTS, type DeviceKind, type RuntimeResult } from '../../../shared/domain/power-runtime.js';
import { tokyoDate } from '../../../shared/dates.js';
import type { evacuationPlan, PlanListSummary } from '../../db/schema/index.js';
import type { EvacuationAccess } from './with-evacuation-access.js';

type PlanRow = typeof evacuationPlan.$inferSelect;

/** none / draft / approved / review_due (approved, and the yearly review date has come). */
export function statusOf(row: Pick<PlanRow, 'status' | 'reviewDueOn'> | null | undefined, today = tokyoDate()): EvacuationPlanStatus {
  if (!row) return 'none';
  if (row.status === 'draft') return 'draft';
  return row.reviewDueOn && row.reviewDueOn <= today ? 'review_due' : 'approved';
}

export interface ChecklistItem {
  code: string;
  ok: boolean;
  field: string;
  message: string;
}

/** What approval requires (register items, reason, ≥ 2 supporters, destination, device data). */
export function checklistOf(body: EvacuationPlanBody): ChecklistItem[] {
  const r = body.register;
  const items: ChecklistItem[] = [
    { code: 'register', ok: Boolean(r.name && r.address && r.birthDate), field: 'register', message: '名簿の項目（氏名・生年月日・住所）を入力してください' },
    { code: 'contact', ok: Boolean(r.phone), field: 'register.phone', message: '連絡先（電話）を入力してください' },
    { code: 'reason', ok: Boolean(body.supportReason), field: 'supportReason', message: '支援が必要な理由を入力してください' },
    { code: 'supporters', ok: body.supporters.filter((s) => s.name && s.phone).length >= 2, field: 'supporters', message: '避難支援等実施者を2人以上（氏名と電話番号）入力してください' },
    { code: 'destination', ok: body.destination.kind === 'home' || Boolean(body.destination.name), field: 'destination.name', message: '避難先の名称を入力してください' },
    { code: 'transport', ok: body.destination.kind === 'home' || body.destination.transport.length > 0, field: 'destination.transport', message: '移動手段を選んでください' },
    { code: 'medical_contacts', ok: body.medicalContacts.length > 0, field: 'medicalContacts', message: '医療機関・業者の連絡先を1件以上入力してください' },
    {
      code: 'device_power',
      ok: body.devices.every((d) => !d.essential || d.watts > 0),
      field: 'devices',
      message: '生命維持に必須の機器の消費電力（W）を入力してください',
    },
  ];
  return items;
}

/** The fields the city's simulation list shows, kept beside the row (no body read per client). */
export function listSummaryOf(body: EvacuationPlanBody, runtime: RuntimeResult): PlanListSummary {
  return {
    firstStop: runtime.firstStop.map((f) => f.label),
    address: body.register.address,
    phone: body.register.phone,
    supporters: body.supporters.map((s) => ({ name: s.name, relation: s.relation, phone: s.phone, role: s.role })),
    destination: { kind: body.destination.kind, name: body.destination.name, transport: body.destination.transport },
    hasManualAlternative: runtime.manualAlternatives.length > 0,
    peakWatts: runtime.peakWatts,
  };
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function planOut(clientId: string, row: PlanRow | null, body: EvacuationPlanBody, access: Pick<EvacuationAccess, 'via' | 'canEdit' | 'canApprove'>, today = tokyoDate()) {
  const status = statusOf(row, today);
  return {
    clientId,
    status,
    statusLabel: PLAN_STATUS_LABELS[status],
    version: row?.version ?? 0,
    body,
    runtime: computeRuntime(body),
    checklist: checklistOf(body),
    municipalityCode: row?.municipalityCode ?? null,
    approvedVersion: row?.approvedVersion ?? null,
    approvedAt: iso(row?.approvedAt),
    approvedByName: row?.approvedByName ?? null,
    reviewDueOn: row?.reviewDueOn ?? null,
    updatedAt: iso(row?.updatedAt),
    updatedByName: row?.updatedByName ?? null,
    access: access.via,
    canEdit: access.canEdit,
    // Approving needs something to approve, and this version not approved yet.
    canApprove: access.canApprove && row !== null && !(row.status === 'approved' && row.approvedVersion === row.version),
  };
}

const KIND_WORDS: [RegExp, DeviceKind][] = [
  [/酸素|濃縮/, 'oxygen_concentrator'],
  [/呼吸器|NPPV|ベンチレーター|ventilator/i, 'ventilator'],
  [/吸引/, 'suction'],
  [/栄養|注入|フィーディング/, 'feeding_pump'],
  [/加温|加湿/, 'heated_humidifier'],
  [/オキシメ|SpO2|パルス/i, 'pulse_oximeter'],
  [/カフ|排痰/, 'cough_assist'],
  [/ネブライザ/, 'nebulizer'],
  [/輸液|シリンジポンプ/, 'infusion_pump'],
];

export function deviceKindOf(type: string): DeviceKind {
  return KIND_WORDS.find(([re]) => re.test(type))?.[1] ?? 'other';
}

/**
 * A new plan starts from the record (what the user's consent scopes show): register items from
 * the identity, profile and contact; devices (with their battery hours and draw), hospitals,
 * the 24-hour dealer and medications from the medical section. Nothing is saved until the
 * team saves it.
 */
export function templateFrom(s: {
  client: { name: string; nameKana: string; birthDate: string; sex: 'female' | 'male' | 'other' | 'unknown' };
  profile: Profile | null;
  contact: Contact | null;
  medical: Medical | null;
}): EvacuationPlanBody {
  const guardian = s.contact?.guardians.find((g) => g.isPrimary) ?? s.contact?.guardians[0];
  const m = s.medical;
  const dealers = (m?.devices ?? []).filter((d) => d.dealer || d.dealerPhone24h);
  return EvacuationPlanBodySchema.parse({
    register: {
      name: s.client.name,
      nameKana: s.client.nameKana,
      birthDate: s.client.birthDate,
      sex: s.client.sex,
      postalCode: s.profile?.postalCode ?? '',
      address: s.profile?.address ?? '',
      phone: guardian?.phone ?? '',
    },
    supportReason: m && m.careItems.length ? `医療的ケア（${m.devices.map((d) => d.type).join('・') || '医療機器なし'}）が必要で、自力での避難が困難。` : '',
    supporters: (s.contact?.guardians ?? []).slice(0, 2).map((g) => ({ name: g.name, relation: g.relation, phone: g.phone, role: '本人の移動・医療機器の運搬' })),
    medicalContacts: [
      ...(m?.hospitals ?? []).map((h) => ({ kind: 'hospital' as const, name: [h.name, h.department, h.doctor].filter(Boolean).join(' '), phone: h.phone })),
      ...dealers.map((d) => ({ kind: 'device_dealer' as const, name: `${d.dealer || '医療機器業者'}（${d.type}）`, phone: d.dealerPhone24h, available24h: Boolean(d.dealerPhone24h) })),
    ].slice(0, 15),
    medications: (m?.medications ?? []).map((x) => ({ name: [x.name, x.dose].filter(Boolean).join(' '), stockDays: null })).slice(0, 50),
    devices: (m?.devices ?? []).slice(0, 20).map((d) => {
      const kind = deviceKindOf(d.type);
      const watts = d.powerWatts ?? TYPICAL_WATTS[kind];
      return {
        kind,
        label: d.type || DEVICE_KIND_LABELS[kind],
        makerModel: d.makerModel,
        essential: kind !== 'nebulizer' && kind !== 'other',
        watts,
        internalBattery: d.batteryHours ? { hours: d.batteryHours } : null,
        note: d.powerWatts === null ? `消費電力は標準的な値（${watts}W）を仮に入れています。取扱説明書で確認してください。` : '',
      };
    }),
  });
}

/**
 * The columns derived from the body on every save (and by the recompute job and the
 * generator): the precomputed runtime the simulation filters on, and the list fields.
 */
export function derivedColumns(body: EvacuationPlanBody, fallback: { name: string; nameKana: string }) {
  const runtime = computeRuntime(body);
  return {
    runtimeHours: runtime.runtimeHours,
    assumptionsVersion: runtime.assumptionsVersion,
    summary: listSummaryOf(body, runtime),
    name: body.register.name || fallback.name,
    nameKana: body.register.nameKana || fallback.nameKana,
    lat: body.location?.lat ?? null,
    lon: body.location?.lon ?? null,
  };
}
