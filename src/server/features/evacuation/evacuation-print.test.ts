// The printed plan stays on one A4 sheet — two at most (issue #7) — even for a child with many
// devices, supporters, contacts and medicines: the long plan is laid out compactly, and nothing
// a supporter needs (names, phones, the battery table, every medicine) is left out.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EvacuationPlanBodySchema } from '../../../shared/contracts/evacuation.js';
import { computeRuntime } from '../../../shared/domain/power-runtime.js';
import { renderEvacuationPlan } from './evacuation-print.js';

const pages = (buf: Buffer) => (buf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
function pdfText(buf: Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'evac-print-')), 'x.pdf');
  writeFileSync(file, buf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

/** A medically complex child's plan, `n` times the usual number of entries. */
function plan(n: number) {
  return EvacuationPlanBodySchema.parse({
    register: { name: '架空 はると', nameKana: 'かくう はると', birthDate: '2020-01-01', sex: 'male', address: '千葉県松戸市架空町1-2-3 架空マンション101号室', phone: '090-0000-0000', household: '両親と兄弟2人。父は平日日中不在。' },
    supportReason: '人工呼吸器を24時間使用し、自力で移動できない。吸引が1時間ごとに必要。',
    supporters: Array.from({ length: 3 * n }, (_, i) => ({ name: `支援者${i + 1}`, relation: '近所', phone: `090-1111-${String(1000 + i)}`, role: '呼吸器とバッテリーを運ぶ、安否確認、避難所への連絡' })),
    destination: { kind: 'welfare_shelter', name: '架空福祉避難所', transport: ['car', 'wheelchair'], routeNotes: '県道は冠水しやすいので市道を通る。エレベーターが止まるため階段で下ろす（大人2人必要）。' },
    medicalContacts: Array.from({ length: 4 * n }, (_, i) => ({ kind: (['hospital', 'doctor', 'visiting_nurse', 'device_dealer'] as const)[i % 4], name: `連絡先${i + 1} 架空病院 小児科`, phone: '047-000-0000', available24h: i % 2 === 0, note: '夜間は救急外来' })),
    medications: Array.from({ length: 5 * n }, (_, i) => ({ name: `薬${i + 1}`, stockDays: 7 })),
    consumables: Array.from({ length: 5 * n }, (_, i) => ({ name: `消耗品${i + 1}`, stockDays: 10 })),
    powerRegistration: { registered: true, registeredOn: '2026-04-10', company: '東京電力パワーグリッド' },
    devices: [
      { kind: 'ventilator', essential: true, watts: 60, internalBattery: { hours: 6, ageYears: 2 }, externalBatteries: { count: 2, whEach: 240, ageYears: 1 }, manualAlternative: { kind: 'resuscitation_bag' } },
      { kind: 'suction', essential: true, watts: 80, hoursPerDay: 2, internalBattery: { hours: 1.5, ageYears: 2 }, manualAlternative: { kind: 'foot_suction' } },
      { kind: 'feeding_pump', essential: true, watts: 5, internalBattery: { hours: 8, ageYears: 1 } },
      { kind: 'oxygen_concentrator', essential: true, watts: 120, manualAlternative: { kind: 'oxygen_cylinder', cylinderCount: 2, cylinderLiters: 500, flowLpm: 1 } },
      { kind: 'heated_humidifier', essential: true, watts: 100 },
      { kind: 'pulse_oximeter', essential: false, watts: 2, internalBattery: { hours: 24 } },
    ].slice(0, 3 * n),
    backups: [
      { kind: 'portable_power', label: 'ポータブル電源', capacityWh: 1000, ratedWatts: 1000, pureSine: true, ageYears: 1 },
      { kind: 'car', label: '自家用車', ratedWatts: 1500, pureSine: true, fuelHours: 20 },
      { kind: 'generator', label: '発電機', ratedVA: 900, pureSine: true, fuelHours: 8 },
    ].slice(0, n + 1),
    notes: '停電時はまず訪問看護ステーションに連絡する。',
  });
}

const print = (n: number) => {
  const body = plan(n);
  return renderEvacuationPlan({ version: 3, status: 'approved', body, runtime: computeRuntime(body), approvedAt: '2026-11-01T00:00:00Z', approvedByName: '松戸 市子', reviewDueOn: '2027-11-01' });
};

describe('the printed plan', () => {
  it('keeps the step-by-step explanation on the usual plan’s two pages', async () => {
    const buf = await print(1);
    expect(pages(buf)).toBeLessThanOrEqual(2);
    const text = pdfText(buf);
    expect(text).toContain('時間の計算のしかた');
    expect(text).toContain('前提');
  });

  it('fits a long plan (6 devices, 9 supporters, 12 contacts, 30 stock items) on two pages with everything a supporter needs', async () => {
    const buf = await print(3);
    expect(pages(buf)).toBe(2);
    const text = pdfText(buf);
    expect(text).toContain('電源がなくなるまでの時間（バッテリー表）');
    for (let i = 1; i <= 9; i++) expect(text).toContain(`支援者${i}`);
    for (let i = 1; i <= 9; i++) expect(text).toContain(`090-1111-${1000 + i - 1}`);
    for (let i = 1; i <= 15; i++) expect(text).toContain(`薬${i}（7日分）`);
    for (let i = 1; i <= 15; i++) expect(text).toContain(`消耗品${i}（10日分）`);
    for (const s of ['人工呼吸器', '吸引器', '経管栄養ポンプ', '酸素濃縮装置', '架空福祉避難所', '連絡先12']) expect(text).toContain(s);
    // The explanation is left to the screen, which says so.
    expect(text).toContain('つなぐの個別避難計画の画面で確認できます');
  });
});
