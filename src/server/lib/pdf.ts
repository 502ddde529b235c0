// A4 PDF building blocks for the printable forms (pdfkit + Noto Sans JP, both weights embedded
// as subsets so any PDF viewer renders the Japanese). Web fonts (@fontsource) split glyphs
// into subsets and print blanks; the full TTF from @expo-google-fonts is used instead
// (shared/notes/stack-probe.md §8).
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { formatDateTimeJa } from '../../shared/dates.js';

const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf');
const FONT_BOLD = require.resolve('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf');

export type Pdf = PDFKit.PDFDocument;
export const A4 = { width: 595.28, height: 841.89 } as const;
const MARGIN = 36;

export interface PdfOptions {
  title: string;
  /** Printed small at the top right, e.g. the client's name. */
  subject?: string;
  landscape?: boolean;
}

export function createPdf(opts: PdfOptions): Pdf {
  const doc = new PDFDocument({
    size: 'A4',
    layout: opts.landscape ? 'landscape' : 'portrait',
    margins: { top: MARGIN, bottom: MARGIN + 14, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: opts.title, Subject: opts.subject ?? '', Creator: 'tsunagu つなぐ', Producer: 'tsunagu つなぐ' },
    lang: 'ja-JP',
  });
  doc.registerFont('jp', FONT_REGULAR);
  doc.registerFont('jp-bold', FONT_BOLD);
  doc.font('jp').fontSize(9);
  return doc;
}

export const contentWidth = (doc: Pdf) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

export function title(doc: Pdf, text: string, sub?: string) {
  doc.font('jp-bold').fontSize(15).text(text, { align: 'center' });
  if (sub) doc.font('jp').fontSize(9).text(sub, { align: 'center' });
  doc.moveDown(0.6).font('jp').fontSize(9);
}

export function heading(doc: Pdf, text: string) {
  ensureSpace(doc, 40);
  doc.moveDown(0.4);
  const x = doc.page.margins.left;
  const y = doc.y;
  doc.rect(x, y, contentWidth(doc), 16).fill('#e8eef5');
  doc.fillColor('#000').font('jp-bold').fontSize(10).text(text, x + 4, y + 3, { width: contentWidth(doc) - 8 });
  doc.font('jp').fontSize(9).moveDown(0.3);
  doc.x = x;
}

export function paragraph(doc: Pdf, text: string, opts: { empty?: string } = {}) {
  doc.font('jp').fontSize(9).text(text?.trim() ? text : (opts.empty ?? '（記載なし）'), doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.2);
}

export function ensureSpace(doc: Pdf, height: number) {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

export interface Column {
  header: string;
  /** Relative width. */
  width: number;
}

/** A bordered table; rows break across pages, headers repeat. */
export function table(doc: Pdf, columns: Column[], rows: string[][], opts: { fontSize?: number; headerFill?: string } = {}) {
  const fontSize = opts.fontSize ?? 8.5;
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * contentWidth(doc));
  const x0 = doc.page.margins.left;
  const pad = 3;
  const heightOf = (cells: string[], bold = false) => {
    doc.font(bold ? 'jp-bold' : 'jp').fontSize(fontSize);
    return Math.max(...cells.map((t, i) => doc.heightOfString(t || ' ', { width: widths[i]! - pad * 2 }))) + pad * 2;
  };
  const drawRow = (cells: string[], header: boolean) => {
    const h = heightOf(cells, header);
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (!header) drawRow(columns.map((c) => c.header), true);
    }
    const y = doc.y;
    let x = x0;
    cells.forEach((t, i) => {
      const w = widths[i]!;
      if (header) doc.rect(x, y, w, h).fill(opts.headerFill ?? '#f0f0f0');
      doc.rect(x, y, w, h).lineWidth(0.5).stroke('#555');
      doc.fillColor('#000').font(header ? 'jp-bold' : 'jp').fontSize(fontSize).text(t || '', x + pad, y + pad, { width: w - pad * 2 });
      x += w;
    });
    doc.x = x0;
    doc.y = y + h;
  };
  drawRow(columns.map((c) => c.header), true);
  for (const r of rows) drawRow(r, false);
  doc.moveDown(0.4);
  doc.font('jp').fontSize(9);
}

/** Label | value pairs, two pairs per row. */
export function fields(doc: Pdf, pairs: [string, string][]) {
  const rows: string[][] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const a = pairs[i]!;
    const b = pairs[i + 1] ?? ['', ''];
    rows.push([a[0], a[1], b[0], b[1]]);
  }
  const total = 2 + 4 + 2 + 4;
  const widths = [2, 4, 2, 4].map((w) => (w / total) * contentWidth(doc));
  const x0 = doc.page.margins.left;
  for (const r of rows) {
    doc.font('jp').fontSize(8.5);
    const h = Math.max(...r.map((t, i) => doc.heightOfString(t || ' ', { width: widths[i]! - 6 }))) + 6;
    ensureSpace(doc, h);
    const y = doc.y;
    let x = x0;
    r.forEach((t, i) => {
      const w = widths[i]!;
      if (i % 2 === 0) doc.rect(x, y, w, h).fill('#f4f4f4');
      doc.rect(x, y, w, h).lineWidth(0.5).stroke('#555');
      doc.fillColor('#000').font(i % 2 === 0 ? 'jp-bold' : 'jp').fontSize(8.5).text(t, x + 3, y + 3, { width: w - 6 });
      x += w;
    });
    doc.x = x0;
    doc.y = y + h;
  }
  doc.moveDown(0.4);
}

/** Footer on every page: what it is, when it was generated (it is always current), page n / m. */
export function finish(doc: Pdf, footer: string): Promise<Buffer> {
  const range = doc.bufferedPageRange();
  const stamp = `出力日時 ${formatDateTimeJa(new Date())}（つなぐの記録から作成）`;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - doc.page.margins.bottom + 4;
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not add a page
    doc.font('jp').fontSize(7).fillColor('#444');
    doc.text(`${footer}\u3000${stamp}`, doc.page.margins.left, y, { width: contentWidth(doc) - 50, lineBreak: false });
    doc.text(`${i - range.start + 1} / ${range.count}`, doc.page.width - doc.page.margins.right - 50, y, { width: 50, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
    doc.fillColor('#000');
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
