// Survey results as pure functions over loaded rows, so every question type, anonymity and the
// empty survey are unit-tested without a database. Surveys are small (tens to hundreds of
// responses), so aggregating in memory is simpler and as fast as SQL.
import type { QuestionType } from '../../../shared/contracts/surveys.js';
import { normalizeForSearch } from '../../../shared/text/normalize.js';

/**
 * Smallest group shown when results of an anonymous survey are filtered by city or role:
 * below it, "the one nurse from 野田市" could be recognised from the answers.
 */
export const MIN_FILTERED_GROUP = 3;

export interface AggQuestion {
  id: string;
  position: number;
  type: QuestionType;
  text: string;
  required: boolean;
  options: string[];
}

export interface AggAnswer {
  choices?: number[] | null;
  numberValue?: number | null;
  textValue?: string | null;
}

export interface AggResponse {
  respondentName: string | null;
  municipalityName: string | null;
  respondentRole: string | null;
  answers: Map<string, AggAnswer>;
}

const share = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 1000);
const round = (v: number) => Math.round(v * 100) / 100;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Up to 10 equal-width bins over the answered range (integers get one bin per value when few). */
function histogram(values: number[]) {
  if (values.length === 0) return [];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const integral = values.every(Number.isInteger);
  const bins = integral && hi - lo < 10 ? hi - lo + 1 : 10;
  const width = integral && hi - lo < 10 ? 1 : (hi - lo) / bins || 1;
  const out = Array.from({ length: bins }, (_, i) => ({ from: round(lo + i * width), to: round(lo + (i + 1) * width), count: 0 }));
  for (const v of values) out[Math.min(bins - 1, Math.floor((v - lo) / width))]!.count++;
  return out;
}

export function aggregateQuestion(q: AggQuestion, responses: readonly AggResponse[], opts: { isAnonymous: boolean; q?: string }) {
  const answers = responses.map((r) => ({ r, a: r.answers.get(q.id) })).filter((x): x is { r: AggResponse; a: AggAnswer } => {
    const a = x.a;
    if (!a) return false;
    if (q.type === 'number') return typeof a.numberValue === 'number';
    if (q.type === 'text') return typeof a.textValue === 'string' && a.textValue.trim() !== '';
    return Array.isArray(a.choices) && a.choices.length > 0;
  });
  const answered = answers.length;
  const base = {
    questionId: q.id,
    position: q.position,
    type: q.type,
    text: q.text,
    required: q.required,
    answered,
    options: [] as { index: number; label: string; count: number; share: number | null }[],
    mean: null as number | null,
    median: null as number | null,
    min: null as number | null,
    max: null as number | null,
    histogram: [] as { from: number; to: number; count: number }[],
    texts: [] as { text: string; respondentName: string | null; municipalityName: string | null }[],
    textTotal: 0,
  };
  switch (q.type) {
    case 'single':
    case 'multiple':
    case 'likert': {
      const counts = q.options.map(() => 0);
      for (const { a } of answers) for (const i of new Set(a.choices ?? [])) if (i >= 0 && i < counts.length) counts[i]!++;
      // Shares are of respondents to the question: for multiple choice they may add up past 100%.
      base.options = q.options.map((label, index) => ({ index, label, count: counts[index]!, share: share(counts[index]!, answered) }));
      if (q.type === 'likert' && answered > 0) {
        // Likert options are listed best first; the score is 1 for the last (lowest) option up to n for the first.
        const n = q.options.length;
        const scores = answers.flatMap(({ a }) => (a.choices ?? []).slice(0, 1).map((i) => n - i));
        base.mean = round(scores.reduce((s, v) => s + v, 0) / scores.length);
        base.median = median(scores);
      }
      return { ...base, chart: q.type === 'likert' ? ('stacked_bar' as const) : ('bar' as const) };
    }
    case 'number': {
      const values = answers.map(({ a }) => a.numberValue!);
      if (values.length) {
        base.mean = round(values.reduce((s, v) => s + v, 0) / values.length);
        base.median = median(values);
        base.min = Math.min(...values);
        base.max = Math.max(...values);
        base.histogram = histogram(values);
      }
      return { ...base, chart: 'histogram' as const };
    }
    case 'text': {
      const needle = opts.q ? normalizeForSearch(opts.q) : '';
      const all = answers.map(({ r, a }) => ({
        text: a.textValue!,
        // Anonymous: the text alone. Even the city next to a comment can point at a person.
        respondentName: opts.isAnonymous ? null : r.respondentName,
        municipalityName: opts.isAnonymous ? null : r.municipalityName,
      }));
      base.texts = needle ? all.filter((t) => normalizeForSearch(t.text).includes(needle)) : all;
      base.textTotal = all.length;
      return { ...base, chart: 'list' as const };
    }
  }
}

export function filterResponses<R extends Pick<AggResponse, 'municipalityName' | 'respondentRole'>>(responses: readonly R[], f: { municipality?: string; role?: string }): R[] {
  return responses.filter((r) => (!f.municipality || r.municipalityName === f.municipality) && (!f.role || r.respondentRole === f.role));
}

export function aggregateSurvey(opts: {
  questions: readonly AggQuestion[];
  responses: readonly AggResponse[];
  isAnonymous: boolean;
  filter?: { municipality?: string; role?: string };
  q?: string;
}) {
  const filtered = filterResponses(opts.responses, opts.filter ?? {});
  const isFiltered = Boolean(opts.filter?.municipality || opts.filter?.role);
  const suppressed = opts.isAnonymous && isFiltered && filtered.length > 0 && filtered.length < MIN_FILTERED_GROUP;
  const used = suppressed ? [] : filtered;
  return {
    responseCount: suppressed ? 0 : filtered.length,
    suppressed,
    questions: [...opts.questions].sort((a, b) => a.position - b.position).map((q) => aggregateQuestion(q, used, { isAnonymous: opts.isAnonymous, q: opts.q })),
  };
}

/**
 * One point of an indicator's trend: the question's answers mapped onto the indicator's
 * canonical options (questions across events may word their options differently).
 */
export function indicatorPoint(opts: {
  indicatorOptions: readonly string[];
  positiveOptions: readonly number[];
  question: Pick<AggQuestion, 'id'>;
  optionMap: readonly (number | null)[];
  responses: readonly AggResponse[];
}) {
  const counts = opts.indicatorOptions.map(() => 0);
  let answered = 0;
  for (const r of opts.responses) {
    const choice = r.answers.get(opts.question.id)?.choices?.[0];
    if (choice === undefined) continue;
    const mapped = opts.optionMap[choice];
    if (mapped === null || mapped === undefined || mapped >= counts.length) continue;
    counts[mapped]!++;
    answered++;
  }
  const positive = opts.positiveOptions.reduce((s, i) => s + (counts[i] ?? 0), 0);
  return {
    responses: answered,
    distribution: opts.indicatorOptions.map((label, index) => ({ index, label, count: counts[index]!, share: share(counts[index]!, answered) })),
    positiveShare: opts.positiveOptions.length ? share(positive, answered) : null,
  };
}

/** Default mapping of a question's options onto an indicator's: identical labels after normalisation. */
export function mapOptionsByLabel(questionOptions: readonly string[], indicatorOptions: readonly string[]): (number | null)[] {
  const keys = indicatorOptions.map(normalizeForSearch);
  return questionOptions.map((o) => {
    const i = keys.indexOf(normalizeForSearch(o));
    return i === -1 ? null : i;
  });
}
