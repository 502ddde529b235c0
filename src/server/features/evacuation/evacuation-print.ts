// Printouts of the evacuation plan (A4, one sheet — two at most — for the family's wall and the
// supporters) and of the city's outage simulation (A4 landscape list + a schematic map), plus
// the simulation as CSV. Generated at request time from the stored plan (always current).
import { DESTINATION_KIND_LABELS, MEDICAL_CONTACT_LABELS, PLAN_STATUS_LABELS, TRANSPORT_LABELS, type EvacuationPlanBody, type EvacuationPlanStatus } from '../../../shared/contracts/evacuation.js';
import { EVACUATION_ITEMS, type EvacuationItem } from '../../../shared/domain/evacuation-recipients.js';
import { BACKUP_KIND_LABELS, formatHours, type RuntimeResult } from '../../../shared/domain/power-runtime.js';
import { formatDateJa } from '../../../shared/dates.js';
import { toCsv } from '../../lib/csv.js';
import { contentWidth, createPdf, ensureSpace, fields, finish, heading, paragraph, table, title, type Pdf } from '../../lib/pdf.js';
import type { SimulationResult } from './simulate-outage.js';

const SEX: Record<string, string> = { female: '女', male: '男', other: 'その他', unknown: '' };
const hours = (h: number | null | undefined) => (h === null || h === undefined ? '—' : formatHours(h));
const d = (iso: string | null | undefined) => (iso ? formatDateJa(iso) : '');

export interface PrintablePlan {
  version: number;
  status: EvacuationPlanStatus;
  body: EvacuationPlanBody;
  runtime: RuntimeResult;
  approvedAt: string | null;
  approvedByName: string | null;
  reviewDueOn: string | null;
}

/** The battery-time table rows (also used by tests and the recipient JSON). */
export function batteryTableRows(runtime: RuntimeResult): string[][] {
  return runtime.devices.map((x) => [
    `${x.label}${x.essential ? '' : '（必須でない）'}`,
    `${Math.round(x.watts)}W${x.averageWatts < x.watts ? `（平均 ${x.averageWatts.toFixed(1)}W）` : ''}`,
    x.ownWh > 0 ? `${Math.round(x.ownWh)}Wh` : 'なし',
    x.essential ? hours(x.ownHours) : '—',
    x.sharedFromHours === null ? '—' : `${formatHours(x.sharedFromHours)}〜`,
    x.stopsAtHours === null ? '—' : `${formatHours(x.stopsAtHours)}${x.stopsFirst ? '（最初）' : ''}`,
  ]);
}

type PlanPrintOptions = { items?: readonly EvacuationItem[]; recipientName?: string };

/**
 * One client's plan, on one A4 sheet — two at most. With `items`, only those (a recipient's
 * consented items) are printed; the header says for whom it was made. A plan too long for two
 * pages (many devices, supporters, contacts, medicines) is laid out again compactly: the stock
 * as running text instead of a table, and the step-by-step explanation left to the screen.
 */
export function renderEvacuationPlan(p: PrintablePlan, opts: PlanPrintOptions = {}): Promise<Buffer> {
  let doc = layoutPlan(p, opts, false);
  if (doc.bufferedPageRange().count > 2) doc = layoutPlan(p, opts, true);
  return finish(doc, `個別避難計画${(opts.items ?? EVACUATION_ITEMS).includes('identity') ? ` ${p.body.register.name}` : ''}`);
}

function layoutPlan(p: PrintablePlan, opts: PlanPrintOptions, compact: boolean): Pdf {
  const items = opts.items ?? EVACUATION_ITEMS;
  const has = (i: EvacuationItem) => items.includes(i);
  const b = p.body;
  const r = b.register;
  const doc = createPdf({ title: '個別避難計画', subject: has('identity') ? r.name : '' });
  title(doc, `個別避難計画（第${p.version}版・${PLAN_STATUS_LABELS[p.status]}）`, opts.recipientName ? `提供先: ${opts.recipientName}（本人・保護者が同意した項目のみ）` : '災害時に、家族と支援者が見て動けるように貼っておいてください');

  const head: [string, string][] = [];
  if (has('identity')) head.push(['氏名', `${r.name}${r.nameKana ? `（${r.nameKana}）` : ''}`], ['生年月日・性別', `${d(r.birthDate)} ${SEX[r.sex] ?? ''}`]);
  if (has('address')) head.push(['住所', `${r.postalCode ? `〒${r.postalCode} ` : ''}${r.address}`]);
  if (has('phone')) head.push(['連絡先', r.phone]);
  if (head.length) fields(doc, head);
  if (has('reason')) {
    heading(doc, '支援が必要な理由');
    paragraph(doc, [b.supportReason, r.household].filter(Boolean).join('\n'));
  }

  if (has('devices')) {
    const rt = p.runtime;
    const x = doc.page.margins.left;
    const y = doc.y + 2;
    const text =
      rt.runtimeHours === null
        ? '電源で動く生命維持の機器はありません'
        : `停電から 約 ${formatHours(rt.runtimeHours)} で ${rt.firstStop.map((f) => f.label).join('・')} が止まります${rt.meetsTarget ? '' : `（目標 72時間まで あと ${formatHours(72 - rt.runtimeHours)}）`}`;
    doc.font('jp-bold').fontSize(12);
    const h = doc.heightOfString(text, { width: contentWidth(doc) - 12 }) + 10;
    doc.rect(x, y, contentWidth(doc), h).fill(rt.runtimeHours !== null && rt.runtimeHours < 24 ? '#fde8e8' : '#fff4d6');
    doc.fillColor('#000').text(text, x + 6, y + 5, { width: contentWidth(doc) - 12 });
    doc.y = y + h + 4;
    doc.x = x;
    heading(doc, '電源がなくなるまでの時間（バッテリー表）');
    table(
      doc,
      [
        { header: '機器', width: 2.2 },
        { header: '消費電力', width: 1.4 },
        { header: '自前のバッテリー', width: 1.2 },
        { header: '単独で動く時間', width: 1.2 },
        { header: '予備電源から給電', width: 1.2 },
        { header: '止まる時刻', width: 1.3 },
      ],
      batteryTableRows(rt),
      { fontSize: 8 },
    );
    if (b.backups.length)
      table(
        doc,
        [
          { header: '予備電源（使う順）', width: 2.4 },
          { header: '容量・燃料', width: 1.4 },
          { header: '定格出力', width: 1 },
          { header: '正弦波', width: 0.8 },
          { header: '判定', width: 2.2 },
          { header: '使う時間帯', width: 1.4 },
        ],
        rt.sources.map((s) => {
          const src = b.backups[s.index]!;
          return [
            `${s.label}（${BACKUP_KIND_LABELS[s.kind]}）`,
            s.usableWh !== null ? `${Math.round(src.capacityWh ?? 0)}Wh → 使える ${Math.round(s.usableWh)}Wh` : src.fuelHours ? `燃料 ${formatHours(src.fuelHours)}` : '未入力',
            s.ratedWatts === null ? '未入力' : `${Math.round(s.ratedWatts)}W`,
            src.pureSine ? '正弦波' : '修正正弦波',
            s.problem === 'modified_sine' ? '× 医療機器に使えない' : s.problem === 'overload' ? '× 定格出力が足りない' : s.problem === 'no_capacity' ? '× 容量・燃料が未入力' : '○ 使える',
            s.usedFromHours === null ? '—' : `${formatHours(s.usedFromHours)}〜${s.usedUntilHours === null ? '' : formatHours(s.usedUntilHours)}`,
          ];
        }),
        { fontSize: 8 },
      );
    for (const m of rt.manualAlternatives) paragraph(doc, `手動の代替: ${m.text}`);
    if (rt.suggestions.length) paragraph(doc, `延ばすには: ${rt.suggestions.slice(0, 3).map((s) => s.text).join(' ／ ')}`);
  }

  if (has('supporters')) {
    ensureSpace(doc, 80);
    heading(doc, '避難支援等実施者');
    table(
      doc,
      [{ header: '氏名', width: 1.4 }, { header: '続柄・関係', width: 1 }, { header: '電話', width: 1.3 }, { header: '支援の内容', width: 3 }],
      b.supporters.length ? b.supporters.map((s) => [s.name, s.relation, s.phone, s.role]) : [['（未登録）', '', '', '']],
      { fontSize: 8.5 },
    );
  }
  if (has('destination')) {
    heading(doc, '避難先・経路・移動手段');
    const t = b.destination;
    fields(doc, [
      ['避難先', `${DESTINATION_KIND_LABELS[t.kind]}${t.name ? `: ${t.name}` : ''}`],
      ['電話', t.phone],
      ['住所', t.address],
      ['避難先の電源', t.hasPower === null ? '未確認' : t.hasPower ? 'あり' : 'なし'],
      ['移動手段', [t.transport.map((x) => TRANSPORT_LABELS[x]).join('・'), t.transportNotes].filter(Boolean).join(' ')],
      ['所要時間', t.travelMinutes === null ? '' : `${t.travelMinutes}分`],
    ]);
    if (t.routeNotes) paragraph(doc, `経路・注意点: ${t.routeNotes}`);
  }
  if (has('medical_contacts') && b.medicalContacts.length) {
    ensureSpace(doc, 80);
    heading(doc, '医療機関・業者の連絡先');
    table(
      doc,
      [{ header: '種類', width: 1 }, { header: '名称・氏名', width: 3 }, { header: '電話', width: 1.5 }, { header: '24時間', width: 0.7 }],
      b.medicalContacts.map((m) => [MEDICAL_CONTACT_LABELS[m.kind], [m.name, m.note].filter(Boolean).join(' '), m.phone, m.available24h ? '○' : '']),
      { fontSize: 8.5 },
    );
  }
  if (has('medications') && (b.medications.length || b.consumables.length) && compact) {
    const stock = (m: { name: string; stockDays: number | null; note: string }) => `${m.name}（${m.stockDays === null ? '未確認' : `${m.stockDays}日分`}${m.note ? `・${m.note}` : ''}）`;
    heading(doc, '薬・消耗品の備蓄');
    if (b.medications.length) paragraph(doc, `薬: ${b.medications.map(stock).join('、')}`);
    if (b.consumables.length) paragraph(doc, `消耗品: ${b.consumables.map(stock).join('、')}`);
  } else if (has('medications') && (b.medications.length || b.consumables.length)) {
    ensureSpace(doc, 80);
    heading(doc, '薬・消耗品の備蓄');
    table(
      doc,
      [{ header: '品名', width: 3 }, { header: '備蓄', width: 1 }, { header: '備考', width: 2 }],
      [...b.medications.map((m) => [`薬: ${m.name}`, m.stockDays === null ? '未確認' : `${m.stockDays}日分`, m.note]), ...b.consumables.map((m) => [m.name, m.stockDays === null ? '未確認' : `${m.stockDays}日分`, m.note])],
      { fontSize: 8.5 },
    );
  }
  const tail: [string, string][] = [];
  if (has('power_registration')) tail.push(['電力会社への事前登録', b.powerRegistration.registered ? `登録済み ${d(b.powerRegistration.registeredOn)} ${b.powerRegistration.company}` : '未登録']);
  tail.push(['承認', p.approvedAt ? `${formatDateJa(p.approvedAt.slice(0, 10))} ${p.approvedByName ?? ''}` : '未承認'], ['次の見直し', d(p.reviewDueOn) || '承認から1年']);
  fields(doc, tail);
  if (has('notes') && b.notes) {
    heading(doc, 'その他の留意事項');
    paragraph(doc, b.notes);
  }
  if (has('devices') && compact) {
    doc.font('jp').fontSize(7).text('時間の計算のしかた（手順と前提）は、つなぐの個別避難計画の画面で確認できます。', doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  } else if (has('devices')) {
    ensureSpace(doc, 30);
    doc.font('jp-bold').fontSize(7.5).text('時間の計算のしかた', doc.page.margins.left, doc.y, { width: contentWidth(doc) });
    doc.font('jp').fontSize(6.5).text(p.runtime.explanation.join('\n'), { width: contentWidth(doc) });
  }
  return doc;
}

// ---- simulation ------------------------------------------------------------------------------

const supportersText = (s: { name: string; relation: string; phone: string }[]) => s.map((x) => `${x.name}${x.relation ? `（${x.relation}）` : ''} ${x.phone}`).join('\n');

export function renderSimulation(result: SimulationResult): Promise<Buffer> {
  const doc = createPdf({ title: `停電シミュレーション ${result.outageHours}時間`, landscape: true });
  const area = result.circle ? `中心 ${result.circle.lat.toFixed(4)}, ${result.circle.lon.toFixed(4)} 半径 ${result.circle.radiusKm}km` : '';
  title(doc, `停電シミュレーション（停電 ${formatHours(result.outageHours)}）`, `対象: ${result.rows[0]?.municipalityName ?? result.municipalityCodes.join('・')} ${area}\u3000電源が戻る前に必須の医療機器が止まる人（止まるのが早い順）`);
  paragraph(
    doc,
    `一覧 ${result.counts.affected}人（市への提供に同意した人のみ）。同じ条件で同意がないため名前を出していない人 ${result.counts.affectedWithoutConsent}人。${result.circle ? `位置が未登録で判定できない計画 ${result.counts.withoutLocation}件。` : ''}`,
  );
  table(
    doc,
    [
      { header: '順', width: 0.4 },
      { header: '氏名', width: 1.4 },
      { header: '止まるまで', width: 0.9 },
      { header: '電源のない時間', width: 0.9 },
      { header: '最初に止まる機器', width: 1.4 },
      { header: '住所・電話', width: 2.2 },
      { header: '支援者', width: 2 },
      { header: '避難先・移動手段', width: 2 },
      { header: '手動の代替', width: 0.7 },
    ],
    result.rows.map((r) => [
      String(r.rank),
      `${r.name}\n${r.municipalityName ?? ''}`,
      formatHours(r.runtimeHours),
      formatHours(r.shortfallHours),
      r.firstStop.join('・'),
      `${r.address}\n${r.phone}`,
      supportersText(r.supporters),
      `${r.destination.kindLabel}${r.destination.name ? ` ${r.destination.name}` : ''}\n${r.destination.transport.join('・')}`,
      r.hasManualAlternative ? 'あり' : '',
    ]),
    { fontSize: 7.5 },
  );
  const points = result.rows.filter((r) => r.lat !== null && r.lon !== null);
  if (points.length) {
    doc.addPage();
    heading(doc, '地図（位置の概略。番号は一覧の順）');
    plotMap(doc, points.map((p) => ({ lat: p.lat!, lon: p.lon!, label: String(p.rank), urgent: p.runtimeHours < 3 })), result.circle);
  }
  return finish(doc, `停電シミュレーション ${result.outageHours}時間`);
}

/** A tile-free schematic map: equirectangular projection of the points (and the circle). */
function plotMap(doc: Pdf, points: { lat: number; lon: number; label: string; urgent: boolean }[], circle: SimulationResult['circle']) {
  const x0 = doc.page.margins.left;
  const y0 = doc.y + 4;
  const wBox = contentWidth(doc);
  const hBox = doc.page.height - doc.page.margins.bottom - y0 - 10;
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  if (circle) {
    const dLat = circle.radiusKm / 111.2;
    const dLon = dLat / Math.cos((circle.lat * Math.PI) / 180);
    lats.push(circle.lat - dLat, circle.lat + dLat);
    lons.push(circle.lon - dLon, circle.lon + dLon);
  }
  let [minLat, maxLat, minLon, maxLon] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  const pad = 0.005;
  minLat -= pad;
  maxLat += pad;
  minLon -= pad;
  maxLon += pad;
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = Math.min(wBox / ((maxLon - minLon) * kx), hBox / (maxLat - minLat));
  const px = (lon: number) => x0 + (lon - minLon) * kx * scale;
  const py = (lat: number) => y0 + (maxLat - lat) * scale;
  doc.rect(x0, y0, wBox, hBox).lineWidth(0.5).stroke('#999');
  if (circle) doc.circle(px(circle.lon), py(circle.lat), (circle.radiusKm / 111.2) * scale).lineWidth(1).stroke('#3366cc');
  for (const p of points) {
    doc.circle(px(p.lon), py(p.lat), 4).fill(p.urgent ? '#cc0000' : '#e69500');
    doc.fillColor('#000').font('jp').fontSize(7).text(p.label, px(p.lon) + 5, py(p.lat) - 4, { lineBreak: false });
  }
  doc.fillColor('#000');
  doc.y = y0 + hBox + 4;
  doc.x = x0;
}

export function simulationCsv(result: SimulationResult): string {
  const header = ['順位', '氏名', 'よみ', '市区町村', '止まるまでの時間（時間）', '電源のない時間（時間）', '最初に止まる機器', '住所', '電話', '支援者1', '支援者1 電話', '支援者2', '支援者2 電話', 'その他の支援者', '避難先の種類', '避難先', '移動手段', '手動の代替', '計画の状態', '緯度', '経度'];
  const rows = result.rows.map((r) => {
    const [a, b, ...rest] = r.supporters;
    return [
      String(r.rank),
      r.name,
      r.nameKana,
      r.municipalityName ?? r.municipalityCode,
      r.runtimeHours.toFixed(1),
      r.shortfallHours.toFixed(1),
      r.firstStop.join('・'),
      r.address,
      r.phone,
      a ? `${a.name}（${a.relation}）` : '',
      a?.phone ?? '',
      b ? `${b.name}（${b.relation}）` : '',
      b?.phone ?? '',
      rest.map((s) => `${s.name} ${s.phone}`).join(' / '),
      r.destination.kindLabel,
      r.destination.name,
      r.destination.transport.join('・'),
      r.hasManualAlternative ? 'あり' : '',
      r.statusLabel,
      r.lat === null ? '' : String(r.lat),
      r.lon === null ? '' : String(r.lon),
    ];
  });
  return toCsv([header, ...rows]);
}
