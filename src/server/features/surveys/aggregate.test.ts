import { describe, expect, it } from 'vitest';
import { aggregateSurvey, indicatorPoint, mapOptionsByLabel, type AggQuestion, type AggResponse } from './aggregate.js';

const Q: AggQuestion[] = [
  { id: 'sat', position: 1, type: 'likert', text: '満足できましたか', required: true, options: ['大変満足', 'やや満足', 'やや不満', '不満'] },
  { id: 'accept', position: 2, type: 'single', text: '引き受けますか', required: true, options: ['積極的に', 'サポートがあれば', 'よくわからない'] },
  { id: 'topics', position: 3, type: 'multiple', text: '知りたいこと', required: false, options: ['就学', '避難', '制度'] },
  { id: 'years', position: 4, type: 'number', text: '経験年数', required: false, options: [] },
  { id: 'free', position: 5, type: 'text', text: '感想', required: false, options: [] },
];

const resp = (city: string, role: string, a: Record<string, { choices?: number[]; numberValue?: number; textValue?: string }>, name: string | null = null): AggResponse => ({
  respondentName: name,
  municipalityName: city,
  respondentRole: role,
  answers: new Map(Object.entries(a)),
});

const R: AggResponse[] = [
  resp('松戸市', 'consultant', { sat: { choices: [0] }, accept: { choices: [0] }, topics: { choices: [0, 1] }, years: { numberValue: 3 }, free: { textValue: '顔の見える関係ができた' } }, '相談 一郎'),
  resp('松戸市', 'consultant', { sat: { choices: [0] }, accept: { choices: [1] }, topics: { choices: [1] }, years: { numberValue: 10 }, free: { textValue: '<script>alert(1)</script>' } }, '相談 二郎'),
  resp('柏市', 'nurse', { sat: { choices: [1] }, accept: { choices: [1] }, years: { numberValue: 5 } }, '看護 花子'),
  resp('柏市', 'consultant', { sat: { choices: [1] }, accept: { choices: [2] }, free: { textValue: '   ' } }, '相談 三郎'),
];

const byId = (res: ReturnType<typeof aggregateSurvey>, id: string) => res.questions.find((q) => q.questionId === id)!;

describe('aggregateSurvey', () => {
  it('counts single choice with shares of those who answered', () => {
    const accept = byId(aggregateSurvey({ questions: Q, responses: R, isAnonymous: true }), 'accept');
    expect(accept.chart).toBe('bar');
    expect(accept.options.map((o) => o.count)).toEqual([1, 2, 1]);
    expect(accept.options[1]!.share).toBe(0.5);
  });

  it('counts multiple choice per option (shares may exceed 100% in total)', () => {
    const topics = byId(aggregateSurvey({ questions: Q, responses: R, isAnonymous: true }), 'topics');
    expect(topics.answered).toBe(2);
    expect(topics.options.map((o) => o.count)).toEqual([1, 2, 0]);
    expect(topics.options[1]!.share).toBe(1);
  });

  it('scores Likert answers best-first (4 = 大変満足) with a stacked bar', () => {
    const sat = byId(aggregateSurvey({ questions: Q, responses: R, isAnonymous: true }), 'sat');
    expect(sat.chart).toBe('stacked_bar');
    expect(sat.options.map((o) => o.count)).toEqual([2, 2, 0, 0]);
    expect(sat.mean).toBe(3.5);
    expect(sat.median).toBe(3.5);
  });

  it('summarises numbers with mean, median, range and a histogram', () => {
    const years = byId(aggregateSurvey({ questions: Q, responses: R, isAnonymous: true }), 'years');
    expect(years).toMatchObject({ answered: 3, mean: 6, median: 5, min: 3, max: 10, chart: 'histogram' });
    expect(years.histogram.reduce((s, b) => s + b.count, 0)).toBe(3);
  });

  it('lists free text verbatim, skips blank answers and searches with Japanese normalisation', () => {
    const all = byId(aggregateSurvey({ questions: Q, responses: R, isAnonymous: false }), 'free');
    expect(all.textTotal).toBe(2);
    expect(all.texts.map((t) => t.text)).toEqual(['顔の見える関係ができた', '<script>alert(1)</script>']);
    expect(all.texts[0]).toMatchObject({ respondentName: '相談 一郎', municipalityName: '松戸市' });
    // Full-width query, NFKC-folded: still finds the text; the total stays for "2件中1件".
    const found = byId(aggregateSurvey({ questions: Q, responses: R, isAnonymous: false, q: 'ＳＣＲＩＰＴ' }), 'free');
    expect(found.texts.map((t) => t.text)).toEqual(['<script>alert(1)</script>']);
    expect(found.textTotal).toBe(2);
    expect(byId(aggregateSurvey({ questions: Q, responses: R, isAnonymous: false, q: '関係' }), 'free').texts).toHaveLength(1);
  });

  it('never attaches names or cities to free text of an anonymous survey', () => {
    const free = byId(aggregateSurvey({ questions: Q, responses: R, isAnonymous: true }), 'free');
    for (const t of free.texts) expect(t).toMatchObject({ respondentName: null, municipalityName: null });
  });

  it('withholds filtered results of an anonymous survey below the minimum group size', () => {
    const small = aggregateSurvey({ questions: Q, responses: R, isAnonymous: true, filter: { role: 'nurse' } });
    expect(small.suppressed).toBe(true);
    expect(small.responseCount).toBe(0);
    expect(byId(small, 'sat').options.every((o) => o.count === 0)).toBe(true);
    const named = aggregateSurvey({ questions: Q, responses: R, isAnonymous: false, filter: { role: 'nurse' } });
    expect(named.suppressed).toBe(false);
    expect(named.responseCount).toBe(1);
    const city = aggregateSurvey({ questions: Q, responses: R, isAnonymous: true, filter: { role: 'consultant' } });
    expect(city.responseCount).toBe(3);
  });

  it('handles a survey nobody answered', () => {
    const res = aggregateSurvey({ questions: Q, responses: [], isAnonymous: true });
    expect(res.responseCount).toBe(0);
    for (const q of res.questions) expect(q.answered).toBe(0);
    expect(byId(res, 'sat')).toMatchObject({ mean: null, median: null });
    expect(byId(res, 'accept').options.every((o) => o.share === null)).toBe(true);
    expect(byId(res, 'years').histogram).toEqual([]);
    expect(aggregateSurvey({ questions: [], responses: R, isAnonymous: true }).questions).toEqual([]);
  });
});

describe('indicators', () => {
  const canonical = ['積極的に引き受けたい', 'コーディネーター等のサポートがあれば引き受けたい', '条件次第では検討する', 'よくわからない'];

  it('maps a question with fewer, differently worded options onto the indicator', () => {
    const map = mapOptionsByLabel(['積極的に引き受けたい', '医ケアコーディネーターの支援があれば引き受けたい', 'よくわからない'], canonical);
    expect(map).toEqual([0, null, 3]);
  });

  it('computes the distribution and the positive share (the seed: 3 / 2 / 1 of 6)', () => {
    const responses = [0, 0, 0, 1, 1, 2].map((c) => resp('松戸市', 'consultant', { q: { choices: [c] } }));
    const p = indicatorPoint({ indicatorOptions: canonical, positiveOptions: [0, 1], question: { id: 'q' }, optionMap: [0, 1, 3], responses });
    expect(p.distribution.map((d) => d.count)).toEqual([3, 2, 0, 1]);
    expect(p.responses).toBe(6);
    expect(p.positiveShare).toBe(0.833);
  });
});
