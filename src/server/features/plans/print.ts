// A4 PDFs generated from the record at request time, so a printout is always current.
// Layouts follow the usual municipal 様式 (DOMAIN.md §4, §6); cities differ in detail.
import { ACHIEVEMENT_LABELS, PLAN_KIND_LABELS, WEEKDAYS, WEEKDAY_COLUMN_LABELS } from '../../../shared/contracts/plans.js';
import { CERTIFICATE_KIND_LABELS, HOSPITAL_ROLE_LABELS, SCHOOL_KIND_LABELS, type Contact, type Medical, type Profile } from '../../../shared/contracts/clients.js';
import { getCareItem, MONITORING_LEVEL_LABELS } from '../../../shared/domain/care-items.js';
import { careScoreBandInfo, computeCareScore } from '../../../shared/domain/care-score.js';
import { findShomanGroup } from '../../../shared/domain/shoman-groups.js';
import { ageOn, lifeStage, lifeStageLabel, LIFE_STAGES, upcomingTransitions } from '../../../shared/domain/life-stage.js';
import { formatDateJa, formatDateTimeJa, tokyoDate } from '../../../shared/dates.js';
import { createPdf, fields, finish, heading, paragraph, table, title, type Pdf } from '../../lib/pdf.js';
import type { ConferenceOut, MonitoringOut, PlanOut } from './documents.js';

export interface ClientHead {
  name: string;
  nameKana: string;
  birthDate: string;
  sex: string;
  municipalityName: string | null;
  municipalityCode?: string | null;
}

const SEX = { female: '女', male: '男', other: 'その他', unknown: '不明' } as Record<string, string>;
const d = (iso: string | null | undefined) => (iso ? formatDateJa(iso, { era: true }) : '');
const yn = (b: boolean) => (b ? '有' : '無');

function clientLine(c: ClientHead) {
  const asOf = tokyoDate();
  return `${c.name}（${c.nameKana}）\u3000${d(c.birthDate)}生（${ageOn(c.birthDate, asOf)}歳）\u3000${SEX[c.sex] ?? ''}\u3000${c.municipalityName ?? ''}`;
}

// ---- plan and weekly schedule ---------------------------------------------------------------

export function renderPlan(c: ClientHead, p: PlanOut): Promise<Buffer> {
  const doc = createPdf({ title: PLAN_KIND_LABELS[p.kind], subject: c.name, landscape: true });
  title(doc, `${PLAN_KIND_LABELS[p.kind]}${p.status === 'draft' ? '（案）' : ''}`, `第${p.revision}版`);
  fields(doc, [
    ['利用者氏名', `${c.name}（${c.nameKana}）`],
    ['生年月日', `${d(c.birthDate)}`],
    ...(p.kind === 'child' ? ([['保護者氏名', `${p.header.guardianName}${p.header.guardianRelation ? `（続柄: ${p.header.guardianRelation}）` : ''}`]] as [string, string][]) : []),
    ['障害支援区分', p.header.supportCategory],
    ['受給者証番号', p.header.recipientNumber],
    ['利用者負担上限額', p.header.costCap],
    ['相談支援事業者名', p.header.officeName],
    ['計画作成担当者', p.header.plannerName],
    ['計画作成日', d(p.createdOn)],
    ['モニタリング期間', `${p.monitoringPeriodMonths}か月ごと${p.isNewPlan ? '（開始から3か月間は毎月）' : ''}`],
    ['計画開始日', d(p.startDate)],
    ['見直し予定日', d(p.reviewDate)],
  ]);
  heading(doc, '利用者及びその家族の生活に対する意向（希望する生活）');
  paragraph(doc, p.wishes);
  heading(doc, '総合的な援助の方針');
  paragraph(doc, p.policy);
  table(doc, [{ header: '長期目標', width: 1 }, { header: '短期目標', width: 1 }], [[p.longTermGoal, p.shortTermGoal]]);
  heading(doc, '解決すべき課題と支援');
  table(
    doc,
    [
      { header: '優先順位', width: 0.6 },
      { header: '解決すべき課題（本人のニーズ）', width: 2.2 },
      { header: '支援目標', width: 2 },
      { header: '達成時期', width: 0.9 },
      { header: '福祉サービス等 種類・内容・量（頻度・時間）', width: 2.6 },
      { header: '提供事業者名', width: 1.6 },
      { header: '課題解決のための本人の役割', width: 1.6 },
      { header: '評価時期', width: 0.9 },
      { header: 'その他留意事項', width: 1.6 },
    ],
    [...p.needs]
      .sort((a, b) => a.priority - b.priority)
      .map((n) => [
        String(n.priority),
        n.issue,
        n.goal,
        n.achieveBy,
        n.services.map((s) => [s.serviceType, s.content, s.amount].filter(Boolean).join(' / ')).join('\n'),
        n.services.map((s) => s.officeName).filter(Boolean).join('\n'),
        n.selfRole,
        n.evaluateBy,
        n.notes,
      ]),
    { fontSize: 8 },
  );
  heading(doc, '同意');
  paragraph(doc, p.agreedOn ? `${d(p.agreedOn)}\u3000利用者（保護者）同意署名: ${p.agreedBy ?? ''}` : '利用者（保護者）同意署名: ＿＿＿＿＿＿＿＿＿＿＿＿\u3000\u3000日付: \u3000\u3000年\u3000\u3000月\u3000\u3000日');
  return finish(doc, `${PLAN_KIND_LABELS[p.kind]} ${c.name}`);
}

const BLOCKS: [string, string][] = [
  ['00:00', '06:00'],
  ...Array.from({ length: 16 }, (_, i) => [`${String(6 + i).padStart(2, '0')}:00`, `${String(7 + i).padStart(2, '0')}:00`] as [string, string]),
  ['22:00', '24:00'],
];

export function renderWeekly(c: ClientHead, p: PlanOut): Promise<Buffer> {
  const doc = createPdf({ title: '週間計画表', subject: c.name, landscape: true });
  title(doc, '週間計画表', `${clientLine(c)}\u3000計画 第${p.revision}版（${d(p.startDate)}〜）`);
  const rows = BLOCKS.map(([from, to]) => [
    `${from}〜${to}`,
    ...WEEKDAYS.map((day) =>
      p.weekly.entries
        .filter((e) => e.day === day && e.start < to && e.end > from)
        .map((e) => `${e.kind === 'service' ? '■' : '・'}${e.label}（${e.start}-${e.end}）`)
        .join('\n'),
    ),
  ]);
  table(doc, [{ header: '時間', width: 0.9 }, ...WEEKDAYS.map((w) => ({ header: WEEKDAY_COLUMN_LABELS[w], width: 1.3 }))], rows, { fontSize: 7 });
  table(
    doc,
    [{ header: '主な日常生活上の活動', width: 1 }, { header: '週単位以外のサービス', width: 1 }, { header: 'サービス提供によって実現する生活の全体像', width: 1 }],
    [[p.weekly.dailyActivities, p.weekly.nonWeeklyServices, p.weekly.overallLife]],
  );
  paragraph(doc, '■ 福祉サービス等\u3000・ 日常生活上の活動（家族・学校・医療など）');
  return finish(doc, `週間計画表 ${c.name}`);
}

// ---- monitoring ------------------------------------------------------------------------------

export function renderMonitoring(c: ClientHead, m: MonitoringOut, plan: PlanOut | null): Promise<Buffer> {
  const doc = createPdf({ title: 'モニタリング報告書', subject: c.name, landscape: true });
  title(doc, `モニタリング報告書（${plan ? PLAN_KIND_LABELS[plan.kind] : '計画'}）`, `対象の計画 第${m.planRevision}版`);
  fields(doc, [
    ['利用者氏名', `${c.name}（${c.nameKana}）`],
    ['生年月日', d(c.birthDate)],
    ['実施日', d(m.conductedOn)],
    ['実施場所', m.place],
    ['計画作成担当者', plan?.header.plannerName ?? m.authorName],
    ['相談支援事業者名', plan?.header.officeName ?? ''],
  ]);
  heading(doc, '全体の状況');
  paragraph(doc, m.overall);
  table(
    doc,
    [
      { header: '優先順位', width: 0.6 },
      { header: '支援目標', width: 2 },
      { header: '達成時期', width: 0.8 },
      { header: 'サービス提供状況（事業者からの聞き取り）', width: 2.2 },
      { header: '本人の感想・満足度', width: 1.8 },
      { header: '支援目標の達成度', width: 0.9 },
      { header: '今後の課題・解決方法', width: 2 },
      { header: '計画変更の必要性（種類／量／週間計画）', width: 1.4 },
      { header: 'その他留意事項', width: 1.5 },
    ],
    m.goals.map((g) => [
      String(g.priority),
      g.goal,
      g.achieveBy,
      g.serviceStatus,
      g.satisfaction,
      ACHIEVEMENT_LABELS[g.achievement],
      g.issues,
      `種類 ${yn(g.changeType)}／量 ${yn(g.changeAmount)}／週間 ${yn(g.changeWeekly)}`,
      g.notes,
    ]),
    { fontSize: 8 },
  );
  paragraph(doc, `計画の見直し: ${m.planChangeNeeded ? '必要' : '不要'}\u3000\u3000作成者: ${m.authorName}`);
  return finish(doc, `モニタリング報告書 ${c.name}`);
}

// ---- case conference -------------------------------------------------------------------------

export function renderConference(c: ClientHead, k: ConferenceOut): Promise<Buffer> {
  const doc = createPdf({ title: 'サービス担当者会議 記録', subject: c.name });
  title(doc, 'サービス担当者会議 記録（議事録）');
  fields(doc, [
    ['利用者氏名', `${c.name}（${c.nameKana}）`],
    ['開催日時', formatDateTimeJa(k.heldAt)],
    ['開催場所', k.place],
    ['記録者', k.authorName],
  ]);
  heading(doc, '会議の目的');
  paragraph(doc, k.purpose);
  heading(doc, '出席者');
  table(doc, [{ header: '所属', width: 2 }, { header: '職種・役割', width: 1.5 }, { header: '氏名', width: 1.5 }], k.attendees.map((a) => [a.organization, a.role, a.name]));
  heading(doc, '検討した項目');
  paragraph(doc, k.agenda);
  heading(doc, '検討内容');
  paragraph(doc, k.minutes);
  heading(doc, '結論');
  paragraph(doc, k.decisions.map((x, i) => `${i + 1}. ${x}`).join('\n'));
  heading(doc, '残された課題（次回の開催時期・担当）');
  table(doc, [{ header: '課題', width: 3 }, { header: '担当者', width: 1.2 }, { header: '期限', width: 1.2 }, { header: '完了', width: 0.6 }], k.tasks.map((t) => [t.task, t.ownerName, d(t.dueOn), t.done ? '済' : '']));
  return finish(doc, `担当者会議 ${c.name}`);
}

// ---- emergency summary (2 pages) and ライフサポートファイル ---------------------------------

function careItemRows(m: Medical) {
  return m.careItems.map((i) => [getCareItem(i.code).label, MONITORING_LEVEL_LABELS[i.monitoring], i.note]);
}
function deviceRows(m: Medical) {
  return m.devices.map((x) => [x.type, x.makerModel, x.settings, x.batteryHours === null ? '' : `${x.batteryHours}時間`, `${x.dealer}${x.dealerPhone24h ? `\n24h: ${x.dealerPhone24h}` : ''}`]);
}
const diagnosisText = (m: Medical) => m.diagnoses.map((x) => `${x.name}${x.icd10 ? `（${x.icd10}）` : ''}${x.shomanGroup ? ` ［小慢: ${findShomanGroup(x.shomanGroup)?.label ?? ''}］` : ''}`).join('\n');

/** MEIS-style 救急サマリー in two A4 pages: page 1 for the first minutes, page 2 for the ER. */
export function renderEmergencySummary(c: ClientHead, m: Medical, k: Contact): Promise<Buffer> {
  const doc = createPdf({ title: '救急サマリー', subject: c.name });
  title(doc, '救急サマリー（緊急時情報）', '救急隊・救急外来の方へ: 医療的ケアを受けています');
  fields(doc, [
    ['氏名', `${c.name}（${c.nameKana}）`],
    ['生年月日・年齢', `${d(c.birthDate)}（${ageOn(c.birthDate, tokyoDate())}歳）`],
    ['性別', SEX[c.sex] ?? ''],
    ['血液型・体重', `${m.bloodType || '-'}\u3000${m.weightKg ? `${m.weightKg} kg` : ''}`],
  ]);
  heading(doc, '診断名');
  paragraph(doc, diagnosisText(m));
  heading(doc, 'アレルギー');
  paragraph(doc, m.allergies.map((a) => `${a.substance}${a.reaction ? `（${a.reaction}）` : ''}`).join('、'), { empty: 'なし（記録上）' });
  heading(doc, '医療的ケア');
  table(doc, [{ header: 'ケア', width: 2 }, { header: '見守り', width: 0.6 }, { header: '内容・留意点', width: 3.4 }], careItemRows(m));
  heading(doc, '医療機器と設定');
  table(doc, [{ header: '機器', width: 1.2 }, { header: 'メーカー・機種', width: 1.4 }, { header: '設定', width: 2 }, { header: 'バッテリー', width: 0.8 }, { header: '業者・24時間連絡先', width: 1.6 }], deviceRows(m), { fontSize: 8 });
  doc.addPage();
  heading(doc, '緊急時の対応');
  paragraph(doc, m.emergencyNotes);
  heading(doc, '服薬');
  table(doc, [{ header: '薬剤名', width: 2 }, { header: '用量', width: 1 }, { header: '用法・時間', width: 1.4 }, { header: '経路', width: 0.8 }, { header: '備考', width: 1.5 }], m.medications.map((x) => [x.name, x.dose, x.timing, x.route, x.note]));
  heading(doc, '連絡先');
  table(
    doc,
    [{ header: '氏名', width: 1.5 }, { header: '続柄・関係', width: 1 }, { header: '電話番号', width: 1.5 }, { header: '備考', width: 2 }],
    [...k.guardians.map((g) => [g.name, g.relation, g.phone, g.isPrimary ? '主たる保護者' : g.note]), ...k.emergencyContacts.map((e) => [e.name, e.relation, e.phone, e.note])],
  );
  heading(doc, '医療機関・主治医');
  table(doc, [{ header: '医療機関', width: 2 }, { header: '診療科', width: 1 }, { header: '医師', width: 1 }, { header: '電話', width: 1.3 }, { header: '役割', width: 0.9 }], m.hospitals.map((h) => [h.name, h.department, h.doctor, h.phone, HOSPITAL_ROLE_LABELS[h.role]]));
  return finish(doc, `救急サマリー ${c.name}`);
}

export function renderLifeSupportFile(c: ClientHead, p: Profile, m: Medical, k: Contact): Promise<Buffer> {
  const doc = createPdf({ title: 'ライフサポートファイル', subject: c.name });
  const asOf = tokyoDate();
  const stage = lifeStage(c.birthDate, asOf);
  title(doc, 'ライフサポートファイル', '成長の記録と支援の引き継ぎのために（家族が保管し、園・学校・病院に見せる）');
  heading(doc, 'わたしのプロフィール');
  fields(doc, [
    ['氏名', `${c.name}（${c.nameKana}）`],
    ['生年月日', `${d(c.birthDate)}（${ageOn(c.birthDate, asOf)}歳）`],
    ['性別', SEX[c.sex] ?? ''],
    ['ライフステージ', lifeStageLabel(stage)],
    ['住所', `${p.postalCode ? `〒${p.postalCode} ` : ''}${p.address}`],
    ['所属', `${SCHOOL_KIND_LABELS[p.school.kind]} ${p.school.name} ${p.school.grade}`.trim()],
  ]);
  heading(doc, '家族');
  table(doc, [{ header: '氏名', width: 1.4 }, { header: '続柄', width: 0.8 }, { header: '連絡先', width: 1.4 }, { header: '就労・備考', width: 2 }], [
    ...k.guardians.map((g) => [g.name, g.relation, g.phone, [g.work, g.note].filter(Boolean).join(' ')]),
    ...p.siblings.map((s) => [s.name, s.relation || 'きょうだい', '', [s.birthDate ? `${d(s.birthDate)}生` : '', s.note].filter(Boolean).join(' ')]),
  ]);
  heading(doc, '受給者証・手帳');
  table(doc, [{ header: '種類', width: 2 }, { header: '番号', width: 1.2 }, { header: '等級・区分', width: 1 }, { header: '有効期限', width: 1.3 }], p.certificates.map((x) => [CERTIFICATE_KIND_LABELS[x.kind], x.number, x.grade, d(x.expiresOn)]));
  heading(doc, '診断名・医療');
  paragraph(doc, diagnosisText(m));
  table(doc, [{ header: '医療機関', width: 2 }, { header: '診療科', width: 1 }, { header: '医師', width: 1 }, { header: '電話', width: 1.3 }, { header: '役割', width: 0.9 }], m.hospitals.map((h) => [h.name, h.department, h.doctor, h.phone, HOSPITAL_ROLE_LABELS[h.role]]));
  heading(doc, '医療的ケア');
  const score = computeCareScore(m.careItems.map((i) => ({ code: i.code, monitoring: i.monitoring })));
  paragraph(doc, `医療的ケア判定スコア（参考）: ${score.total}点（${careScoreBandInfo(score.band).label}）`);
  table(doc, [{ header: 'ケア', width: 2 }, { header: '見守り', width: 0.6 }, { header: '内容・留意点', width: 3.4 }], careItemRows(m));
  heading(doc, '医療機器');
  table(doc, [{ header: '機器', width: 1.2 }, { header: 'メーカー・機種', width: 1.4 }, { header: '設定', width: 2 }, { header: 'バッテリー', width: 0.8 }, { header: '業者・24時間連絡先', width: 1.6 }], deviceRows(m), { fontSize: 8 });
  heading(doc, '服薬・アレルギー');
  table(doc, [{ header: '薬剤名', width: 2 }, { header: '用量', width: 1 }, { header: '用法・時間', width: 1.4 }, { header: '備考', width: 1.5 }], m.medications.map((x) => [x.name, x.dose, x.timing, x.note]));
  paragraph(doc, `アレルギー: ${m.allergies.map((a) => a.substance).join('、') || 'なし（記録上）'}`);
  heading(doc, '緊急時の対応');
  paragraph(doc, m.emergencyNotes);
  heading(doc, `ライフステージの記録（現在: ${lifeStageLabel(stage)}）`);
  table(doc, [{ header: '時期', width: 1 }, { header: 'これから迎える節目と準備', width: 4 }], [
    ...LIFE_STAGES.map((s) => [s.label, s.code === stage ? '← 現在' : '']),
    ...upcomingTransitions(c.birthDate, asOf, 36).map((t) => [`${t.label}（${d(t.date)}）`, t.hint]),
  ]);
  heading(doc, '情報の提供についての同意');
  paragraph(doc, 'このファイルの内容を、支援に関わる機関に見せることに同意します。\n\n署名: ＿＿＿＿＿＿＿＿＿＿＿＿＿＿\u3000\u3000日付: \u3000\u3000年\u3000\u3000月\u3000\u3000日');
  return finish(doc, `ライフサポートファイル ${c.name}`);
}

export type { Pdf };
