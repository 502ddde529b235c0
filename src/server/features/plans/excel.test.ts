// The Excel 様式 workbooks opened again with ExcelJS: header cells, the needs table in the
// layout's column order, the 週間計画表 as an hour grid, and a city's layout overriding the
// national one.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { MonitoringOut, PlanOut } from './documents.js';
import { monitoringWorkbook, planWorkbook } from './excel.js';
import { CITY_LAYOUTS, NATIONAL_LAYOUT, layoutFor } from './excel-layouts.js';

const head = { name: '青木 あかり', nameKana: 'あおき あかり', birthDate: '2022-05-10', sex: 'female', municipalityName: '柏市', municipalityCode: '12217' };

const plan = {
  id: 'p1',
  clientId: 'c1',
  kind: 'child',
  status: 'draft',
  revision: 2,
  createdOn: '2026-04-01',
  startDate: '2026-04-01',
  reviewDate: null,
  monitoringPeriodMonths: 3,
  isNewPlan: true,
  agreedOn: null,
  agreedBy: null,
  header: { guardianName: '青木 まゆ', guardianRelation: '母', supportCategory: '', recipientNumber: '1234567890', costCap: '4,600円', officeName: '相談支援センターつなぐ', plannerName: '鈴木 一郎' },
  wishes: '母の就労と日中の医療的ケアの両立',
  policy: '方針',
  longTermGoal: '長期',
  shortTermGoal: '短期',
  needs: [
    { priority: 2, issue: '入浴', goal: '週2回の入浴', achieveBy: '6か月', services: [{ serviceType: '居宅介護', content: '入浴介助', amount: '週2回', officeId: null, officeName: 'ヘルパーA' }], selfRole: '', evaluateBy: '3か月', notes: '' },
    { priority: 1, issue: '日中の居場所', goal: '児発に週3回', achieveBy: '3か月', services: [{ serviceType: '児童発達支援', content: '', amount: '週3回', officeId: null, officeName: '児発B' }], selfRole: '', evaluateBy: '3か月', notes: '' },
  ],
  weekly: {
    entries: [
      { day: 'mon', start: '10:00', end: '14:30', kind: 'service', label: '児発B', officeId: null },
      { day: 'sun_holiday', start: '07:00', end: '08:00', kind: 'activity', label: '注入', officeId: null },
      { day: 'wed', start: '05:00', end: '07:00', kind: 'activity', label: '早朝の吸引', officeId: null },
    ],
    dailyActivities: '朝夕の注入と吸引',
    nonWeeklyServices: '短期入所（月1回）',
    overallLife: '母が週3日働ける',
  },
} as unknown as PlanOut;

async function open(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  return wb;
}

describe('plan workbook', () => {
  it('writes the header, the needs in priority order under the layout headings, and the form number', async () => {
    const wb = await open(await planWorkbook(head, plan));
    const ws = wb.getWorksheet('計画')!;
    expect(String(ws.getCell('A1').value)).toBe('障害児支援利用計画（案）\u3000第2版');
    expect(ws.getCell('A2').value).toBe('様式1-1');
    expect(ws.getCell('I2').value).toBe('柏市 提出');
    expect(ws.getCell('A3').value).toBe('利用者氏名');
    expect(ws.getCell('B3').value).toBe('青木 あかり（あおき あかり）');
    let headRow = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === '優先順位') headRow = n;
    });
    expect(headRow).toBeGreaterThan(0);
    expect(NATIONAL_LAYOUT.needsHeadings.map((_, i) => ws.getCell(headRow, i + 1).value)).toEqual([...NATIONAL_LAYOUT.needsHeadings]);
    expect(ws.getCell(headRow + 1, 1).value).toBe(1);
    expect(ws.getCell(headRow + 1, 2).value).toBe('日中の居場所');
    expect(ws.getCell(headRow + 1, 6).value).toBe('児発B');
    expect(ws.getCell(headRow + 2, 5).value).toBe('居宅介護 / 入浴介助 / 週2回');
  });

  it('draws the 週間計画表 as an hour grid × 月–土・日祝 with the daily activities beside it', async () => {
    const wb = await open(await planWorkbook(head, plan));
    const wk = wb.getWorksheet('週間計画表')!;
    expect(wk.getCell('A2').value).toBe('様式1-2');
    // Row 4: headings; row 5 = 06:00 (national grid 6–24 h).
    expect([1, 2, 8, 9].map((c) => wk.getCell(4, c).value)).toEqual(['時刻', '月', '日・祝', '主な日常生活上の活動']);
    expect(wk.getCell(5, 1).value).toBe('06:00');
    expect(wk.getCell(4 + 18, 1).value).toBe('23:00');
    const at = (hour: number, col: number) => wk.getCell(5 + hour - 6, col).value;
    expect(at(10, 2)).toBe('10:00–14:30 児発B');
    expect(at(11, 2)).toBe('↓ 児発B');
    expect(at(14, 2)).toBe('↓ 児発B');
    expect(at(15, 2)).toBeNull();
    expect(at(7, 8)).toBe('07:00–08:00 注入（生活）');
    // An entry starting before the grid is cut at its first hour.
    expect(at(6, 4)).toBe('06:00–07:00 早朝の吸引（生活）'.replace('06:00', '05:00'));
    expect(wk.getCell(5, 9).value).toBe('朝夕の注入と吸引');
    expect(wk.model.merges).toContain('I5:I22');
    const texts: unknown[] = [];
    wk.eachRow((row) => row.eachCell((c) => texts.push(c.value)));
    expect(texts).toEqual(expect.arrayContaining(['週単位以外のサービス', '短期入所（月1回）', '母が週3日働ける']));
  });

  it('follows a city layout where it differs from the national one (form numbers, grid hours)', async () => {
    const table = { ...CITY_LAYOUTS, '12217': { city: '柏市', forms: { ...NATIONAL_LAYOUT.forms, planDraft: '柏市様式A' }, weeklyGrid: { startHour: 5, endHour: 22 } } };
    const layout = layoutFor('122173', table);
    expect(layout.id).toBe('mhlw:柏市');
    const wb = await open(await planWorkbook(head, plan, layout));
    expect(wb.getWorksheet('計画')!.getCell('A2').value).toBe('柏市様式A');
    const wk = wb.getWorksheet('週間計画表')!;
    expect(wk.getCell(5, 1).value).toBe('05:00');
    expect(wk.getCell(5, 4).value).toBe('05:00–07:00 早朝の吸引（生活）');
    expect(wk.getCell(4 + 17, 1).value).toBe('21:00');
    expect(wk.model.merges).toContain('I5:I21');
  });

  it('uses the national layout for every city without its own form, and for unknown codes', () => {
    for (const code of Object.keys(CITY_LAYOUTS)) expect(layoutFor(code).forms).toEqual(NATIONAL_LAYOUT.forms);
    expect(layoutFor('99999')).toBe(NATIONAL_LAYOUT);
    expect(layoutFor(null)).toBe(NATIONAL_LAYOUT);
  });
});

describe('monitoring workbook', () => {
  it('writes the per-goal table under the layout headings with the 達成度 in Japanese', async () => {
    const m = {
      id: 'm1', clientId: 'c1', planId: 'p1', planRevision: 2, conductedOn: '2026-06-20', place: '自宅', overall: '安定', planChangeNeeded: true, authorName: '鈴木 一郎', version: 1, updatedAt: '',
      goals: [{ priority: 1, goal: '児発に週3回', achieveBy: '3か月', serviceStatus: '週3回通所', satisfaction: '楽しい', achievement: 'partly', issues: '送迎', changeType: false, changeAmount: true, changeWeekly: false, notes: '' }],
    } as unknown as MonitoringOut;
    const wb = await open(await monitoringWorkbook(head, m, plan));
    const ws = wb.getWorksheet('モニタリング報告書')!;
    expect(ws.getCell('A2').value).toBe('様式3-1');
    let headRow = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === '優先順位') headRow = n;
    });
    expect(NATIONAL_LAYOUT.monitoringHeadings.map((_, i) => ws.getCell(headRow, i + 1).value)).toEqual([...NATIONAL_LAYOUT.monitoringHeadings]);
    expect([2, 6, 8].map((c) => ws.getCell(headRow + 1, c).value)).toEqual(['児発に週3回', '一部達成', '無/有/無']);
    expect(ws.getCell(headRow + 3, 1).value).toBe('計画の見直し: 必要');
  });
});
