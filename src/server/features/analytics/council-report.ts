// Council report (issue #8 item 4): the document a coordinator brings to the 連携推進会議.
// Built once from the figures at creation — suppressed for the council (never with the
// creator's own-city detail, since the report is shared) — and stored, so the PDF printed later
// shows the same numbers. Includes the largest gaps and the changes since the previous report
// of the same area (or the latest snapshot).
import { desc, eq } from 'drizzle-orm';
import { ANALYTICS_SECTION_LABELS, suppressedMarker, type CreateReport, type Figure, type Report, type TrendMetric } from '../../../shared/contracts/analytics.js';
import { TREND_METRICS } from '../../../shared/contracts/analytics.js';
import { isSmallCount } from '../../../shared/domain/analytics-metrics.js';
import type { Db } from '../../db/client.js';
import { analyticsReport } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import { notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { contentWidth, createPdf, ensureSpace, fields, finish, heading, paragraph, table, title } from '../../lib/pdf.js';
import { resolveQuery } from './area.js';
import { buildSection, loadFacts, type AnalyticsConfig } from './analytics-views.js';
import { gapText } from './build-figures.js';
import { drawChart } from './report-charts.js';
import { latestSnapshotValues } from './snapshots.js';
import { councilViewer, type Viewer } from './suppression.js';
import { TREND_METRIC_INFO, additiveValues, regionalValues } from './trend-metrics.js';

const pdfUrl = (id: string) => `/api/analytics/reports/${id}/pdf`;

function suppressMetric(metric: TrendMetric, v: number | undefined, viewer: Viewer) {
  if (v === undefined) return null;
  return TREND_METRIC_INFO[metric].clientCount && isSmallCount(v, viewer.threshold) ? suppressedMarker(viewer.threshold) : v;
}

function changeRows(before: Record<string, number> | null, now: Record<string, number>, viewer: Viewer) {
  return TREND_METRICS.filter((m) => now[m] !== undefined || before?.[m] !== undefined).map((metric) => {
    const a = before ? suppressMetric(metric, before[metric] ?? (TREND_METRIC_INFO[metric].kind === 'additive' ? 0 : undefined), viewer) : null;
    const b = suppressMetric(metric, now[metric], viewer);
    const info = TREND_METRIC_INFO[metric];
    return { metric, label: info.label, section: info.section, a, b, change: typeof a === 'number' && typeof b === 'number' ? Math.round((b - a) * 10000) / 10000 : null };
  });
}

function serialize(row: typeof analyticsReport.$inferSelect): Report {
  return { id: row.id, title: row.title, area: row.summary.area, asOf: row.asOf, period: { from: row.periodFrom, to: row.periodTo }, sections: row.sections, createdAt: row.createdAt.toISOString(), createdByName: row.createdByName, gaps: row.summary.gaps, changes: row.summary.changes, pdfUrl: pdfUrl(row.id) };
}

export async function createCouncilReport(opts: { db: Db; actor: Actor; config: AnalyticsConfig; input: CreateReport }): Promise<Report> {
  const { input } = opts;
  const r = await resolveQuery(opts.db, input);
  const viewer = councilViewer(opts.config.suppressBelow);
  const sections = [...new Set(input.sections)];
  const facts = await loadFacts(opts.db, r, ['demand', 'supply', 'gaps', 'people', 'referrals', 'preparedness', 'network'], opts.config);
  const figures: Figure[] = sections.flatMap((s) => buildSection(s, facts, r, viewer).figures);
  const gapFig = buildSection('gaps', facts, r, viewer).figures[0]!;
  const gaps = gapFig.highlight.slice(0, 8).map((i) => {
    const row = gapFig.rows[i]!;
    return { careItem: String(row.careItemCode), careItemLabel: String(row.careItem), serviceType: String(row.serviceTypeCode), serviceTypeLabel: String(row.serviceType), municipalityCode: String(row.municipalityCode), municipalityName: String(row.municipality), clients: row.clients ?? null, services: Number(row.services), ratio: typeof row.ratio === 'number' ? row.ratio : null, text: gapText(row) };
  });
  // Metric values of the area now (exact; shown suppressed).
  const perCity = additiveValues(facts, r);
  const metrics: Record<string, number> = {};
  for (const mv of perCity.values()) for (const [k, v] of mv) metrics[k] = (metrics[k] ?? 0) + v;
  if (input.area === 'region' || input.area === undefined) for (const [k, v] of regionalValues(facts)) metrics[k] = v;
  // Changes since the previous report of the same area, else the latest snapshot.
  const [prev] = await opts.db.select().from(analyticsReport).where(eq(analyticsReport.area, r.area.area)).orderBy(desc(analyticsReport.createdAt)).limit(1);
  let changes: Report['changes'];
  if (prev) changes = { since: prev.createdAt.toISOString(), sinceKind: 'report', rows: changeRows(prev.metrics, metrics, viewer) };
  else {
    const snap = await latestSnapshotValues(opts.db, r.codes);
    if (snap) {
      const before: Record<string, number> = {};
      for (const [metric, byScope] of snap.values ?? new Map()) {
        if (TREND_METRIC_INFO[metric as TrendMetric]?.kind === 'regional') {
          if (r.area.area === 'region' && byScope.has('region')) before[metric] = byScope.get('region')!;
        } else before[metric] = r.codes.reduce((s, c) => s + (byScope.get(c) ?? 0), 0);
      }
      changes = { since: snap.month, sinceKind: 'snapshot', rows: changeRows(before, metrics, viewer) };
    } else changes = { since: null, sinceKind: 'none', rows: changeRows(null, metrics, viewer) };
  }
  const id = newId();
  const reportTitle = input.title ?? `連携推進会議 資料（${r.area.label}、${r.asOf} 時点）`;
  const [row] = await opts.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(analyticsReport)
      .values({ id, title: reportTitle, area: r.area.area, asOf: r.asOf, periodFrom: r.from, periodTo: r.to, sections, summary: { area: r.area, gaps, changes }, figures, metrics, createdBy: opts.actor.userId, createdByName: opts.actor.name })
      .returning();
    await writeAudit(tx, opts.actor.audit, { action: 'analytics.report.create', entityType: 'analytics_report', entityId: id, details: { area: r.area.area, sections, asOf: r.asOf } });
    return inserted;
  });
  return serialize(row!);
}

export async function listCouncilReports(opts: { db: Db; actor: Actor }) {
  const rows = await opts.db.select().from(analyticsReport).orderBy(desc(analyticsReport.createdAt)).limit(200);
  return rows.map((r) => {
    const s = serialize(r);
    return { id: s.id, title: s.title, area: s.area, asOf: s.asOf, sections: s.sections, createdAt: s.createdAt, createdByName: s.createdByName, pdfUrl: s.pdfUrl };
  });
}

async function load(db: Db, id: string) {
  const [row] = await db.select().from(analyticsReport).where(eq(analyticsReport.id, id));
  if (!row) throw notFound('報告書');
  return row;
}

export async function getCouncilReport(opts: { db: Db; actor: Actor; id: string }): Promise<Report> {
  const row = await load(opts.db, opts.id);
  await writeAudit(opts.db, opts.actor.audit, { action: 'analytics.report.read', entityType: 'analytics_report', entityId: row.id });
  return serialize(row);
}

const cellText = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'boolean' ? (v ? '●' : '') : typeof v === 'number' ? (Number.isInteger(v) ? v.toLocaleString('ja-JP') : String(Math.round(v * 1000) / 1000)) : String(v));
/** Rows printed per table; the CSV export has them all. */
const PRINT_ROWS = 40;

export async function renderCouncilReportPdf(opts: { db: Db; actor: Actor; config: AnalyticsConfig; id: string }) {
  const row = await load(opts.db, opts.id);
  const report = serialize(row);
  const doc = createPdf({ title: report.title, subject: report.area.label });
  title(doc, report.title, `${report.area.label}\u3000基準日 ${report.asOf}\u3000期間 ${report.period.from}〜${report.period.to}`);
  fields(doc, [
    ['地域', `${report.area.label}（${report.area.municipalities.map((m) => m.name).join('・')}）`],
    ['作成', `${report.createdByName}\u3000${report.createdAt.slice(0, 10)}`],
  ]);
  paragraph(doc, `人数が${opts.config.suppressBelow}人未満の欄は「<${opts.config.suppressBelow}」と表示しています（個人が特定されないように）。各表の下に、数えているもの・データ・基準日を記載しています。`);
  heading(doc, '大きなギャップ（まず話し合うこと）');
  if (report.gaps.length) for (const g of report.gaps) paragraph(doc, `・${g.text}`);
  else paragraph(doc, '対応できるサービスが0か所のギャップはありません。');
  heading(doc, report.changes.sinceKind === 'report' ? `前回の報告書（${report.changes.since?.slice(0, 10)}）からの変化` : report.changes.sinceKind === 'snapshot' ? `前回のスナップショット（${report.changes.since}）からの変化` : '変化（比較できる前回の記録はありません）');
  table(
    doc,
    [{ header: '指標', width: 4 }, { header: '前回', width: 1 }, { header: '今回', width: 1 }, { header: '増減', width: 1 }],
    report.changes.rows.map((c) => [c.label, cellText(c.a), cellText(c.b), c.change === null ? '—' : `${c.change > 0 ? '+' : ''}${cellText(c.change)}`]),
    { fontSize: 8 },
  );
  const width = contentWidth(doc);
  for (const section of report.sections) {
    doc.addPage();
    heading(doc, ANALYTICS_SECTION_LABELS[section]);
    for (const f of row.figures.filter((x) => x.section === section)) {
      ensureSpace(doc, 80);
      doc.font('jp-bold').fontSize(10).text(f.title, doc.page.margins.left, doc.y, { width });
      doc.font('jp').fontSize(9).moveDown(0.2);
      drawChart(doc, f, width);
      const stats = Object.entries(f.stats).filter(([, v]) => v !== null);
      if (stats.length) paragraph(doc, stats.map(([k, v]) => `${STAT_LABELS[k] ?? k}: ${cellText(v)}`).join('\u3000'));
      const cols = f.columns.filter((c) => c.kind !== 'code');
      const rows = f.rows.slice(0, PRINT_ROWS);
      if (rows.length) table(doc, cols.map((c) => ({ header: c.label, width: c.kind === 'label' ? 2 : 1 })), rows.map((r) => cols.map((c) => cellText(r[c.key]))), { fontSize: cols.length > 8 ? 6.5 : 7.5 });
      else paragraph(doc, '該当するデータはありません。');
      if (f.rows.length > PRINT_ROWS) paragraph(doc, `（上位${PRINT_ROWS}行を掲載。全${f.rows.length}行は画面または CSV で確認できます）`);
      doc.fontSize(7).fillColor('#444').text(`数えているもの: ${f.definition.counts}\nデータ: ${f.definition.source}\u3000基準日: ${f.definition.asOf}${f.definition.period ? `\u3000期間: ${f.definition.period.from}〜${f.definition.period.to}` : ''}`, doc.page.margins.left, doc.y, { width });
      doc.fillColor('#000').fontSize(9).moveDown(0.6);
    }
  }
  const body = await finish(doc, `${report.title}`);
  await writeAudit(opts.db, opts.actor.audit, { action: 'analytics.report.print', entityType: 'analytics_report', entityId: row.id, details: { format: 'PDF' } });
  return { filename: `${report.title.replace(/[\\/:*?"<>|]+/g, '_')}.pdf`, body };
}

const STAT_LABELS: Record<string, string> = {
  consultants: '人数',
  cases: '担当件数の合計',
  mean: '平均',
  median: '中央値',
  p90: '90パーセンタイル',
  top20Share: '上位20%が持つ割合',
  gini: 'ジニ係数',
  max: '最大',
  services: 'サービス数',
  capacity: '定員計',
  vacancyServices: '空きあり',
  cells: 'ギャップのセル',
  zeroSupply: '供給0のセル',
  registered: '申込',
  attended: '出席',
};

