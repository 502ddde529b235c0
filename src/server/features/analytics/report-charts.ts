// Charts for the council report: ECharts rendered server-side to SVG, drawn into the PDF with
// svg-to-pdfkit (vector, Japanese labels in the embedded Noto Sans JP).
import * as echarts from 'echarts';
import SVGtoPDF from 'svg-to-pdfkit';
import type { Figure } from '../../../shared/contracts/analytics.js';
import type { Pdf } from '../../lib/pdf.js';

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/** The ECharts option of a figure, or null when a table says it better. */
export function chartOption(f: Figure): echarts.EChartsCoreOption | null {
  const base = { animation: false, textStyle: { fontFamily: 'jp', fontSize: 10 }, grid: { left: 60, right: 20, top: 30, bottom: 40 } };
  const cityRows = f.rows.filter((r) => r.municipalityCode !== null && r.municipalityCode !== undefined);
  switch (f.id) {
    case 'people.caseload':
      return { ...base, xAxis: { type: 'category', data: f.rows.map((r) => String(r.bucket)) }, yAxis: { type: 'value', name: '人数' }, series: [{ type: 'bar', data: f.rows.map((r) => num(r.consultants)), itemStyle: { color: '#3867d6' } }] };
    case 'referrals.funnel': {
      const total = f.rows.find((r) => r.municipalityCode === null);
      if (!total) return null;
      const keys = ['intake', 'sent', 'accepted', 'assigned'];
      const labels = ['受付', '打診', '承諾', '担当決定'];
      return { ...base, xAxis: { type: 'category', data: labels }, yAxis: { type: 'value', name: '件数' }, series: [{ type: 'bar', data: keys.map((k) => num(total[k])), itemStyle: { color: '#20bf6b' } }] };
    }
    case 'people.acceptance':
      return {
        ...base,
        legend: { top: 0, textStyle: { fontFamily: 'jp' } },
        xAxis: { type: 'category', data: cityRows.map((r) => String(r.municipality)) },
        yAxis: { type: 'value', name: '人数' },
        series: [
          { name: '引き受けられる', type: 'bar', stack: 'a', data: cityRows.map((r) => num(r.yes)) },
          { name: '支援があれば', type: 'bar', stack: 'a', data: cityRows.map((r) => num(r.with_backup)) },
          { name: '引き受けられない', type: 'bar', stack: 'a', data: cityRows.map((r) => num(r.no)) },
        ],
      };
    case 'preparedness.plans':
      return { ...base, xAxis: { type: 'category', data: cityRows.map((r) => String(r.municipality)) }, yAxis: { type: 'value', name: '承認の割合', max: 1 }, series: [{ type: 'bar', data: cityRows.map((r) => (typeof r.approvedShare === 'number' ? r.approvedShare : 0)), itemStyle: { color: '#fa8231' } }] };
    default:
      return null;
  }
}

export function renderChartSvg(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Draws a figure's chart at the current position (if it has one); returns true when drawn. */
export function drawChart(doc: Pdf, f: Figure, width: number, height = 170): boolean {
  const option = chartOption(f);
  if (!option) return false;
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const svg = renderChartSvg(option, Math.round(width), height);
  SVGtoPDF(doc, svg, doc.page.margins.left, doc.y, { width, height, fontCallback: (_family: string, bold: boolean) => (bold ? 'jp-bold' : 'jp') });
  doc.y += height + 6;
  doc.x = doc.page.margins.left;
  return true;
}
