// Excel exports in the 様式 layout (merged title and header cells, one row per need / goal).
// Dates are written as UTC midnight so Excel shows the calendar date whatever the zone
// (shared/notes/auth-jobs-probe.md §4).
import ExcelJS from 'exceljs';
import { ACHIEVEMENT_LABELS, PLAN_KIND_LABELS } from '../../../shared/contracts/plans.js';
import { parseIsoDate } from '../../../shared/calendar-date.js';
import type { MonitoringOut, PlanOut } from './documents.js';
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

function titleRow(ws: ExcelJS.Worksheet, text: string, cols: number) {
  ws.mergeCells(1, 1, 1, cols);
  const c = ws.getCell(1, 1);
  c.value = text;
  c.font = { name: FONT, size: 14, bold: true };
  c.alignment = { horizontal: 'center' };
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

export async function planWorkbook(c: ClientHead, p: PlanOut): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'tsunagu つなぐ';
  const cols = 9;
  const ws = sheet(wb, '計画', [8, 28, 24, 10, 30, 20, 20, 10, 20]);
  titleRow(ws, `${PLAN_KIND_LABELS[p.kind]}${p.status === 'draft' ? '（案）' : ''}\u3000第${p.revision}版`, cols);
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
    ['優先順位', '解決すべき課題（本人のニーズ）', '支援目標', '達成時期', '福祉サービス等 種類・内容・量', '提供事業者名', '本人の役割', '評価時期', 'その他留意事項'],
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
  const wk = sheet(wb, '週間計画表', [10, 16, 16, 16, 16, 16, 16, 16]);
  titleRow(wk, '週間計画表', 8);
  tableBlock(
    wk,
    3,
    ['開始', '終了', '曜日', '区分', '内容', '', '', ''].slice(0, 5),
    [...p.weekly.entries]
      .sort((a, b) => a.day.localeCompare(b.day) || a.start.localeCompare(b.start))
      .map((e) => [e.start, e.end, { mon: '月', tue: '火', wed: '水', thu: '木', fri: '金', sat: '土', sun_holiday: '日・祝' }[e.day], e.kind === 'service' ? 'サービス' : '日常の活動', e.label]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function monitoringWorkbook(c: ClientHead, m: MonitoringOut, plan: PlanOut | null): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'tsunagu つなぐ';
  const cols = 9;
  const ws = sheet(wb, 'モニタリング報告書', [8, 26, 10, 26, 22, 10, 24, 16, 20]);
  titleRow(ws, `モニタリング報告書（${plan ? PLAN_KIND_LABELS[plan.kind] : '計画'} 第${m.planRevision}版）`, cols);
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
    ['優先順位', '支援目標', '達成時期', 'サービス提供状況', '本人の感想・満足度', '達成度', '今後の課題・解決方法', '計画変更の必要性（種類/量/週間）', 'その他留意事項'],
    m.goals.map((g) => [g.priority, g.goal, g.achieveBy, g.serviceStatus, g.satisfaction, ACHIEVEMENT_LABELS[g.achievement], g.issues, `${g.changeType ? '有' : '無'}/${g.changeAmount ? '有' : '無'}/${g.changeWeekly ? '有' : '無'}`, g.notes]),
  );
  ws.getCell(r + 1, 1).value = `計画の見直し: ${m.planChangeNeeded ? '必要' : '不要'}`;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
