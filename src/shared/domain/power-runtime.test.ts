import { describe, expect, it } from 'vitest';
import {
  ageFactor,
  batteryWh,
  computeRuntime,
  formatHours,
  hoursFromWh,
  POWER_ASSUMPTIONS,
  runtimeHoursOf,
  sourceRatedWatts,
  wattsFromVA,
  whFromHours,
  type BackupSourceInput,
  type PowerDeviceInput,
} from './power-runtime.js';

const vent = (extra: Partial<PowerDeviceInput> = {}): PowerDeviceInput => ({ kind: 'ventilator', essential: true, watts: 60, internalBattery: { wh: 300 }, ...extra });
const portable = (extra: Partial<BackupSourceInput> = {}): BackupSourceInput => ({ kind: 'portable_power', capacityWh: 1000, ratedWatts: 500, pureSine: true, ...extra });

describe('units', () => {
  it('converts VA to W with the power factor, hours to Wh at the draw, and Wh back to hours', () => {
    expect(wattsFromVA(900)).toBeCloseTo(720); // 900 VA × 0.8
    expect(whFromHours(5, 60)).toBe(300);
    expect(hoursFromWh(300, 60)).toBe(5);
    expect(hoursFromWh(300, 0)).toBe(Infinity);
    expect(batteryWh({ hours: 5 }, 60)).toBe(300);
    expect(batteryWh({ wh: 200, hours: 5 }, 60)).toBe(200); // Wh wins when both are given
    expect(batteryWh({ hours: 5 }, 0)).toBeNull(); // hours need a draw to become Wh
    expect(sourceRatedWatts({ kind: 'generator', pureSine: true, ratedVA: 850 })).toBeCloseTo(680);
    expect(sourceRatedWatts({ kind: 'generator', pureSine: true, ratedWatts: 700, ratedVA: 850 })).toBe(700);
  });

  it('derates a battery by 10 % a year, never below half (DOMAIN §5: a 5 h battery gives 2–3 h after 5 years)', () => {
    expect(ageFactor(null)).toBe(1);
    expect(ageFactor(0)).toBe(1);
    expect(ageFactor(3)).toBeCloseTo(0.7);
    expect(ageFactor(5)).toBeCloseTo(0.5);
    expect(ageFactor(9)).toBe(0.5);
    const r = computeRuntime({ devices: [vent({ internalBattery: { hours: 5, ageYears: 5 } })], backups: [] });
    expect(r.runtimeHours).toBeCloseTo(2.5);
    expect(r.explanation.join('\n')).toContain('使用5年で 50%');
  });

  it('formats hours with one decimal in Japanese', () => {
    expect(formatHours(12.54)).toBe('12.5時間');
    expect(formatHours(3)).toBe('3時間');
    expect(formatHours(1234.5)).toBe('1,234.5時間');
  });
});

describe('a device on its own batteries', () => {
  it('runs internal + external batteries alone: (300 + 2 × 240 × 0.9) Wh ÷ 60 W = 12.2 h', () => {
    const r = computeRuntime({ devices: [vent({ externalBatteries: { count: 2, whEach: 240, ageYears: 1 } })], backups: [] });
    expect(r.runtimeHours).toBeCloseTo((300 + 2 * 240 * 0.9) / 60);
    expect(r.firstStop.map((f) => f.label)).toEqual(['人工呼吸器']);
    expect(r.devices[0]).toMatchObject({ ownWh: 732, sharedFromHours: null, stopsFirst: true });
  });

  it('stops at once when an essential device has no battery and there is no source', () => {
    const r = computeRuntime({ devices: [vent(), { kind: 'heated_humidifier', essential: true, watts: 100 }], backups: [] });
    expect(r.runtimeHours).toBe(0);
    expect(r.firstStop.map((f) => f.label)).toEqual(['加温加湿器']);
    // the ventilator still runs its own 5 h after that
    expect(r.devices[0]!.stopsAtHours).toBe(5);
    expect(r.timeline.map((e) => e.text)).toEqual(['0時間: 給電できる電源がなくなり、加温加湿器 が止まります。', '5時間: 人工呼吸器 の自前のバッテリーが空になり、止まります。']);
  });

  it('uses the average draw of a device that runs part of the day: 80 W × 2 h / 24 h, battery 0.5 h → 6 h', () => {
    const r = computeRuntime({ devices: [{ kind: 'suction', essential: true, watts: 80, hoursPerDay: 2, internalBattery: { hours: 0.5 } }], backups: [] });
    // 0.5 h × 80 W = 40 Wh; average 80 × 2 / 24 = 6.67 W; 40 / 6.67 = 6 h
    expect(r.runtimeHours).toBeCloseTo(6);
    expect(r.explanation.join('\n')).toContain('1日 2時間使用');
  });

  it('leaves out non-essential devices and devices without a draw (with a warning)', () => {
    const r = computeRuntime({
      devices: [vent(), { kind: 'nebulizer', essential: false, watts: 40 }, { kind: 'other', label: '見守りカメラ', essential: true, watts: 0 }],
      backups: [],
    });
    expect(r.runtimeHours).toBe(5);
    expect(r.devices[1]!.stopsAtHours).toBeNull();
    expect(r.warnings.join()).toContain('見守りカメラ: 消費電力（W）が未入力');
  });

  it('reports no runtime when no powered essential device is listed', () => {
    const r = computeRuntime({ devices: [{ kind: 'pulse_oximeter', essential: false, watts: 2 }], backups: [portable()] });
    expect(r.runtimeHours).toBeNull();
    expect(r.suggestions).toEqual([]);
  });
});

describe('shared sources', () => {
  it('powers devices in parallel: humidifier 100 W + concentrator 120 W on 1000 Wh × 0.85 → 850 / 220 = 3.86 h', () => {
    const r = computeRuntime({
      devices: [
        { kind: 'heated_humidifier', essential: true, watts: 100 },
        { kind: 'oxygen_concentrator', essential: true, watts: 120 },
      ],
      backups: [portable()],
    });
    expect(r.runtimeHours).toBeCloseTo(850 / 220);
    expect(r.firstStop).toHaveLength(2);
    expect(r.sources[0]).toMatchObject({ usable: true, usableWh: 850, usedFromHours: 0 });
    expect(r.sources[0]!.usedUntilHours).toBeCloseTo(850 / 220);
  });

  it('uses device batteries first, then carries each device on the source as its battery empties', () => {
    // ventilator 300 Wh own (5 h); pump 10 W without battery; 500 Wh × 0.85 = 425 Wh usable.
    // 0–5 h: pump alone on the source, 50 Wh → 375 Wh left; then 70 W: 375 / 70 = 5.357 h → 10.357 h.
    const r = computeRuntime({ devices: [vent(), { kind: 'feeding_pump', essential: true, watts: 10 }], backups: [portable({ capacityWh: 500 })] });
    expect(r.runtimeHours).toBeCloseTo(5 + 375 / 70);
    expect(r.devices.map((d) => d.sharedFromHours)).toEqual([5, 0]);
    expect(r.timeline.map((e) => e.kind)).toEqual(['to_source', 'to_source', 'source_empty', 'device_stops']);
    expect(r.explanation.join('\n')).toContain('5時間: 人工呼吸器 は自前のバッテリーが空になりポータブル電源から給電（平均負荷 70W）。');
  });

  it('excludes a modified-sine source from medical devices, says so, and computes what a pure-sine one would add', () => {
    const r = computeRuntime({ devices: [vent()], backups: [portable({ pureSine: false, label: 'シガーソケット用インバーター', kind: 'car', fuelHours: 10, capacityWh: null })] });
    expect(r.runtimeHours).toBe(5);
    expect(r.sources[0]).toMatchObject({ usable: false, problem: 'modified_sine' });
    expect(r.explanation.join('\n')).toContain('修正正弦波（矩形波）のため、医療機器には使えません');
    const s = r.suggestions.find((x) => x.code === 'replace_modified_sine')!;
    expect(s.gainHours).toBeCloseTo(10);
    expect(s.text).toContain('正弦波インバーターの蓄電池');
  });

  it('marks an overloaded source unusable and computes the gain of a larger rating', () => {
    const devices: PowerDeviceInput[] = [
      { kind: 'heated_humidifier', essential: true, watts: 100 },
      { kind: 'oxygen_concentrator', essential: true, watts: 120 },
    ];
    const r = computeRuntime({ devices, backups: [portable({ ratedWatts: 150 })] });
    expect(r.runtimeHours).toBe(0);
    expect(r.sources[0]).toMatchObject({ usable: false, problem: 'overload' });
    expect(r.explanation.join('\n')).toContain('定格 150W < 必須機器の合計 220W のため、過負荷で使えません');
    const s = r.suggestions.find((x) => x.code === 'larger_rating')!;
    expect(s.text).toContain('定格 250W 以上');
    expect(s.gainHours).toBeCloseTo(850 / 220);
  });

  it('uses sources in the order storage battery → portable → car → generator, whatever the input order', () => {
    const r = computeRuntime({
      devices: [{ kind: 'oxygen_concentrator', essential: true, watts: 100 }],
      backups: [
        { kind: 'generator', pureSine: true, ratedVA: 900, fuelHours: 8 },
        { kind: 'car', pureSine: true, ratedWatts: 1500, fuelHours: 20 },
        portable({ capacityWh: 200 }), // 170 Wh → 1.7 h
        { kind: 'storage_battery', pureSine: true, capacityWh: 1000, ratedWatts: 2000 }, // 850 Wh → 8.5 h
      ],
    });
    expect(r.sources.map((s) => s.kind)).toEqual(['storage_battery', 'portable_power', 'car', 'generator']);
    expect(r.sources.map((s) => s.usedFromHours)).toEqual([0, 8.5, 10.2, 30.2].map((x) => expect.closeTo(x, 6)));
    expect(r.runtimeHours).toBeCloseTo(8.5 + 1.7 + 20 + 8);
    expect(r.meetsTarget).toBe(false);
    expect(r.explanation.join('\n')).toContain('定格 900VA × 力率 0.8 = 720W');
  });

  it('lists manual alternatives separately: 2 cylinders × 500 L at 2 L/min = 8.3 h, not added to the powered runtime', () => {
    const r = computeRuntime({
      devices: [
        { kind: 'oxygen_concentrator', essential: true, watts: 120, manualAlternative: { kind: 'oxygen_cylinder', cylinderCount: 2, cylinderLiters: 500, flowLpm: 2 } },
        vent({ manualAlternative: { kind: 'resuscitation_bag' } }),
      ],
      backups: [],
    });
    expect(r.runtimeHours).toBe(0);
    expect(r.manualAlternatives).toHaveLength(2);
    expect(r.manualAlternatives[0]!.hours).toBeCloseTo(1000 / 120);
    expect(r.manualAlternatives[1]).toMatchObject({ hours: null, label: '蘇生バッグ（アンビューバッグ）' });
    expect(r.explanation.join('\n')).toContain('電源なしで酸素を吸入できます');
  });
});

describe('suggestions', () => {
  it('computes the gain of one more external battery: +240 Wh ÷ 60 W = +4 h', () => {
    const r = computeRuntime({ devices: [vent({ externalBatteries: { count: 1, whEach: 240 } })], backups: [] });
    const s = r.suggestions.find((x) => x.code === 'add_external_battery')!;
    expect(s.gainHours).toBeCloseTo(4);
    expect(s.text).toBe('人工呼吸器の外部バッテリー（240Wh）を1個追加すると +4時間');
  });

  it('suggests new batteries when ageing limits the first device, and a portable power station when there is no usable source', () => {
    const r = computeRuntime({ devices: [vent({ internalBattery: { hours: 5, ageYears: 5 } })], backups: [] });
    expect(r.suggestions.find((x) => x.code === 'replace_aged_battery')!.gainHours).toBeCloseTo(2.5);
    // 1000 Wh × 0.85 / 60 W = 14.17 h more
    expect(r.suggestions.find((x) => x.code === 'add_portable_power')!.gainHours).toBeCloseTo(850 / 60);
    const target = r.suggestions.find((x) => x.code === 'reach_target')!;
    // (72 − 2.5) h × 60 W ÷ 0.85 = 4906 Wh → rounded up to 4,906 → 5,000
    expect(target.text).toContain('約 5,000Wh');
  });

  it('stores the assumptions version so saved runtimes can be recomputed when they change', () => {
    expect(computeRuntime({ devices: [vent()], backups: [] }).assumptionsVersion).toBe(POWER_ASSUMPTIONS.version);
    expect(runtimeHoursOf({ devices: [vent()], backups: [] })).toBe(5);
  });
});
