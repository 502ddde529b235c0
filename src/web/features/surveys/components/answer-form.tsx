// Answering a survey, for members and for the public link alike: one fieldset per question
// (radio buttons, checkboxes, a number or free text), large targets for phones, the required
// check done here with the server's wording and the server's per-question errors shown at the
// question (fields `answers.<questionId>`).
import { useState } from 'react';
import { PARTICIPANT_ROLES } from '../../../../shared/contracts/events';
import { TEXT_ANSWER_MAX } from '../../../../shared/contracts/surveys';
import { Button } from '../../../components/ui/button';
import { SelectField, TextField } from '../../../components/ui/fields';
import { FormErrorSummary, stripLabel, type ErrorSummaryItem } from '../../../components/ui/form-error';
import { ErrorIcon } from '../../../components/ui/icons';
import { useT } from '../../../i18n/i18n';
import { problemOf, type Problem } from '../../../lib/api-client';
import type { SubmitResponseInput } from '../api/submit-response';

export interface AnswerQuestion {
  id: string;
  position: number;
  type: 'single' | 'multiple' | 'likert' | 'number' | 'text';
  text: string;
  required: boolean;
  options: string[];
  minValue: number | null;
  maxValue: number | null;
}

interface AnswerState {
  choices: number[];
  number: string;
  text: string;
}

const empty: AnswerState = { choices: [], number: '', text: '' };

function isAnswered(q: AnswerQuestion, a: AnswerState) {
  if (q.type === 'number') return a.number.trim() !== '';
  if (q.type === 'text') return a.text.trim() !== '';
  return a.choices.length > 0;
}

export interface AnswerFormProps {
  formId: string;
  questions: AnswerQuestion[];
  /** Named public surveys ask who is answering. */
  asksRespondent?: boolean;
  onSubmit: (input: SubmitResponseInput) => Promise<unknown>;
  isPending: boolean;
}

export function AnswerForm({ formId, questions, asksRespondent, onSubmit, isPending }: AnswerFormProps) {
  const t = useT();
  const [answers, setAnswers] = useState<Record<string, AnswerState>>({});
  const [respondent, setRespondent] = useState({ name: '', city: '', role: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [focusKey, setFocusKey] = useState(0);
  const get = (id: string) => answers[id] ?? empty;
  const set = (id: string, patch: Partial<AnswerState>) => setAnswers((prev) => ({ ...prev, [id]: { ...(prev[id] ?? empty), ...patch } }));
  const qid = (q: AnswerQuestion) => `${formId}-q-${q.id}`;

  const items: ErrorSummaryItem[] = questions
    .filter((q) => errors[q.id])
    .map((q) => ({ field: q.id, label: t('sv.questionN', { n: q.position }), message: errors[q.id]!, targetId: `${qid(q)}-first` }));

  const submit = async () => {
    const local: Record<string, string> = {};
    for (const q of questions) {
      const a = get(q.id);
      if (q.required && !isAnswered(q, a)) local[q.id] = t('sv.requiredAnswer');
      if (q.type === 'number' && a.number.trim() !== '' && !Number.isFinite(Number(a.number))) local[q.id] = t('sv.numberInvalid');
    }
    setErrors(local);
    setProblem(null);
    setFocusKey((k) => k + 1);
    if (Object.keys(local).length) return;
    const input: SubmitResponseInput = {
      answers: questions
        .filter((q) => isAnswered(q, get(q.id)))
        .map((q) => {
          const a = get(q.id);
          if (q.type === 'number') return { questionId: q.id, number: Number(a.number) };
          if (q.type === 'text') return { questionId: q.id, text: a.text };
          return { questionId: q.id, choices: a.choices };
        }),
      website: '',
      ...(asksRespondent
        ? { respondentName: respondent.name || undefined, municipalityName: respondent.city || undefined, respondentRole: (respondent.role || undefined) as SubmitResponseInput['respondentRole'] }
        : {}),
    };
    try {
      await onSubmit(input);
    } catch (error) {
      const p = problemOf(error);
      setProblem(p);
      const server: Record<string, string> = {};
      for (const e of p?.errors ?? []) {
        const id = e.field.startsWith('answers.') ? e.field.slice('answers.'.length) : null;
        if (id) server[id] ??= stripLabel(e.message, e.label);
      }
      setErrors(server);
      setFocusKey((k) => k + 1);
    }
  };

  return (
    <form
      id={formId}
      className="form answer-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <FormErrorSummary id={`${formId}-errors`} problem={problem} items={items} focusKey={focusKey} />
      {asksRespondent ? (
        <fieldset className="fieldset">
          <legend className="field__label">{t('sv.respondent')}</legend>
          <TextField label={t('pub.name')} autoComplete="name" value={respondent.name} onChange={(e) => setRespondent({ ...respondent, name: e.currentTarget.value })} />
          <TextField label={t('ev.city')} value={respondent.city} onChange={(e) => setRespondent({ ...respondent, city: e.currentTarget.value })} />
          <SelectField
            label={t('ev.role')}
            emptyOption={t('common.choose')}
            options={PARTICIPANT_ROLES.map((r) => ({ value: r, label: t(`ev.prole.${r}`) }))}
            value={respondent.role}
            onChange={(e) => setRespondent({ ...respondent, role: e.currentTarget.value })}
          />
        </fieldset>
      ) : null}
      {questions.map((q) => (
        <QuestionField key={q.id} q={q} id={qid(q)} value={get(q.id)} error={errors[q.id]} onChange={(patch) => set(q.id, patch)} />
      ))}
      <div className="form__actions">
        <Button type="submit" className="button--block" isPending={isPending} pendingText={t('sv.submitting')}>
          {t('sv.submit')}
        </Button>
      </div>
    </form>
  );
}

function QuestionField({ q, id, value, error, onChange }: { q: AnswerQuestion; id: string; value: AnswerState; error?: string; onChange: (patch: Partial<AnswerState>) => void }) {
  const t = useT();
  const errorId = `${id}-error`;
  const legend = (
    <>
      <span className="question__number">{t('sv.questionN', { n: q.position })}</span> {q.text}
      {q.required ? <span className="field__required">{t('common.required')}</span> : null}
    </>
  );
  const errorEl = error ? (
    <p id={errorId} className="field__error">
      <ErrorIcon className="field__error-icon" />
      <span>{error}</span>
    </p>
  ) : null;

  if (q.type === 'text' || q.type === 'number') {
    return (
      <div className={['field', 'question', error ? 'field--invalid' : ''].filter(Boolean).join(' ')}>
        <div className="field__label-row">
          <label className="field__label" htmlFor={`${id}-first`}>
            {legend}
          </label>
        </div>
        {q.type === 'number' && (q.minValue !== null || q.maxValue !== null) ? (
          <p className="field__hint" id={`${id}-hint`}>
            {t('sv.range', { min: q.minValue ?? '', max: q.maxValue ?? '' })}
          </p>
        ) : null}
        {errorEl}
        {q.type === 'text' ? (
          <textarea
            id={`${id}-first`}
            className="input input--textarea"
            rows={4}
            maxLength={TEXT_ANSWER_MAX}
            value={value.text}
            aria-invalid={error ? true : undefined}
            aria-required={q.required || undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => onChange({ text: e.currentTarget.value })}
          />
        ) : (
          <input
            id={`${id}-first`}
            className="input input--number"
            type="number"
            inputMode="decimal"
            min={q.minValue ?? undefined}
            max={q.maxValue ?? undefined}
            value={value.number}
            aria-invalid={error ? true : undefined}
            aria-required={q.required || undefined}
            aria-describedby={[error ? errorId : '', q.minValue !== null || q.maxValue !== null ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined}
            onChange={(e) => onChange({ number: e.currentTarget.value })}
          />
        )}
      </div>
    );
  }

  const multiple = q.type === 'multiple';
  return (
    <fieldset className={['field', 'fieldset', 'question', error ? 'field--invalid' : ''].filter(Boolean).join(' ')} aria-describedby={error ? errorId : undefined}>
      <legend className="field__label">{legend}</legend>
      {multiple ? <p className="field__hint">{t('sv.multipleHint')}</p> : null}
      {errorEl}
      <div className={['choice-list', q.type === 'likert' ? 'choice-list--scale' : ''].filter(Boolean).join(' ')}>
        {q.options.map((label, i) => {
          const optionId = i === 0 ? `${id}-first` : `${id}-${i}`;
          const checked = value.choices.includes(i);
          return (
            <div className="choice" key={i}>
              <input
                id={optionId}
                type={multiple ? 'checkbox' : 'radio'}
                name={id}
                checked={checked}
                aria-invalid={error ? true : undefined}
                onChange={(e) =>
                  onChange({ choices: multiple ? (e.currentTarget.checked ? [...value.choices, i].sort((a, b) => a - b) : value.choices.filter((c) => c !== i)) : [i] })
                }
              />
              <label htmlFor={optionId}>{label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
