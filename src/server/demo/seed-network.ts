// Demo history of the network (issue #6): the seed's meetings, two training sessions with
// their participants, surveys and responses, the tracked indicators, a few consultations.
// Called by seedDemo after the demo accounts exist; writes directly (past dates, fixed counts).
import { createHash } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { TOKATSU_MUNICIPALITIES } from '../../shared/domain/municipalities.js';
import type { Db, DbOrTx } from '../db/client.js';
import {
  consultation,
  consultationAnswer,
  event,
  eventGroup,
  eventMaterial,
  eventRegistration,
  indicator,
  survey,
  surveyAnswer,
  surveyQuestion,
  surveyResponse,
  user,
} from '../db/schema/index.js';
import { writeAudit, type AuditContext } from '../lib/audit.js';
import { newId } from '../lib/ids.js';
import { normalizeForSearch } from '../../shared/text/normalize.js';
import { randomToken } from '../lib/tokens.js';
import { newCheckInCode } from '../features/events/registrations.js';
import { demoEmail } from './demo-data.js';
import { GIVEN, GROUP_WORK_1, GROUP_WORK_2, GROUPS_2, MEETINGS, REVIEW_2, SURNAMES, SURVEY1, SURVEY2, TRAINING1_CITIES, TRAINING2_CITIES } from './network-demo-data.js';

const AUDIT: AuditContext = { label: 'system:demo-seed' };
const VENUE = 'ふれあい22 3F 研修室';
const jst = (date: string, time: string) => new Date(`${date}T${time}:00+09:00`);
const codeOf = (city: string) => TOKATSU_MUNICIPALITIES.find((m) => m.name === city)?.code ?? (city === '千葉市' ? '12100' : null);

type Reg = typeof eventRegistration.$inferInsert;

/** The demo's case-linked question (about Aちゃん); seedDemoClients links it to her record. */
export const DEMO_CASE_CONSULTATION_TITLE = 'Aさんの児発の利用時間延長について';

export async function seedNetworkDemo(db: Db) {
  const accounts = await db.select({ id: user.id, email: user.email, name: user.name, municipalityCode: user.municipalityCode }).from(user);
  const acc = (local: string) => accounts.find((a) => a.email === demoEmail(local));
  const sato = acc('coord.sato');
  const tanaka = acc('coord.tanaka');
  const officialMatsudo = acc('official.matsudo');
  let personSeq = 0;
  const invent = () => {
    const i = personSeq++;
    return `${SURNAMES[i % SURNAMES.length]} ${GIVEN[(i * 7) % GIVEN.length]}`;
  };

  await db.transaction(async (tx) => {
    const member = (a: NonNullable<typeof sato>, eventId: string, at: Date, extra: Partial<Reg> = {}): Reg => ({
      id: newId(),
      eventId,
      userId: a.id,
      source: 'member',
      name: a.name,
      email: a.email,
      emailNormalized: a.email,
      officeName: '',
      municipalityCode: a.municipalityCode,
      municipalityName: TOKATSU_MUNICIPALITIES.find((m) => m.code === a.municipalityCode)?.name ?? '',
      participantRole: 'coordinator',
      status: 'registered',
      checkInCode: newCheckInCode(),
      checkedInAt: at,
      createdAt: new Date(at.getTime() - 7 * 86_400_000),
      ...extra,
    });

    // Coordinators' meetings (times are not in the seed: 10:00–11:30 is a placeholder).
    for (const m of MEETINGS) {
      const id = newId();
      const startsAt = jst(m.date, '10:00');
      await tx.insert(event).values({
        id,
        kind: 'coordinator_meeting',
        title: `医療的ケア児等コーディネーター ${m.title}`,
        description: `議題: ${m.agenda}\n（開始時刻・会場は記録にないため仮置き）`,
        startsAt,
        endsAt: jst(m.date, '11:30'),
        targetAudience: m.withCity ? '市内の医療的ケア児等コーディネーター、市職員' : '市内の医療的ケア児等コーディネーター',
        staff: [{ role: 'organiser', name: '松戸市 医療的ケア児等コーディネーター' }],
        publicToken: randomToken(18),
        registrationOpen: false,
        hostMunicipalityCode: '12207',
        minutes: `${m.agenda}`,
        createdBy: sato?.id ?? null,
        createdAt: new Date(startsAt.getTime() - 30 * 86_400_000),
      });
      const regs: Reg[] = [];
      if (sato) regs.push(member(sato, id, startsAt));
      if (tanaka) regs.push(member(tanaka, id, startsAt));
      if (m.withCity && officialMatsudo) regs.push(member(officialMatsudo, id, startsAt, { participantRole: 'official' }));
      if (regs.length) await tx.insert(eventRegistration).values(regs);
    }

    // Training sessions.
    const training = async (opts: {
      date: string;
      from: string;
      to: string;
      title: string;
      target: string;
      staff: { role: 'lecturer' | 'facilitator' | 'organiser'; name: string; affiliation?: string }[];
      programme: { kind: 'lecture' | 'group_work' | 'other'; title: string; description?: string; presenter?: string; startTime?: string }[];
      cities: Record<string, number>;
      groups: { name: string; summary: string }[];
      staffCount: number;
    }) => {
      const id = newId();
      const startsAt = jst(opts.date, opts.from);
      await tx.insert(event).values({
        id,
        kind: 'training',
        title: opts.title,
        description: '相談支援専門員を対象とした研修会（講話とグループワーク）。主催: 松戸市の医療的ケア児等コーディネーター。',
        startsAt,
        endsAt: jst(opts.date, opts.to),
        venue: VENUE,
        targetAudience: opts.target,
        staff: opts.staff,
        programme: opts.programme,
        capacity: 40,
        registrationOpen: false,
        publicRegistration: true,
        publicToken: randomToken(18),
        hostMunicipalityCode: '12207',
        createdBy: sato?.id ?? null,
        createdAt: new Date(startsAt.getTime() - 45 * 86_400_000),
      });
      const groupIds: string[] = [];
      for (const [i, g] of opts.groups.entries()) {
        const gid = newId();
        groupIds.push(gid);
        await tx.insert(eventGroup).values({ id: gid, eventId: id, name: g.name, facilitatorName: opts.staff.filter((s) => s.role === 'facilitator')[i]?.name ?? null, summary: g.summary, sortOrder: i });
      }
      // Participants: every city's count, lecturers and facilitators first (taken from 松戸市).
      const regs: Reg[] = [];
      const people: { city: string; isStaff: boolean }[] = [];
      let staffLeft = opts.staffCount;
      for (const [city, n] of Object.entries(opts.cities)) for (let i = 0; i < n; i++) people.push({ city, isStaff: city === '松戸市' && staffLeft-- > 0 });
      const staffNames = opts.staff.filter((s) => s.role !== 'organiser').map((s) => s.name);
      let s = 0;
      let g = 0;
      for (const p of people) {
        const created = new Date(startsAt.getTime() - (20 - (regs.length % 15)) * 86_400_000);
        const name = p.isStaff ? (staffNames[s++] ?? invent()) : invent();
        const email = `participant-${String(personSeq).padStart(3, '0')}-${regs.length}@demo.tsunagu.example`;
        regs.push({
          id: newId(),
          eventId: id,
          userId: null,
          source: p.isStaff ? 'staff' : p.city === '松戸市' ? 'member' : 'public',
          name,
          email,
          emailNormalized: email,
          officeName: p.isStaff ? '' : `${p.city.replace('市', '')}の相談支援事業所（架空）`,
          municipalityCode: codeOf(p.city),
          municipalityName: p.city,
          participantRole: p.isStaff ? (s === 1 && opts.staff[0]?.affiliation?.includes('看護') ? 'nurse' : 'coordinator') : regs.length % 9 === 4 ? 'official' : 'consultant',
          isStaff: p.isStaff,
          status: 'registered',
          checkInCode: newCheckInCode(),
          checkedInAt: startsAt,
          groupId: p.isStaff || groupIds.length === 0 ? null : groupIds[g++ % groupIds.length]!,
          createdAt: created,
          updatedAt: created,
        });
      }
      await tx.insert(eventRegistration).values(regs);
      const audience = regs.filter((r) => !r.isStaff);
      // Respondents spread over the audience (and so over the cities), not the first in the list.
      const respondents = (n: number) => Array.from({ length: Math.min(n, audience.length) }, (_, i) => audience[Math.floor((i * audience.length) / n)]!);
      return { id, startsAt, respondents };
    };

    const t1 = await training({
      date: '2025-06-24',
      from: '14:00',
      to: '16:30',
      title: '第一回 医療的ケア児者支援研修会',
      target: '主に松戸市内の相談支援専門員',
      staff: [
        { role: 'lecturer', name: '森下 さとこ（架空）', affiliation: '訪問診療所（架空） 看護師' },
        { role: 'lecturer', name: sato?.name ?? '佐藤 みのり', affiliation: '医療的ケア児コーディネーター' },
        { role: 'facilitator', name: '大野 ひとみ（架空）', affiliation: '医療的ケア児等コーディネーター' },
        { role: 'facilitator', name: tanaka?.name ?? '田中 ゆうこ', affiliation: '医療的ケア児等コーディネーター' },
        { role: 'facilitator', name: '川口 まこと（架空）', affiliation: '医療的ケア児等コーディネーター' },
        { role: 'facilitator', name: '北村 ようこ（架空）', affiliation: '医療的ケア児等コーディネーター' },
      ],
      programme: [
        { kind: 'lecture', title: '医療的ケアって何でしょう？', description: '医療の立場と福祉の立場から、医療的ケアの内容、分類、制度のこと、事例の紹介など', presenter: '森下 さとこ（架空）・佐藤 みのり', startTime: '14:00' },
        { kind: 'group_work', title: '医療的ケア児のアセスメントをとってみよう。', description: GROUP_WORK_1 },
      ],
      cities: TRAINING1_CITIES,
      groups: ['A', 'B', 'C', 'D'].map((n) => ({ name: `${n}グループ`, summary: '' })),
      staffCount: 6,
    });
    const t2 = await training({
      date: '2025-12-19',
      from: '13:30',
      to: '16:30',
      title: '第二回 医療的ケア児者支援研修会',
      target: '主に東葛地区の相談支援専門員',
      staff: [
        { role: 'lecturer', name: '藤原 ともこ（架空）', affiliation: '医療的ケア児コーディネーター 看護師・社会福祉士' },
        ...['大野 ひとみ（架空）', tanaka?.name ?? '田中 ゆうこ', '川口 まこと（架空）', '北村 ようこ（架空）', sato?.name ?? '佐藤 みのり'].map((name) => ({ role: 'facilitator' as const, name, affiliation: '医療的ケア児等コーディネーター（FT）' })),
        { role: 'lecturer', name: '山岸 しのぶ（架空）', affiliation: '千葉県医療的ケア児等支援センター（総評）' },
      ],
      programme: [
        { kind: 'lecture', title: '医療的ケア児者の相談支援', description: '・ライフステージに応じた相談支援のポイント\n・事例紹介など', presenter: '藤原 ともこ（架空）', startTime: '13:30' },
        { kind: 'group_work', title: '医ケア支援で困っていること、もっと知りたいことなどを医ケアコーディネーターと一緒に話し合いましょう。', description: GROUP_WORK_2 },
        { kind: 'other', title: '総評', description: REVIEW_2, presenter: '山岸 しのぶ（架空）' },
      ],
      cities: TRAINING2_CITIES,
      groups: GROUPS_2.map((g) => ({ ...g })),
      staffCount: 7,
    });

    // The council meeting where the training was reported (the seed document itself).
    await tx.insert(event).values({
      id: newId(),
      kind: 'council',
      title: '令和7年度第2回 松戸市医療的ケア児の支援のための連携推進会議',
      description: '医療的ケア児者支援研修会の報告（研修会企画までの経過、2回の研修会、研修を終えて見えてきた地域課題と今後の展望）。',
      startsAt: jst('2026-02-10', '14:00'),
      endsAt: jst('2026-02-10', '16:00'),
      targetAudience: '連携推進会議の委員',
      staff: [{ role: 'lecturer', name: sato?.name ?? '佐藤 みのり', affiliation: '相談支援専門員・医療的ケア児コーディネーター（報告）' }],
      programme: [{ kind: 'lecture', title: '医療的ケア児者支援研修会の報告', presenter: sato?.name ?? '佐藤 みのり' }],
      publicToken: randomToken(18),
      registrationOpen: false,
      hostMunicipalityCode: '12207',
      minutes:
        '研修の成果: 医療的ケア児者への相談支援に対する心理的ハードルの低減／「一人で抱えなくてよい」「つながることが重要」という共通認識／医ケア分野を自分の業務と無関係ではないと捉え直すきっかけ／半数以上が「サポートがあれば引き受けたい」と回答／市を超えたつながり。\n今後の地域課題: 相談員ごとの知識のばらつき（引き受けるほどケースが集まる）／相談先の可視化（ワンストップの相談先）／引き受けの条件は「医ケアコーディネータ等のサポート」／近隣地域を巻き込んだ支援体制の整備。',
      createdBy: sato?.id ?? null,
    });

    // Materials: the programme sheet of each session (text, so the demo stays small).
    for (const [t, text] of [
      [t1, GROUP_WORK_1],
      [t2, GROUP_WORK_2],
    ] as const) {
      const content = Buffer.from(text, 'utf8');
      await tx.insert(eventMaterial).values({ id: newId(), eventId: t.id, filename: 'グループワーク進行表.txt', mimeType: 'text/plain; charset=utf-8', size: content.length, sha256: createHash('sha256').update(content).digest('hex'), content, uploadedBy: sato?.id ?? null, createdAt: t.startsAt });
    }

    // Indicators.
    const indSat = newId();
    const indUse = newId();
    const indAccept = newId();
    await tx.insert(indicator).values([
      { id: indSat, key: 'satisfaction', name: '研修の満足度', description: '研修会終了後アンケートの満足度', options: ['大変満足', 'やや満足', 'あまり満足できなかった', '満足できなかった'], positiveOptions: [0, 1] },
      { id: indUse, key: 'usefulness', name: '業務への活用度', description: '学んだ内容を業務で活用できるか', options: ['非常に活用できる', '少し活用できる', 'あまり活用できない', '活用できない'], positiveOptions: [0, 1] },
      {
        id: indAccept,
        key: 'acceptance',
        name: '医ケアケースの受け入れ意向',
        description: '「医ケアケースの依頼があったら引き受けますか？」— 地域の受け入れ意向の指標',
        options: ['積極的に引き受けたい', 'コーディネーター等のサポートがあれば引き受けたい', '条件次第では検討する', 'よくわからない'],
        positiveOptions: [0, 1],
      },
    ]);

    type Q = { type: 'likert' | 'single' | 'text'; text: string; options?: string[]; required?: boolean; indicatorId?: string; map?: (number | null)[] };
    const makeSurvey = async (opts: { eventId: string; startsAt: Date; title: string; questions: Q[]; respondents: Reg[]; answersFor: (qi: number, ri: number) => { choices?: number[]; textValue?: string } | null }) => {
      const sid = newId();
      const closesAt = new Date(opts.startsAt.getTime() + 14 * 86_400_000);
      await tx.insert(survey).values({ id: sid, title: opts.title, eventId: opts.eventId, isAnonymous: true, status: 'closed', closesAt, createdBy: sato?.id ?? null, createdAt: opts.startsAt });
      const qids = opts.questions.map(() => newId());
      await tx.insert(surveyQuestion).values(
        opts.questions.map((q, i) => ({ id: qids[i]!, surveyId: sid, position: i + 1, type: q.type, text: q.text, required: q.required ?? q.type !== 'text', options: q.options ?? [], indicatorId: q.indicatorId ?? null, indicatorOptionMap: q.map ?? null })),
      );
      const day = new Date(opts.startsAt.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
      for (const [ri, r] of opts.respondents.entries()) {
        const rid = newId();
        await tx.insert(surveyResponse).values({ id: rid, surveyId: sid, municipalityName: r.municipalityName ?? null, respondentRole: r.participantRole, submittedOn: day });
        const rows = opts.questions
          .map((_, qi) => ({ qi, a: opts.answersFor(qi, ri) }))
          .filter((x) => x.a)
          .map(({ qi, a }) => ({ responseId: rid, questionId: qids[qi]!, choices: a!.choices ?? null, numberValue: null, textValue: a!.textValue ?? null }));
        if (rows.length) await tx.insert(surveyAnswer).values(rows);
      }
      return sid;
    };
    /** The i-th response's option, given counts per option: [3,2,1] → 0,0,0,1,1,2. */
    const nth = (counts: readonly number[], i: number) => {
      let acc = 0;
      for (const [k, c] of counts.entries()) if (i < (acc += c)) return k;
      return null;
    };
    const pick = (counts: readonly number[], i: number) => {
      const k = nth(counts, i);
      return k === null ? null : { choices: [k] };
    };
    const text = (answers: readonly string[], i: number) => (answers[i] ? { textValue: answers[i] } : null);

    const S1 = SURVEY1;
    await makeSurvey({
      eventId: t1.id,
      startsAt: t1.startsAt,
      title: S1.title,
      respondents: t1.respondents(6),
      questions: [
        { type: 'likert', text: S1.satisfaction.text, options: S1.satisfaction.options, indicatorId: indSat, map: [0, 1, 2, 3] },
        { type: 'text', text: S1.use.text },
        { type: 'single', text: S1.accept.text, options: S1.accept.options, indicatorId: indAccept, map: [0, 1, 3] },
        { type: 'text', text: S1.more.text },
        { type: 'text', text: S1.comments.text },
      ],
      answersFor: (qi, ri) => [pick(S1.satisfaction.counts, ri), text(S1.use.answers, ri), pick(S1.accept.counts, ri), text(S1.more.answers, ri), text(S1.comments.answers, ri)][qi] ?? null,
    });
    const S2 = SURVEY2;
    await makeSurvey({
      eventId: t2.id,
      startsAt: t2.startsAt,
      title: S2.title,
      respondents: t2.respondents(20),
      questions: [
        { type: 'likert', text: S2.satisfaction.text, options: S2.satisfaction.options, indicatorId: indSat, map: [0, 1, 2, 3] },
        { type: 'likert', text: S2.usefulness.text, options: S2.usefulness.options, indicatorId: indUse, map: [0, 1, 2, 3] },
        { type: 'text', text: S2.how.text },
        { type: 'likert', text: S2.understanding.text, options: S2.understanding.options },
        { type: 'text', text: S2.more.text },
        { type: 'single', text: S2.accept.text, options: S2.accept.options, indicatorId: indAccept, map: [0, 1, 2, 3] },
        { type: 'text', text: S2.comments.text },
      ],
      answersFor: (qi, ri) =>
        [pick(S2.satisfaction.counts, ri), pick(S2.usefulness.counts, ri), text(S2.how.answers, ri), pick(S2.understanding.counts, ri), text(S2.more.answers, ri), pick(S2.accept.counts, ri), text(S2.comments.answers, ri)][qi] ?? null,
    });

    await seedConsultations(tx, acc);
    await writeAudit(tx, AUDIT, { action: 'demo.seed_network', entityType: 'system', details: { meetings: MEETINGS.length, trainings: 2, participants: [23, 33], responses: [6, 20] } });
  });
}

type AccountOf = (local: string) => { id: string; name: string; municipalityCode: string | null } | undefined;

async function seedConsultations(tx: DbOrTx, acc: AccountOf) {
  const threads: { asker: string; title: string; body: string; caseRef?: string; careItems?: string[]; lifeStages?: string[]; serviceTypes?: string[]; answers: [string, string][]; resolved: boolean; hidden?: boolean }[] = [
    {
      asker: 'consult.watanabe',
      title: '他市のコーディネーターにどこまで相談してよいですか',
      body: '野田市で初めて医ケアのケースを担当します。市内にコーディネーターが少なく、近隣市の方に相談してもよいものか迷っています。',
      answers: [['coord.tanaka', '市をまたいだ相談は歓迎です。このネットワークの「コーディネーターに相談」や研修会で顔を合わせた方に気軽に声をかけてください。個別の情報を出すときは、ご本人・ご家族の同意を取ってからにしましょう。千葉県の医療的ケア児支援センターも相談先になります。']],
      resolved: true,
    },
    {
      asker: 'consult.suzuki',
      title: '医ケアの「軽い・重い」の線引きはありますか',
      body: '研修のグループワークでも話題になりました。医ケアの軽い・重いをどう判断すればよいでしょうか。',
      careItems: ['suction', 'tube_feeding'],
      answers: [['coord.sato', '福祉サービスでは医師が記入する「判定スコア」が目安になります（3点以上・16点以上・32点以上で報酬区分が変わります）。ただ点数だけでは家族の負担や見守りの大変さは分かりません。吸引の回数、夜間のケア、注入にかかる時間などを家族から具体的に聞くことが大切です。']],
      resolved: true,
    },
    {
      asker: 'consult.ito',
      title: '入院したことを後から知ります。情報の入り方は？',
      body: '担当の子がいつの間にか入院していて、退院前の調整に間に合わないことがありました。入院・退院の情報はどうすれば早く入りますか。',
      lifeStages: ['preschool'],
      serviceTypes: ['home_nursing'],
      answers: [['coord.sato', '訪問看護ステーションが一番早く知ることが多いので、担当者会議で「入院したら相談員にも連絡を」と決めておくとよいです。家族にも連絡をお願いしておき、病院の医療ソーシャルワーカーとも顔をつないでおきましょう。退院前カンファレンスへの参加もお願いできます。']],
      resolved: true,
    },
    {
      asker: 'consult.takahashi',
      title: '入浴の時間を指定するとヘルパー事業所が見つかりません',
      body: '家族の生活スタイルに合わせて夕方の入浴介助を探していますが、吸引がある子を受けてくれる事業所が見つかりません。',
      careItems: ['suction'],
      serviceTypes: ['11', 'home_nursing'],
      answers: [],
      resolved: false,
    },
    {
      // Linked to Aちゃん's record once it exists (seedDemoClients): 鈴木 is her consultant.
      asker: 'consult.suzuki',
      title: DEMO_CASE_CONSULTATION_TITLE,
      body: '母親の仕事復帰に向けて、児童発達支援の利用時間を延ばせないか相談したいです（ケースに関する相談）。',
      lifeStages: ['preschool'],
      serviceTypes: ['63'],
      answers: [],
      resolved: false,
    },
  ];
  for (const [i, t] of threads.entries()) {
    const a = acc(t.asker);
    if (!a) continue;
    const id = newId();
    const created = new Date(Date.UTC(2026, 0, 10 + i * 5, 1));
    const answers = t.answers.map(([who, body]) => ({ who: acc(who), body })).filter((x) => x.who);
    await tx.insert(consultation).values({
      id,
      askerId: a.id,
      title: t.title,
      body: t.body,
      caseRef: t.caseRef ?? null,
      askerHidden: t.hidden ?? false,
      municipalityCode: a.municipalityCode,
      careItems: t.careItems ?? [],
      lifeStages: t.lifeStages ?? [],
      serviceTypes: t.serviceTypes ?? [],
      status: t.resolved ? 'resolved' : 'open',
      resolvedAt: t.resolved ? new Date(created.getTime() + 3 * 86_400_000) : null,
      searchText: normalizeForSearch([t.title, t.body, ...answers.map((x) => x.body)].join(' ')),
      createdAt: created,
      updatedAt: created,
    });
    for (const [k, x] of answers.entries())
      await tx.insert(consultationAnswer).values({ id: newId(), consultationId: id, authorId: x.who!.id, body: x.body, isAccepted: t.resolved && k === answers.length - 1, createdAt: new Date(created.getTime() + 86_400_000) });
  }
}

/** For tests and the CLI: ids of the demo trainings by title. */
export async function demoTrainingIds(db: Db) {
  const rows = await db.select({ id: event.id, title: event.title }).from(event).where(inArray(event.title, ['第一回 医療的ケア児者支援研修会', '第二回 医療的ケア児者支援研修会']));
  return Object.fromEntries(rows.map((r) => [r.title, r.id]));
}

