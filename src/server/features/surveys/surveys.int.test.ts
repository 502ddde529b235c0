import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxEmail, surveyInvitation, surveyResponse } from '../../db/schema/index.js';
import { startTestApp, type TestApp, type TestClient } from '../../test/harness.js';

let t: TestApp;
let coord: TestClient;
let ipSeq = 0;
const fromIp = () => ({ 'x-forwarded-for': `203.0.113.${++ipSeq}` });

beforeAll(async () => {
  t = await startTestApp({ AUTH_IP_MAX_SIGNIN_PER_MINUTE: '1000', TRUST_PROXY: '1', PUBLIC_FORM_MAX_PER_10_MINUTES: '50' });
  coord = (await t.signedIn(['coordinator'])).client;
});
afterAll(async () => t?.close());

const QUESTIONS = [
  { type: 'likert', text: '今回の研修会、満足できましたか？', required: true, options: ['大変満足できた', 'やや満足できた', 'あまり満足できなかった', '満足できなかった'] },
  { type: 'single', text: '医ケアケースの依頼があったら引き受けますか？', required: true, options: ['積極的に引き受けたい', '医ケアコーディネーターの支援があれば引き受けたい', 'よくわからない'] },
  { type: 'multiple', text: 'さらに知りたいこと', options: ['就園・就学', '個別避難計画', '医療との連携'] },
  { type: 'number', text: '相談支援の経験年数', minValue: 0, maxValue: 60 },
  { type: 'text', text: '感想や意見を自由に書いてください。' },
];

interface Survey {
  id: string;
  questions: { id: string; type: string }[];
}

/** An event with `n` public registrants and a survey attached, opened and sent to them. */
async function setup(n: number, surveyExtra: Record<string, unknown> = {}) {
  const ev = (await (
    await coord.post('/api/events', { kind: 'training', title: '研修会', startsAt: new Date(Date.now() + 86_400_000).toISOString(), endsAt: new Date(Date.now() + 90_000_000).toISOString(), publicRegistration: true })
  ).json()) as { id: string; publicUrl: string };
  const token = ev.publicUrl.split('/').pop()!;
  const emails: string[] = [];
  for (let i = 0; i < n; i++) {
    const email = `r${i}-${Math.random().toString(36).slice(2)}@example.jp`;
    emails.push(email);
    await t.client().post(`/api/public/events/${token}/registrations`, { name: `参加 ${i}`, email, officeName: '事業所', municipalityName: i % 2 ? '柏市' : '松戸市', participantRole: 'consultant' }, { headers: fromIp() });
  }
  const s = (await (await coord.post('/api/surveys', { title: '第1回 研修アンケート', eventId: ev.id, questions: QUESTIONS, ...surveyExtra })).json()) as Survey;
  expect((await coord.patch(`/api/surveys/${s.id}`, { status: 'open' })).status).toBe(200);
  const inv = await coord.post(`/api/surveys/${s.id}/invitations`, { audience: 'registered' });
  expect(await inv.json()).toMatchObject({ created: n, skipped: 0 });
  const links: string[] = [];
  for (const email of emails) {
    const mail = (await t.db.select().from(outboxEmail).where(eq(outboxEmail.to, email))).find((m) => m.subject.includes('アンケート'));
    const m = [...mail!.text.matchAll(/\/public\/surveys\/([A-Za-z0-9_-]+)/g)];
    links.push(m[0]![1]!);
  }
  return { eventId: ev.id, survey: s, links };
}

const answers = (s: Survey, values: [number, number, number[], number | undefined, string | undefined]) => ({
  answers: [
    { questionId: s.questions[0]!.id, choices: [values[0]] },
    { questionId: s.questions[1]!.id, choices: [values[1]] },
    { questionId: s.questions[2]!.id, choices: values[2] },
    ...(values[3] === undefined ? [] : [{ questionId: s.questions[3]!.id, number: values[3] }]),
    ...(values[4] === undefined ? [] : [{ questionId: s.questions[4]!.id, text: values[4] }]),
  ],
});

describe('public survey links', () => {
  it('accepts one response per link and refuses reused, expired and unknown links', async () => {
    const { survey, links } = await setup(2);
    const form = await t.client().get(`/api/public/surveys/${links[0]}`);
    expect(form.status).toBe(200);
    expect(((await form.json()) as { questions: unknown[] }).questions).toHaveLength(5);

    const ok = await t.client().post(`/api/public/surveys/${links[0]}/responses`, answers(survey, [0, 0, [0, 1], 5, 'よかった']), { headers: fromIp() });
    expect(ok.status).toBe(201);
    const again = await t.client().post(`/api/public/surveys/${links[0]}/responses`, answers(survey, [1, 1, [], 5, '二回目']), { headers: fromIp() });
    expect(again.status).toBe(410);
    expect((await t.client().get(`/api/public/surveys/${links[0]}`)).status).toBe(410);

    await t.db.update(surveyInvitation).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(surveyInvitation.surveyId, survey.id));
    expect((await t.client().post(`/api/public/surveys/${links[1]}/responses`, answers(survey, [0, 0, [], undefined, undefined]), { headers: fromIp() })).status).toBe(410);
    expect((await t.client().get(`/api/public/surveys/${'x'.repeat(43)}`)).status).toBe(404);
    const stored = await t.db.select().from(surveyResponse).where(eq(surveyResponse.surveyId, survey.id));
    expect(stored).toHaveLength(1);
  });

  it('refuses oversized answers, out-of-range values and missing required answers, naming the question', async () => {
    const { survey, links } = await setup(1);
    const long = await t.client().post(`/api/public/surveys/${links[0]}/responses`, answers(survey, [0, 0, [], undefined, 'あ'.repeat(4001)]), { headers: fromIp() });
    expect(long.status).toBe(400);
    const huge = await t.client().post(`/api/public/surveys/${links[0]}/responses`, { answers: [], padding: 'x'.repeat(70_000) }, { headers: fromIp() });
    expect(huge.status).toBe(413);
    const range = await t.client().post(`/api/public/surveys/${links[0]}/responses`, answers(survey, [0, 7, [], 99, undefined]), { headers: fromIp() });
    expect(range.status).toBe(400);
    const body = (await range.json()) as { errors: { message: string }[] };
    expect(body.errors.map((e) => e.message).join()).toContain('質問2');
    expect(body.errors.map((e) => e.message).join()).toContain('質問4');
    const missing = await t.client().post(`/api/public/surveys/${links[0]}/responses`, { answers: [] }, { headers: fromIp() });
    expect(((await missing.json()) as { errors: { message: string }[] }).errors.map((e) => e.message).join()).toContain('必須');
    // The link is still usable after refused attempts.
    expect((await t.client().post(`/api/public/surveys/${links[0]}/responses`, answers(survey, [0, 0, [], undefined, undefined]), { headers: fromIp() })).status).toBe(201);
  });

  it('stores HTML and script in free text as text and returns it verbatim as JSON', async () => {
    const { survey, links } = await setup(1);
    const evil = '<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes"';
    expect((await t.client().post(`/api/public/surveys/${links[0]}/responses`, answers(survey, [0, 0, [], undefined, evil]), { headers: fromIp() })).status).toBe(201);
    const res = await coord.get(`/api/surveys/${survey.id}/results`);
    expect(res.headers.get('content-type')).toContain('application/json');
    const results = (await res.json()) as { questions: { type: string; texts: { text: string }[] }[] };
    expect(results.questions.find((q) => q.type === 'text')!.texts[0]!.text).toBe(evil);
  });
});

describe('members, results and exports', () => {
  it('lets a registered member answer once in the app', async () => {
    const { eventId, survey } = await setup(0);
    const { client: member } = await t.signedIn(['consultant']);
    expect((await member.post(`/api/surveys/${survey.id}/responses`, answers(survey, [0, 1, [], undefined, undefined]))).status).toBe(404);
    await member.post(`/api/events/${eventId}/registration`);
    expect((await member.post(`/api/surveys/${survey.id}/responses`, answers(survey, [0, 1, [], undefined, undefined]))).status).toBe(201);
    expect((await member.post(`/api/surveys/${survey.id}/responses`, answers(survey, [0, 1, [], undefined, undefined]))).status).toBe(409);
    expect(((await (await member.get(`/api/surveys/${survey.id}`)).json()) as { responded: boolean }).responded).toBe(true);
    expect((await member.get(`/api/surveys/${survey.id}/results`)).status).toBe(403);
  });

  it('reports the response rate and per-question counts, and exports anonymous CSV without names', async () => {
    const { survey, links } = await setup(4);
    await t.client().post(`/api/public/surveys/${links[0]}/responses`, answers(survey, [0, 0, [0], 3, '=HYPERLINK("x")']), { headers: fromIp() });
    await t.client().post(`/api/public/surveys/${links[1]}/responses`, answers(survey, [1, 1, [0, 2], 8, undefined]), { headers: fromIp() });
    const r = (await (await coord.get(`/api/surveys/${survey.id}/results`)).json()) as { responseCount: number; invitedCount: number; responseRate: number; questions: { options: { count: number }[]; mean: number | null }[] };
    expect(r).toMatchObject({ responseCount: 2, invitedCount: 4, responseRate: 0.5 });
    expect(r.questions[1]!.options.map((o) => o.count)).toEqual([1, 1, 0]);
    expect(r.questions[3]!.mean).toBe(5.5);

    const csv = await coord.get(`/api/surveys/${survey.id}/responses.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM, for Excel
    const text = new TextDecoder().decode(bytes);
    expect(text).not.toContain('参加 0');
    expect(text).not.toContain('@example.jp');
    expect(text).toContain("'=HYPERLINK");
    expect(text).toContain('積極的に引き受けたい');
  });

  it('exports names for a named survey', async () => {
    const { survey, links } = await setup(1, { isAnonymous: false });
    await t.client().post(`/api/public/surveys/${links[0]}/responses`, answers(survey, [0, 0, [], undefined, undefined]), { headers: fromIp() });
    const text = await (await coord.get(`/api/surveys/${survey.id}/responses.csv`)).text();
    expect(text).toContain('参加 0');
  });

  it('copies a survey for the next event and tracks an indicator across both', async () => {
    const first = await setup(3);
    for (const [i, l] of first.links.entries()) await t.client().post(`/api/public/surveys/${l}/responses`, answers(first.survey, [0, [0, 1, 2][i]!, [], undefined, undefined]), { headers: fromIp() });
    const copy = (await (await coord.post(`/api/surveys/${first.survey.id}/copy`, { title: '第2回 研修アンケート' })).json()) as Survey & { copiedFromId: string; status: string };
    expect(copy).toMatchObject({ copiedFromId: first.survey.id, status: 'draft' });
    expect(copy.questions).toHaveLength(5);

    const ind = (await (
      await coord.post('/api/indicators', { key: `accept_${Date.now()}`, name: '医ケアケースの受け入れ意向', options: ['積極的に引き受けたい', 'コーディネーター等のサポートがあれば引き受けたい', '条件次第では検討する', 'よくわからない'], positiveOptions: [0, 1] })
    ).json()) as { id: string };
    const tracked = await coord.put(`/api/surveys/${first.survey.id}/questions/${first.survey.questions[1]!.id}/indicator`, { indicatorId: ind.id, optionMap: [0, 1, 3] });
    expect(tracked.status).toBe(200);
    const trend = (await (await coord.get(`/api/indicators/${ind.id}/trend`)).json()) as { points: { responses: number; positiveShare: number; distribution: { count: number }[] }[] };
    expect(trend.points).toHaveLength(1);
    expect(trend.points[0]!.distribution.map((d) => d.count)).toEqual([1, 1, 0, 1]);
    expect(trend.points[0]!.positiveShare).toBe(0.667);
    // Filtering an anonymous survey down to fewer than 3 people withholds the numbers.
    const kashiwa = (await (await coord.get(`/api/indicators/${ind.id}/trend?municipality=${encodeURIComponent('柏市')}`)).json()) as { points: { suppressed: boolean; responses: number }[] };
    expect(kashiwa.points[0]).toMatchObject({ suppressed: true, responses: 0 });

    const cmp = (await (await coord.get(`/api/surveys/compare?a=${first.survey.id}&b=${copy.id}`)).json()) as { pairs: unknown[] };
    expect(cmp.pairs).toHaveLength(5);
  });

  it('manages indicators: generated key, tracked questions in the trend, links kept through draft edits, option count frozen while tracked, delete untracks', async () => {
    const { client: consultant } = await t.signedIn(['consultant']);
    const body = { name: '研修の活用度', options: ['とても役立つ', '役立つ', '役立たない'], positiveOptions: [0, 1] };
    expect((await consultant.post('/api/indicators', body)).status).toBe(403);
    const bad = await coord.post('/api/indicators', { ...body, options: ['とても役立つ'] });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe('options');
    expect((await coord.post('/api/indicators', { ...body, options: ['役立つ', '役立つ'] })).status).toBe(400);
    expect((await coord.post('/api/indicators', { ...body, positiveOptions: [5] })).status).toBe(400);
    const created = await coord.post('/api/indicators', body);
    expect(created.status).toBe(201);
    const ind = (await created.json()) as { id: string; key: string; questionCount: number };
    expect(ind.key).toMatch(/^indicator_[0-9a-f]{10}$/);

    // A draft: track its Likert question, then fix a typo in the draft — the link stays.
    const draft = (await (await coord.post('/api/surveys', { title: '活用度アンケート', questions: [{ type: 'likert', text: '役立ちましたか', options: ['とても役立つ', '役立つ', '役立たない'] }, { type: 'text', text: '感想' }] })).json()) as Survey;
    expect((await coord.put(`/api/surveys/${draft.id}/questions/${draft.questions[1]!.id}/indicator`, { indicatorId: ind.id })).status).toBe(409);
    expect((await coord.put(`/api/surveys/${draft.id}/questions/${draft.questions[0]!.id}/indicator`, { indicatorId: ind.id, optionMap: [0] })).status).toBe(400);
    expect((await coord.put(`/api/surveys/${draft.id}/questions/${draft.questions[0]!.id}/indicator`, { indicatorId: ind.id })).status).toBe(200);
    const edited = await coord.patch(`/api/surveys/${draft.id}`, { questions: [{ id: draft.questions[0]!.id, type: 'likert', text: '研修は役立ちましたか？', options: ['とても役立つ', '役立つ', '役立たない'] }, { id: draft.questions[1]!.id, type: 'text', text: '感想' }] });
    const after = (await edited.json()) as { questions: { id: string; indicatorId: string | null; indicatorOptionMap: number[] | null }[] };
    expect(after.questions[0]).toMatchObject({ id: draft.questions[0]!.id, indicatorId: ind.id, indicatorOptionMap: [0, 1, 2] });

    const trend = (await (await coord.get(`/api/indicators/${ind.id}/trend`)).json()) as { points: { questionId: string; questionText: string; questionOptions: string[]; optionMap: number[] }[] };
    expect(trend.points).toEqual([expect.objectContaining({ questionId: draft.questions[0]!.id, questionText: '研修は役立ちましたか？', optionMap: [0, 1, 2] })]);

    // Relabelling is fine; changing the number of options would shift every mapping.
    expect((await coord.patch(`/api/indicators/${ind.id}`, { options: ['とても役に立った', '役に立った', '役に立たなかった'] })).status).toBe(200);
    expect((await coord.patch(`/api/indicators/${ind.id}`, { options: ['とても', 'まあ', 'あまり', '全く'] })).status).toBe(409);

    expect((await consultant.delete(`/api/indicators/${ind.id}`)).status).toBe(403);
    expect((await coord.delete(`/api/indicators/${ind.id}`)).status).toBe(204);
    expect((await coord.get(`/api/indicators/${ind.id}/trend`)).status).toBe(404);
    const survey = (await (await coord.get(`/api/surveys/${draft.id}`)).json()) as { questions: { indicatorId: string | null }[] };
    expect(survey.questions.map((q) => q.indicatorId)).toEqual([null, null]);
  });

  it('refuses to change questions once people answered', async () => {
    const { survey, links } = await setup(1);
    await t.client().post(`/api/public/surveys/${links[0]}/responses`, answers(survey, [0, 0, [], undefined, undefined]), { headers: fromIp() });
    expect((await coord.patch(`/api/surveys/${survey.id}`, { questions: QUESTIONS.slice(0, 2) })).status).toBe(409);
  });
});
