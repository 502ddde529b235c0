// How long a power-dependent client's essential devices keep running without mains power
// (個別避難計画, DOMAIN.md §5). Pure functions, shared by the server (precomputed on every
// save, so the city's outage simulation is an indexed query) and the web (live preview).
//
// The model, in the order a family uses its backups (DOMAIN.md §5: "device batteries →
// storage battery → car → generator"):
// 1. Each essential device first runs alone on its own batteries (internal + dedicated
//    external packs). No inverter: the battery feeds the device directly.
// 2. A device whose own batteries are empty (or that has none) is plugged into the shared
//    source in use; the shared source carries every such device in parallel, so its energy
//    drains at the sum of their draws. Sources are used one after another in the fixed order
//    storage battery → portable power station → car → generator (input order within a kind).
// 3. The runtime is the moment an essential device needs power and no usable shared source
//    is left: "hours until the first essential device stops".
// Manual alternatives (resuscitation bag, foot suction, oxygen cylinder…) keep the child
// alive without power but do not extend powered runtime: they are reported separately.
//
// Every assumption is a named constant below and is printed in the Japanese explanation.
// Changing one: bump `version`; saved plans are recomputed (features/evacuation
// recompute-evacuation-runtimes.ts) because the city's simulation reads the stored figure.

export const POWER_ASSUMPTIONS = {
  /** Bump when any value below changes: stored runtimes with another version are recomputed. */
  version: '2026-11-a',
  /**
   * Share of a battery's stored energy that reaches a device through an AC inverter (portable
   * power station, home storage battery). Typical pure-sine units convert 80–90 %; 85 % is the
   * middle (check against the unit's manual when known).
   */
  inverterEfficiency: 0.85,
  /**
   * Battery ageing: usable capacity = rated × (1 − 0.1 × years), never below 50 %. DOMAIN.md §5:
   * "a 5 h battery may give 2–3 h after 5 years" — this rule gives 2.5 h (check: real ageing
   * depends on cycles and temperature; replace with the dealer's measured runtime when known).
   */
  deratePerYear: 0.1,
  derateFloor: 0.5,
  /** VA → W for a generator rated only in VA: W = VA × 0.8 (conservative power factor). */
  powerFactor: 0.8,
  /** Families are advised to prepare for 72 h at home (DOMAIN.md §5: "targets of 72 h to 1 week"). */
  targetHours: 72,
} as const;

export type PowerAssumptions = typeof POWER_ASSUMPTIONS;

export const DEVICE_KINDS = ['ventilator', 'oxygen_concentrator', 'suction', 'feeding_pump', 'heated_humidifier', 'pulse_oximeter', 'cough_assist', 'nebulizer', 'infusion_pump', 'other'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const DEVICE_KIND_LABELS: Record<DeviceKind, string> = {
  ventilator: '人工呼吸器',
  oxygen_concentrator: '酸素濃縮装置',
  suction: '吸引器',
  feeding_pump: '経管栄養ポンプ',
  heated_humidifier: '加温加湿器',
  pulse_oximeter: 'パルスオキシメーター',
  cough_assist: '排痰補助装置（カフアシスト）',
  nebulizer: 'ネブライザー',
  infusion_pump: '輸液ポンプ',
  other: 'その他の機器',
};

/**
 * Typical draw, for pre-filling a form when the manual is not at hand (check: DOMAIN.md §5 gives
 * ventilator ≈60 W, oxygen concentrator ≈120 W, heated humidifier ≈100 W; the others are
 * common catalogue values). The plan stores what the family enters, not these.
 */
export const TYPICAL_WATTS: Record<DeviceKind, number> = {
  ventilator: 60,
  oxygen_concentrator: 120,
  suction: 80,
  feeding_pump: 5,
  heated_humidifier: 100,
  pulse_oximeter: 2,
  cough_assist: 100,
  nebulizer: 40,
  infusion_pump: 10,
  other: 50,
};

export const MANUAL_ALTERNATIVE_KINDS = ['resuscitation_bag', 'foot_suction', 'manual_suction', 'oxygen_cylinder', 'gravity_feeding', 'other'] as const;
export type ManualAlternativeKind = (typeof MANUAL_ALTERNATIVE_KINDS)[number];
export const MANUAL_ALTERNATIVE_LABELS: Record<ManualAlternativeKind, string> = {
  resuscitation_bag: '蘇生バッグ（アンビューバッグ）',
  foot_suction: '足踏み式吸引器',
  manual_suction: '手動式吸引器',
  oxygen_cylinder: '酸素ボンベ',
  gravity_feeding: '自然滴下・シリンジでの注入',
  other: 'その他の手動の代替手段',
};

/** Shared backup sources, in the order they are used (DOMAIN.md §5). */
export const BACKUP_KINDS = ['storage_battery', 'portable_power', 'car', 'generator'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];
export const BACKUP_KIND_LABELS: Record<BackupKind, string> = {
  storage_battery: '家庭用蓄電池',
  portable_power: 'ポータブル電源',
  car: '自動車（インバーター）',
  generator: '発電機',
};
/** Energy sources are limited by stored Wh; fuel sources by the hours their fuel lasts. */
const FUEL_KINDS: readonly BackupKind[] = ['car', 'generator'];

export interface BatterySpec {
  /** Capacity in Wh, or… */
  wh?: number | null;
  /** …runtime in hours at the device's own draw (what the manual usually states). */
  hours?: number | null;
  /** Years in use (for derating); null = unknown, counted as new and flagged. */
  ageYears?: number | null;
}

export interface ExternalBatteries {
  count: number;
  whEach?: number | null;
  hoursEach?: number | null;
  ageYears?: number | null;
}

export interface ManualAlternative {
  kind: ManualAlternativeKind;
  note?: string;
  /** Oxygen cylinders: number, gas volume of each (L, e.g. 500 L for a 3.4 L cylinder at 14.7 MPa), prescribed flow (L/min). */
  cylinderCount?: number | null;
  cylinderLiters?: number | null;
  flowLpm?: number | null;
}

export interface PowerDeviceInput {
  kind: DeviceKind;
  label?: string;
  /** Life-sustaining: counted in the runtime. Non-essential devices are listed but not powered. */
  essential: boolean;
  /** Draw while running (W). */
  watts: number;
  /** Hours per day the device runs (24 = continuous; a suction unit may run 2 h a day). */
  hoursPerDay?: number;
  internalBattery?: BatterySpec | null;
  externalBatteries?: ExternalBatteries | null;
  manualAlternative?: ManualAlternative | null;
}

export interface BackupSourceInput {
  kind: BackupKind;
  label?: string;
  /** Storage battery / portable power station capacity (Wh). */
  capacityWh?: number | null;
  /** Continuous output rating (W). */
  ratedWatts?: number | null;
  /** Generators are often rated in VA only: W = VA × power factor. */
  ratedVA?: number | null;
  /** Pure sine wave output. A modified-sine source is unsuitable for medical devices. */
  pureSine: boolean;
  ageYears?: number | null;
  /** Car / generator: hours the available fuel lasts at this load. */
  fuelHours?: number | null;
}

export interface PowerInput {
  devices: PowerDeviceInput[];
  backups: BackupSourceInput[];
}

export interface DeviceRuntime {
  index: number;
  label: string;
  kind: DeviceKind;
  essential: boolean;
  watts: number;
  averageWatts: number;
  /** Own batteries after derating (Wh). */
  ownWh: number;
  /** Hours the device runs on its own batteries alone (null: not powered in the model). */
  ownHours: number | null;
  /** When it moves to a shared source (null: never needs one before the runtime ends, or not powered). */
  sharedFromHours: number | null;
  /** When it stops for lack of power (null: not part of the runtime — non-essential or no draw). */
  stopsAtHours: number | null;
  stopsFirst: boolean;
}

export type SourceProblem = 'modified_sine' | 'overload' | 'no_capacity';

export interface SourceRuntime {
  index: number;
  label: string;
  kind: BackupKind;
  usable: boolean;
  problem: SourceProblem | null;
  ratedWatts: number | null;
  /** Energy sources: Wh that reach the devices (after ageing and inverter loss). */
  usableWh: number | null;
  fuelHours: number | null;
  usedFromHours: number | null;
  usedUntilHours: number | null;
}

export interface TimelineEvent {
  atHours: number;
  kind: 'to_source' | 'switch_source' | 'source_empty' | 'device_stops';
  text: string;
}

export interface ManualAlternativeResult {
  deviceIndex: number;
  deviceLabel: string;
  kind: ManualAlternativeKind;
  label: string;
  /** Oxygen cylinders: hours at the prescribed flow; null for manual devices (no time limit but a person's hands). */
  hours: number | null;
  text: string;
}

export interface Suggestion {
  code: 'add_external_battery' | 'replace_modified_sine' | 'larger_rating' | 'replace_aged_battery' | 'add_portable_power' | 'reach_target';
  text: string;
  /** Hours gained, computed by re-running the model with the change; null when not computable. */
  gainHours: number | null;
}

export interface RuntimeResult {
  assumptionsVersion: string;
  /** Hours until the first essential device stops; null when the plan lists no powered essential device. */
  runtimeHours: number | null;
  firstStop: { index: number; label: string }[];
  meetsTarget: boolean;
  /** Sum of the essential devices' draw when all run at once (what a source's rating must carry). */
  peakWatts: number;
  /** Sum of the essential devices' average draw. */
  averageWatts: number;
  devices: DeviceRuntime[];
  sources: SourceRuntime[];
  timeline: TimelineEvent[];
  manualAlternatives: ManualAlternativeResult[];
  /** Step by step, in Japanese: assumptions, each device, each source, the timeline, the result. */
  explanation: string[];
  suggestions: Suggestion[];
  warnings: string[];
}

const EPS = 1e-9;

// ---- units ----------------------------------------------------------------------------------

/** Capacity ageing factor: 1 − 0.1 × years, floored at 0.5 (unknown age = new). */
export function ageFactor(ageYears: number | null | undefined, a: PowerAssumptions = POWER_ASSUMPTIONS): number {
  if (!ageYears || ageYears <= 0) return 1;
  return Math.max(a.derateFloor, 1 - a.deratePerYear * ageYears);
}

/** W from VA with the power-factor assumption. */
export function wattsFromVA(va: number, a: PowerAssumptions = POWER_ASSUMPTIONS): number {
  return va * a.powerFactor;
}

/** Wh from a runtime in hours at a draw in W. */
export function whFromHours(hours: number, watts: number): number {
  return hours * watts;
}

/** Hours a usable energy (Wh) lasts at a draw (W); Infinity at no draw. */
export function hoursFromWh(wh: number, watts: number): number {
  return watts > 0 ? wh / watts : Infinity;
}

/** Rated Wh of one battery spec (Wh given, or hours × the device's draw); null when unknown. */
export function batteryWh(spec: { wh?: number | null; hours?: number | null } | null | undefined, watts: number): number | null {
  if (!spec) return null;
  if (spec.wh != null && spec.wh > 0) return spec.wh;
  if (spec.hours != null && spec.hours > 0 && watts > 0) return whFromHours(spec.hours, watts);
  return null;
}

/** Effective output rating of a source (W), from W or from VA. */
export function sourceRatedWatts(s: BackupSourceInput, a: PowerAssumptions = POWER_ASSUMPTIONS): number | null {
  if (s.ratedWatts != null && s.ratedWatts > 0) return s.ratedWatts;
  if (s.ratedVA != null && s.ratedVA > 0) return wattsFromVA(s.ratedVA, a);
  return null;
}

// ---- formatting -----------------------------------------------------------------------------

/** 12.5 → "12.5時間", 3 → "3時間", 0.04 → "0時間". */
export function formatHours(h: number): string {
  if (!Number.isFinite(h)) return '制限なし';
  return `${Number(h.toFixed(1)).toLocaleString('ja-JP')}時間`;
}
const wh = (v: number) => `${Math.round(v).toLocaleString('ja-JP')}Wh`;
const w = (v: number) => `${Number(v.toFixed(1)).toLocaleString('ja-JP')}W`;
const pct = (f: number) => `${Math.round(f * 100)}%`;

// ---- the model ------------------------------------------------------------------------------

interface Prepared {
  index: number;
  label: string;
  kind: DeviceKind;
  watts: number;
  avgW: number;
  ownWh: number;
  ownHours: number;
}

interface PreparedSource {
  index: number;
  label: string;
  kind: BackupKind;
  problem: SourceProblem | null;
  ratedW: number | null;
  usableWh: number | null;
  fuelHours: number | null;
}

const deviceLabel = (d: PowerDeviceInput) => d.label?.trim() || DEVICE_KIND_LABELS[d.kind];
const sourceLabel = (s: BackupSourceInput) => s.label?.trim() || BACKUP_KIND_LABELS[s.kind];
const avgWatts = (d: PowerDeviceInput) => (d.watts * Math.min(24, Math.max(0, d.hoursPerDay ?? 24))) / 24;

function ownWhOf(d: PowerDeviceInput, a: PowerAssumptions): number {
  const internal = (batteryWh(d.internalBattery, d.watts) ?? 0) * ageFactor(d.internalBattery?.ageYears, a);
  const ext = d.externalBatteries;
  const each = ext && ext.count > 0 ? (batteryWh({ wh: ext.whEach, hours: ext.hoursEach }, d.watts) ?? 0) : 0;
  return internal + (ext ? ext.count * each * ageFactor(ext.ageYears, a) : 0);
}

function isPowered(d: PowerDeviceInput) {
  return d.essential && d.watts > 0 && avgWatts(d) > 0;
}

function prepare(input: PowerInput, a: PowerAssumptions) {
  const devices: Prepared[] = [];
  input.devices.forEach((d, index) => {
    if (!isPowered(d)) return;
    const avgW = avgWatts(d);
    const ownWh = ownWhOf(d, a);
    devices.push({ index, label: deviceLabel(d), kind: d.kind, watts: d.watts, avgW, ownWh, ownHours: hoursFromWh(ownWh, avgW) });
  });
  const peak = devices.reduce((s, d) => s + d.watts, 0);
  const order = (k: BackupKind) => BACKUP_KINDS.indexOf(k);
  const sources: PreparedSource[] = input.backups
    .map((s, index) => {
      const ratedW = sourceRatedWatts(s, a);
      const fuel = FUEL_KINDS.includes(s.kind);
      const usableWh = fuel ? null : s.capacityWh && s.capacityWh > 0 ? s.capacityWh * ageFactor(s.ageYears, a) * a.inverterEfficiency : null;
      const fuelHours = fuel && s.fuelHours && s.fuelHours > 0 ? s.fuelHours : null;
      let problem: SourceProblem | null = null;
      if (!s.pureSine) problem = 'modified_sine';
      else if ((fuel ? fuelHours : usableWh) === null) problem = 'no_capacity';
      else if (ratedW !== null && ratedW + EPS < peak) problem = 'overload';
      return { index, label: sourceLabel(s), kind: s.kind, problem, ratedW, usableWh, fuelHours };
    })
    // Stable: input order within a kind.
    .sort((x, y) => order(x.kind) - order(y.kind) || x.index - y.index);
  return { devices, sources, peak };
}

interface Outcome {
  runtime: number | null;
  sharedFrom: Map<number, number>;
  usage: Map<number, { from: number; until: number | null }>;
  events: { at: number; kind: TimelineEvent['kind']; devices?: number[]; source?: number; load?: number }[];
}

/** The event simulation: piecewise-constant load on one shared source at a time. */
function run(devices: Prepared[], sources: PreparedSource[]): Outcome {
  const out: Outcome = { runtime: null, sharedFrom: new Map(), usage: new Map(), events: [] };
  if (devices.length === 0) return out;
  const usable = sources.filter((s) => s.problem === null).map((s) => ({ ...s, wh: s.usableWh ?? 0, hours: s.fuelHours ?? 0 }));
  let t = 0;
  let si = 0;
  for (let guard = 0; guard < 10_000; guard++) {
    const onSource = devices.filter((d) => d.ownHours <= t + EPS);
    const load = onSource.reduce((s, d) => s + d.avgW, 0);
    const newcomers = onSource.filter((d) => !out.sharedFrom.has(d.index));
    const later = devices.filter((d) => d.ownHours > t + EPS).map((d) => d.ownHours);
    const nextOwn = later.length ? Math.min(...later) : Infinity;
    if (load === 0) {
      t = nextOwn;
      continue;
    }
    if (si >= usable.length) {
      out.runtime = t;
      out.events.push({ at: t, kind: 'device_stops', devices: onSource.map((d) => d.index) });
      return out;
    }
    const s = usable[si]!;
    if (newcomers.length) {
      for (const d of newcomers) out.sharedFrom.set(d.index, t);
      out.events.push({ at: t, kind: 'to_source', devices: newcomers.map((d) => d.index), source: s.index, load });
    }
    if (!out.usage.has(s.index)) out.usage.set(s.index, { from: t, until: null });
    const fuel = s.usableWh === null;
    const lasts = fuel ? s.hours : s.wh / load;
    const dt = Math.min(lasts, nextOwn - t);
    if (fuel) s.hours -= dt;
    else s.wh -= load * dt;
    t += dt;
    if (lasts <= dt + EPS) {
      out.usage.get(s.index)!.until = t;
      out.events.push({ at: t, kind: 'source_empty', source: s.index });
      si++;
      // Devices on the emptied source move to the next one.
      if (si < usable.length) out.events.push({ at: t, kind: 'switch_source', devices: onSource.map((d) => d.index), source: usable[si]!.index, load });
    }
  }
  throw new Error('power-runtime: simulation did not converge');
}

/**
 * Hours until the first essential device stops, with the per-device timeline, the Japanese
 * step-by-step explanation, and computed suggestions.
 * @example computeRuntime({ devices: [{ kind: 'ventilator', essential: true, watts: 60, internalBattery: { hours: 5 } }], backups: [] }).runtimeHours // 5
 */
export function computeRuntime(input: PowerInput, a: PowerAssumptions = POWER_ASSUMPTIONS): RuntimeResult {
  const base = evaluate(input, a);
  return { ...base, suggestions: suggest(input, base, a) };
}

/** Only the runtime (hours), for what-if comparisons. */
export function runtimeHoursOf(input: PowerInput, a: PowerAssumptions = POWER_ASSUMPTIONS): number | null {
  const { devices, sources } = prepare(input, a);
  return run(devices, sources).runtime;
}

function evaluate(input: PowerInput, a: PowerAssumptions): Omit<RuntimeResult, 'suggestions'> {
  const { devices: prepared, sources, peak } = prepare(input, a);
  const outcome = run(prepared, sources);
  const T = outcome.runtime;
  const firstShared = outcome.sharedFrom;
  const byIndex = new Map(prepared.map((p) => [p.index, p]));
  const stopsAt = (p: Prepared) => (T === null ? null : p.ownHours > T + EPS ? p.ownHours : T);
  const first = T === null ? [] : prepared.filter((p) => Math.abs((stopsAt(p) ?? Infinity) - T) <= 1e-6);

  const devices: DeviceRuntime[] = input.devices.map((d, index) => {
    const p = byIndex.get(index);
    return {
      index,
      label: deviceLabel(d),
      kind: d.kind,
      essential: d.essential,
      watts: d.watts,
      averageWatts: avgWatts(d),
      ownWh: p ? p.ownWh : ownWhOf(d, a),
      ownHours: p ? p.ownHours : null,
      sharedFromHours: p ? (firstShared.get(index) ?? null) : null,
      stopsAtHours: p ? stopsAt(p) : null,
      stopsFirst: first.some((f) => f.index === index),
    };
  });

  const srcOut: SourceRuntime[] = sources.map((s) => ({
    index: s.index,
    label: s.label,
    kind: s.kind,
    usable: s.problem === null,
    problem: s.problem,
    ratedWatts: s.ratedW,
    usableWh: s.usableWh,
    fuelHours: s.fuelHours,
    usedFromHours: outcome.usage.get(s.index)?.from ?? null,
    usedUntilHours: outcome.usage.get(s.index)?.until ?? null,
  }));

  const names = (idx: number[] = []) => idx.map((i) => byIndex.get(i)?.label ?? '').join('、');
  const srcName = (i?: number) => sources.find((s) => s.index === i)?.label ?? '';
  const timeline: TimelineEvent[] = outcome.events.map((e) => {
    if (e.kind === 'to_source')
      return { atHours: e.at, kind: e.kind, text: `${formatHours(e.at)}: ${names(e.devices)} は${e.at === 0 ? '自前のバッテリーがないため' : '自前のバッテリーが空になり'}${srcName(e.source)}から給電（平均負荷 ${w(e.load ?? 0)}）。` };
    if (e.kind === 'switch_source') return { atHours: e.at, kind: e.kind, text: `${formatHours(e.at)}: ${names(e.devices)} を${srcName(e.source)}に切り替え（平均負荷 ${w(e.load ?? 0)}）。` };
    if (e.kind === 'source_empty') return { atHours: e.at, kind: e.kind, text: `${formatHours(e.at)}: ${srcName(e.source)}が空になります。` };
    return { atHours: e.at, kind: e.kind, text: `${formatHours(e.at)}: 給電できる電源がなくなり、${names(e.devices)} が止まります。` };
  });
  // Devices still on their own batteries after the last source is gone stop later, one by one.
  if (T !== null)
    for (const p of [...prepared].filter((x) => x.ownHours > T + EPS).sort((x, y) => x.ownHours - y.ownHours))
      timeline.push({ atHours: p.ownHours, kind: 'device_stops', text: `${formatHours(p.ownHours)}: ${p.label} の自前のバッテリーが空になり、止まります。` });
  timeline.sort((x, y) => x.atHours - y.atHours);

  const manualAlternatives: ManualAlternativeResult[] = [];
  input.devices.forEach((d, index) => {
    const m = d.manualAlternative;
    if (!m) return;
    const label = MANUAL_ALTERNATIVE_LABELS[m.kind];
    let hours: number | null = null;
    let text = `${deviceLabel(d)}の代わりに${label}${m.note ? `（${m.note}）` : ''}を使えます。電源は要りませんが人の手が必要で、電源で動く時間には含めていません。`;
    if (m.kind === 'oxygen_cylinder' && m.cylinderLiters && m.flowLpm && m.flowLpm > 0) {
      const count = m.cylinderCount ?? 1;
      hours = (count * m.cylinderLiters) / (m.flowLpm * 60);
      text = `${label} ${count}本 × ${m.cylinderLiters}L ÷（指示流量 ${m.flowLpm}L/分 × 60分）= ${formatHours(hours)}、電源なしで酸素を吸入できます（${deviceLabel(d)}の停止後に使う想定。電源で動く時間には含めていません）。`;
    }
    manualAlternatives.push({ deviceIndex: index, deviceLabel: deviceLabel(d), kind: m.kind, label, hours, text });
  });

  const warnings: string[] = [];
  input.devices.forEach((d) => {
    if (d.essential && !(d.watts > 0)) warnings.push(`${deviceLabel(d)}: 消費電力（W）が未入力のため、時間の計算に含めていません。`);
    if (d.essential && d.watts > 0 && (d.internalBattery?.wh || d.internalBattery?.hours) && d.internalBattery?.ageYears == null)
      warnings.push(`${deviceLabel(d)}: 内部バッテリーの使用年数が未入力のため、新品として計算しています（実際はもっと短い可能性があります）。`);
  });
  for (const s of sources) {
    if (s.problem === 'no_capacity') warnings.push(`${s.label}: ${FUEL_KINDS.includes(s.kind) ? '燃料で動かせる時間' : '容量（Wh）'}が未入力のため使えない扱いにしています。`);
  }

  const averageWatts = prepared.reduce((s, p) => s + p.avgW, 0);
  const explanation = explain({ input, a, prepared, sources, peak, T, timeline, first, manualAlternatives });
  return {
    assumptionsVersion: a.version,
    runtimeHours: T,
    firstStop: first.map((f) => ({ index: f.index, label: f.label })),
    meetsTarget: T !== null && T + EPS >= a.targetHours,
    peakWatts: peak,
    averageWatts,
    devices,
    sources: srcOut,
    timeline,
    manualAlternatives,
    explanation,
    warnings,
  };
}

function explain(x: {
  input: PowerInput;
  a: PowerAssumptions;
  prepared: Prepared[];
  sources: PreparedSource[];
  peak: number;
  T: number | null;
  timeline: TimelineEvent[];
  first: Prepared[];
  manualAlternatives: ManualAlternativeResult[];
}): string[] {
  const { input, a } = x;
  const lines: string[] = [];
  lines.push(
    `前提: バッテリーの劣化は 容量 ×（1 − ${a.deratePerYear} × 使用年数）、下限 ${pct(a.derateFloor)}（例: 5時間のバッテリーは5年で約2.5時間）。蓄電池・ポータブル電源はインバーター効率 ${pct(a.inverterEfficiency)}。VA 表示の発電機は 力率 ${a.powerFactor} で W に換算。使う順番は 機器のバッテリー → 蓄電池・ポータブル電源 → 自動車 → 発電機。`,
  );
  lines.push('【1. 機器ごとの自前のバッテリー】');
  input.devices.forEach((d, i) => {
    const name = `${i + 1}. ${deviceLabel(d)}`;
    if (!d.essential) {
      lines.push(`${name}（必須ではない）: 停電中は使わない想定で、計算に含めていません。`);
      return;
    }
    if (!(d.watts > 0)) {
      lines.push(`${name}（必須）: 消費電力が未入力のため計算に含めていません。`);
      return;
    }
    const hpd = Math.min(24, Math.max(0, d.hoursPerDay ?? 24));
    const avg = avgWatts(d);
    const parts: string[] = [hpd >= 24 ? `消費電力 ${w(d.watts)}（連続使用）` : `消費電力 ${w(d.watts)} × 1日 ${hpd}時間使用 ÷ 24時間 = 平均 ${w(avg)}`];
    const ib = d.internalBattery;
    const ibWh = batteryWh(ib, d.watts);
    if (ibWh) {
      const f = ageFactor(ib?.ageYears, a);
      const from = ib?.wh ? wh(ibWh) : `${ib?.hours}時間 × ${w(d.watts)} = ${wh(ibWh)}`;
      parts.push(`内部バッテリー ${from}${f < 1 ? `、使用${ib?.ageYears}年で ${pct(f)} → ${wh(ibWh * f)}` : ''}`);
    } else parts.push('内部バッテリーなし');
    const ext = d.externalBatteries;
    const extEach = ext && ext.count > 0 ? batteryWh({ wh: ext.whEach, hours: ext.hoursEach }, d.watts) : null;
    if (ext && extEach) {
      const f = ageFactor(ext.ageYears, a);
      const from = ext.whEach ? `${ext.count}個 × ${wh(extEach)}` : `${ext.count}個 × ${ext.hoursEach}時間 × ${w(d.watts)}`;
      parts.push(`外部バッテリー ${from} = ${wh(ext.count * extEach)}${f < 1 ? `、使用${ext.ageYears}年で ${pct(f)} → ${wh(ext.count * extEach * f)}` : ''}`);
    }
    const own = ownWhOf(d, a);
    parts.push(own > 0 ? `合計 ${wh(own)} ÷ ${w(avg)} = ${formatHours(own / avg)}` : '停電と同時に共用電源が必要');
    lines.push(`${name}（必須）: ${parts.join('。')}。`);
  });
  lines.push(`必須機器を同時に使うときの合計 ${w(x.peak)}（電源の定格出力はこれ以上が必要）。`);
  lines.push('【2. 共用の電源（使う順）】');
  if (x.sources.length === 0) lines.push('共用の電源はありません。');
  x.sources.forEach((s, k) => {
    const head = `${String.fromCharCode(65 + k)}. ${s.label}: `;
    const src = input.backups[s.index]!;
    if (s.problem === 'modified_sine') {
      lines.push(`${head}修正正弦波（矩形波）のため、医療機器には使えません（故障・誤作動のおそれ）。計算に含めていません。`);
      return;
    }
    if (s.problem === 'no_capacity') {
      lines.push(`${head}${FUEL_KINDS.includes(s.kind) ? '燃料で動かせる時間' : '容量'}が未入力のため計算に含めていません。`);
      return;
    }
    const rating = s.ratedW === null ? '定格出力 未入力' : src.ratedWatts ? `定格 ${w(s.ratedW)}` : `定格 ${src.ratedVA}VA × 力率 ${a.powerFactor} = ${w(s.ratedW)}`;
    if (s.problem === 'overload') {
      lines.push(`${head}${rating} < 必須機器の合計 ${w(x.peak)} のため、過負荷で使えません。計算に含めていません。`);
      return;
    }
    if (s.usableWh !== null) {
      const f = ageFactor(src.ageYears, a);
      lines.push(`${head}容量 ${wh(src.capacityWh ?? 0)}${f < 1 ? `、使用${src.ageYears}年で ${pct(f)} → ${wh((src.capacityWh ?? 0) * f)}` : ''} × インバーター効率 ${pct(a.inverterEfficiency)} = 使える電力量 ${wh(s.usableWh)}。${rating}、正弦波 → 使えます。`);
    } else lines.push(`${head}燃料で ${formatHours(s.fuelHours ?? 0)} 動かせます。${rating}、正弦波 → 使えます。`);
  });
  lines.push('【3. 時間の流れ】');
  if (x.T === null) lines.push('電源で動く必須機器がないため、停電による停止時刻はありません。');
  else for (const e of x.timeline) lines.push(e.text);
  lines.push('【4. 結論】');
  if (x.T !== null)
    lines.push(
      `停電から約 ${formatHours(x.T)}で最初の必須機器（${x.first.map((f) => f.label).join('、')}）が止まります。${x.T + EPS >= a.targetHours ? `目標の${a.targetHours}時間を満たしています。` : `目標の${a.targetHours}時間まで、あと ${formatHours(a.targetHours - x.T)}足りません。`}`,
    );
  for (const m of x.manualAlternatives) lines.push(`手動の代替: ${m.text}`);
  return lines;
}

function suggest(input: PowerInput, base: Omit<RuntimeResult, 'suggestions'>, a: PowerAssumptions): Suggestion[] {
  const T = base.runtimeHours;
  if (T === null) return [];
  const out: Suggestion[] = [];
  const gain = (changed: PowerInput) => {
    const t2 = runtimeHoursOf(changed, a);
    return t2 === null ? null : t2 - T;
  };
  const withDevice = (i: number, d: PowerDeviceInput): PowerInput => ({ ...input, devices: input.devices.map((x, k) => (k === i ? d : x)) });
  const withSource = (i: number, s: BackupSourceInput): PowerInput => ({ ...input, backups: input.backups.map((x, k) => (k === i ? s : x)) });

  // One more external battery, per essential device whose battery size is known.
  const batteryGains: Suggestion[] = [];
  input.devices.forEach((d, i) => {
    if (!isPowered(d)) return;
    const ext = d.externalBatteries;
    const each = ext && ext.count > 0 ? batteryWh({ wh: ext.whEach, hours: ext.hoursEach }, d.watts) : null;
    const spare = each ?? batteryWh(d.internalBattery, d.watts);
    if (!spare) return;
    const changed: ExternalBatteries = each ? { ...ext!, count: ext!.count + 1 } : { count: 1, whEach: spare, ageYears: 0 };
    const g = gain(withDevice(i, { ...d, externalBatteries: changed }));
    if (g !== null && g > 0.05)
      batteryGains.push({ code: 'add_external_battery', gainHours: g, text: `${deviceLabel(d)}の${each ? '外部' : '予備'}バッテリー（${wh(spare)}）を1個追加すると +${formatHours(g)}` });
  });
  out.push(...batteryGains.sort((x, y) => (y.gainHours ?? 0) - (x.gainHours ?? 0)).slice(0, 2));

  base.sources.forEach((s) => {
    const src = input.backups[s.index]!;
    if (s.problem === 'modified_sine') {
      const g = gain(withSource(s.index, { ...src, pureSine: true }));
      out.push({ code: 'replace_modified_sine', gainHours: g, text: `${s.label}は修正正弦波のため医療機器に使えません。正弦波インバーターの蓄電池（ポータブル電源）へ置き換えると${g !== null && g > 0.05 ? ` +${formatHours(g)}` : '使えるようになります'}` });
    }
    if (s.problem === 'overload') {
      const need = Math.ceil(base.peakWatts / 50) * 50;
      const g = gain(withSource(s.index, { ...src, ratedWatts: need, ratedVA: null }));
      out.push({ code: 'larger_rating', gainHours: g, text: `${s.label}は定格出力が足りません。定格 ${need}W 以上の機種にすると${g !== null && g > 0.05 ? ` +${formatHours(g)}` : '使えるようになります'}` });
    }
  });

  // Aged batteries of the device(s) that stop first.
  for (const f of base.firstStop) {
    const d = input.devices[f.index]!;
    const aged = ageFactor(d.internalBattery?.ageYears, a) < 1 || ageFactor(d.externalBatteries?.ageYears, a) < 1;
    if (!aged) continue;
    const fresh: PowerDeviceInput = {
      ...d,
      internalBattery: d.internalBattery ? { ...d.internalBattery, ageYears: 0 } : d.internalBattery,
      externalBatteries: d.externalBatteries ? { ...d.externalBatteries, ageYears: 0 } : d.externalBatteries,
    };
    const g = gain(withDevice(f.index, fresh));
    if (g !== null && g > 0.05) out.push({ code: 'replace_aged_battery', gainHours: g, text: `${f.label}のバッテリーを新品に交換すると +${formatHours(g)}（劣化の想定による）` });
  }

  if (!base.sources.some((s) => s.usable)) {
    const ref: BackupSourceInput = { kind: 'portable_power', label: 'ポータブル電源', capacityWh: 1000, ratedWatts: Math.max(300, Math.ceil(base.peakWatts / 50) * 50), pureSine: true, ageYears: 0 };
    const g = gain({ ...input, backups: [...input.backups, ref] });
    out.push({ code: 'add_portable_power', gainHours: g, text: `正弦波のポータブル電源（容量 1,000Wh、定格 ${ref.ratedWatts}W）を用意すると${g !== null ? ` +${formatHours(g)}` : ''}（自治体の日常生活用具の給付・助成の対象か確認してください）` });
  }

  if (T + EPS < a.targetHours && base.averageWatts > 0) {
    const needWh = ((a.targetHours - T) * base.averageWatts) / a.inverterEfficiency;
    out.push({
      code: 'reach_target',
      gainHours: a.targetHours - T,
      text: `目標の${a.targetHours}時間には、正弦波の蓄電池があと約 ${wh(Math.ceil(needWh / 100) * 100)} 必要です（不足 ${formatHours(a.targetHours - T)} × 必須機器の平均 ${w(base.averageWatts)} ÷ 効率 ${pct(a.inverterEfficiency)}）`,
    });
  }
  return out;
}
