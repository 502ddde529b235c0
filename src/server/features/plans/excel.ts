// Excel exports in the 様式 layout (merged title and header cells, one row per need / goal, the
// 週間計画表 as an hour grid × 月–土・日祝), following the layout of the client's 支給決定市区町村
// (excel-layouts.ts).
// Dates are written as UTC midnight so Excel shows the calendar date whatever the zone
// (shared/notes/auth-jobs-probe.md §4).
import ExcelJS from 'exceljs';
import { ACHIEVEMENT_LABELS, PLAN_KIND_LABELS, WEEKDAYS, WEEKDAY_COLUMN_LABELS } from '../../../shared/contracts/plans.js';
import { parseIsoDate } from '../../../shared/calendar-date.js';
import type { MonitoringOut, PlanOut } from './documents.js';
import { layoutFor, type ExcelLayout } from './excel-layouts.js';
import type { ClientHead } from './print.js';

const FONT = 'ＭＳ Ｐゴシック';
const utc = (iso: string | null | undefined) => {
  if (!iso) return null;
  const { year, month, day } = parseIsoDate(iso);
  return new Date(Date.UTC(year, month - 1, day));
};
const border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;

function sheet(wb: ExcelJS.Workbook, name: string, widths: number[]) {
  const ws = wb.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = widths.map((w) => ({ width: w }));
  return ws;
}

function titleRow(ws: ExcelJS.Worksheet, text: string, cols: number, form?: string, city?: string | null) {
  ws.mergeCells(1, 1, 1, cols);
  const c = ws.getCell(1, 1);
  c.value = text;
  c.font = { name: FONT, size: 14, bold: true };
  c.alignment = { horizontal: 'center' };
  // Row 2: the form's number on the left, the 支給決定市区町村 (where it is submitted) on the right.
  if (form) ws.getCell(2, 1).value = form;
  if (city) {
    ws.getCell(2, cols).value = `${city} 提出`;
    ws.getCell(2, cols).alignment = { horizontal: 'right' };
  }
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The 週間計画表 as the 様式 draws it: a row per hour, a column per day (月–土, 日・祝) and a last
 * column for 主な日常生活上の活動; each entry is written into every hour it covers (the first
 * with its times), services and daily activities alike. Below: 週単位以外のサービス and
 * サービス提供によって実現する生活の全体像. Returns the row after the grid.
 */
export function weeklyGrid(ws: ExcelJS.Worksheet, startRow: number, p: PlanOut, grid: ExcelLayout['weeklyGrid']) {
  const cols = WEEKDAYS.length + 2;
  const header = ws.getRow(startRow);
  ['時刻', ...WEEKDAYS.map((d) => WEEKDAY_COLUMN_LABELS[d]), '主な日常生活上の活動'].forEach((h, i) => {
    const c = header.getCell(i + 1);
    c.value = h;
    c.font = { name: FONT, bold: true };
    c.alignment = { horizontal: 'center' };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
    c.border = border;
  });
  const hours = grid.endHour - grid.startHour;
  for (let h = 0; h < hours; h++) {
    const row = ws.getRow(startRow + 1 + h);
    row.getCell(1).value = `${String(grid.startHour + h).padStart(2, '0')}:00`;
    for (let k = 1; k <= cols; k++) {
      row.getCell(k).border = border;
      row.getCell(k).alignment = { wrapText: true, vertical: 'top' };
    }
  }
  const sorted = [...p.weekly.entries].sort((a, b) => a.start.localeCompare(b.start));
  for (const e of sorted) {
    const col = WEEKDAYS.indexOf(e.day) + 2;
    const from = Math.max(grid.startHour * 60, minutes(e.start));
    const to = Math.min(grid.endHour * 60, minutes(e.end));
    for (let h = Math.floor(from / 60); h * 60 < to; h++) {
      const cell = ws.getCell(startRow + 1 + h - grid.startHour, col);
      const text = h === Math.floor(from / 60) ? `${e.start}–${e.end} ${e.label}${e.kind === 'service' ? '' : '（生活）'}` : `↓ ${e.label}`;
      cell.value = cell.value ? `${String(cell.value)}\n${text}` : text;
    }
  }
  // 主な日常生活上の活動 beside the grid, merged over its height.
  ws.mergeCells(startRow + 1, cols, startRow + hours, cols);
  ws.getCell(startRow + 1, cols).value = p.weekly.dailyActivities;
  let r = startRow + hours + 2;
  r = textBlock(ws, r, '週単位以外のサービス', p.weekly.nonWeeklyServices, cols);
  r = textBlock(ws, r, 'サービス提供によって実現する生活の全体像', p.weekly.overallLife, cols);
  return r;
}

/** Label/value pairs laid out as [label][value merged over n cells]. */
function headerBlock(ws: ExcelJS.Worksheet, startRow: number, pairs: [string, string | Date | null][], cols: number) {
  let r = startRow;
  const half = Math.floor(cols / 2);
  for (let i = 0; i < pairs.length; i += 2) {
    const row = ws.getRow(r);
    const put = (pair: [string, string | Date | null] | undefined, col: number, span: number) => {
      if (!pair) return;
      row.getCell(col).value = pair[0];
      row.getCell(col).font = { name: FONT, bold: true };
      row.getCell(col).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
      ws.mergeCells(r, col + 1, r, col + span - 1);
      const v = row.getCell(col + 1);
      v.value = pair[1];
      if (pair[1] instanceof Date) v.numFmt = 'yyyy/mm/dd';
      for (let k = col; k < col + span; k++) row.getCell(k).border = border;
    };
    put(pairs[i], 1, half);
    put(pairs[i + 1], half + 1, cols - half);
    r++;
  }
  return r;
}

function tableBlock(ws: ExcelJS.Worksheet, startRow: number, headers: string[], rows: (string | number | Date | null)[][]) {
  const h = ws.getRow(startRow);
  headers.forEach((t, i) => {
    const c = h.getCell(i + 1);
    c.value = t;
    c.font = { name: FONT, bold: true };
    c.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
    c.border = border;
  });
  rows.forEach((values, j) => {
    const row = ws.getRow(startRow + 1 + j);
    values.forEach((v, i) => {
      const c = row.getCell(i + 1);
      c.value = v;
      c.alignment = { wrapText: true, vertical: 'top' };
      c.border = border;
      if (v instanceof Date) c.numFmt = 'yyyy/mm/dd';
    });
  });
  return startRow + 1 + rows.length;
}

function textBlock(ws: ExcelJS.Worksheet, row: number, label: string, text: string, cols: number) {
  ws.getCell(row, 1).value = label;
  ws.getCell(row, 1).font = { name: FONT, bold: true };
  ws.getCell(row, 1).border = border;
  ws.mergeCells(row, 2, row, cols);
  const c = ws.getCell(row, 2);
  c.value = text;
  c.alignment = { wrapText: true, vertical: 'top' };
  c.border = border;
  ws.getRow(row).height = Math.min(200, 15 * Math.max(2, Math.ceil(text.length / 80)));
  return row + 1;
}

export async function planWorkbook(c: ClientHead, p: PlanOut, layout: ExcelLayout = layoutFor(c.municipalityCode)): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'tsunagu つなぐ';
  const cols = 9;
  const draft = p.status === 'draft';
  const ws = sheet(wb, '計画', [8, 28, 24, 10, 30, 20, 20, 10, 20]);
  titleRow(ws, `${PLAN_KIND_LABELS[p.kind]}${draft ? '（案）' : ''}\u3000第${p.revision}版`, cols, draft ? layout.forms.planDraft : layout.forms.plan, c.municipalityName);
  let r = headerBlock(
    ws,
    3,
    [
      ['利用者氏名', `${c.name}（${c.nameKana}）`],
      ['生年月日', utc(c.birthDate)],
      ['保護者氏名（続柄）', `${p.header.guardianName}${p.header.guardianRelation ? `（${p.header.guardianRelation}）` : ''}`],
      ['障害支援区分', p.header.supportCategory],
      ['受給者証番号', p.header.recipientNumber],
      ['利用者負担上限額', p.header.costCap],
      ['相談支援事業者名', p.header.officeName],
      ['計画作成担当者', p.header.plannerName],
      ['計画作成日', utc(p.createdOn)],
      ['モニタリング期間', `${p.monitoringPeriodMonths}か月ごと${p.isNewPlan ? '（開始から3か月間は毎月）' : ''}`],
      ['計画開始日', utc(p.startDate)],
      ['利用者同意署名', p.agreedOn ? `${p.agreedBy ?? ''}（${p.agreedOn}）` : ''],
    ],
    cols,
  );
  r = textBlock(ws, r + 1, '利用者及びその家族の生活に対する意向', p.wishes, cols);
  r = textBlock(ws, r, '総合的な援助の方針', p.policy, cols);
  r = textBlock(ws, r, '長期目標', p.longTermGoal, cols);
  r = textBlock(ws, r, '短期目標', p.shortTermGoal, cols);
  tableBlock(
    ws,
    r + 1,
    [...layout.needsHeadings],
    [...p.needs]
      .sort((a, b) => a.priority - b.priority)
      .map((n) => [
        n.priority,
        n.issue,
        n.goal,
        n.achieveBy,
        n.services.map((s) => [s.serviceType, s.content, s.amount].filter(Boolean).join(' / ')).join('\n'),
        n.services.map((s) => s.officeName).filter(Boolean).join('\n'),
        n.selfRole,
        n.evaluateBy,
        n.notes,
      ]),
  );
  const wk = sheet(wb, '週間計画表', [8, 16, 16, 16, 16, 16, 16, 16, 28]);
  wk.pageSetup.orientation = 'portrait';
  titleRow(wk, `週間計画表（${PLAN_KIND_LABELS[p.kind]}${draft ? '（案）' : ''} 第${p.revision}版）`, WEEKDAYS.length + 2, draft ? layout.forms.weeklyDraft : layout.forms.weekly, c.municipalityName);
  wk.getCell(3, 1).value = `利用者氏名 ${c.name}（${c.nameKana}）\u3000計画開始日 ${p.startDate}`;
  weeklyGrid(wk, 4, p, layout.weeklyGrid);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function monitoringWorkbook(c: ClientHead, m: MonitoringOut, plan: PlanOut | null, layout: ExcelLayout = layoutFor(c.municipalityCode)): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'tsunagu つなぐ';
  const cols = 9;
  const ws = sheet(wb, 'モニタリング報告書', [8, 26, 10, 26, 22, 10, 24, 16, 20]);
  titleRow(ws, `モニタリング報告書（${plan ? PLAN_KIND_LABELS[plan.kind] : '計画'} 第${m.planRevision}版）`, cols, layout.forms.monitoring, c.municipalityName);
  let r = headerBlock(
    ws,
    3,
    [
      ['利用者氏名', `${c.name}（${c.nameKana}）`],
      ['生年月日', utc(c.birthDate)],
      ['実施日', utc(m.conductedOn)],
      ['実施場所', m.place],
      ['計画作成担当者', plan?.header.plannerName ?? m.authorName],
      ['相談支援事業者名', plan?.header.officeName ?? ''],
    ],
    cols,
  );
  r = textBlock(ws, r + 1, '全体の状況', m.overall, cols);
  r = tableBlock(
    ws,
    r + 1,
    [...layout.monitoringHeadings],
    m.goals.map((g) => [g.priority, g.goal, g.achieveBy, g.serviceStatus, g.satisfaction, ACHIEVEMENT_LABELS[g.achievement], g.issues, `${g.changeType ? '有' : '無'}/${g.changeAmount ? '有' : '無'}/${g.changeWeekly ? '有' : '無'}`, g.notes]),
  );
  ws.getCell(r + 1, 1).value = `計画の見直し: ${m.planChangeNeeded ? '必要' : '不要'}`;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
