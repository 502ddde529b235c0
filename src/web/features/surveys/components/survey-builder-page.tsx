// /surveys/new and /surveys/:id/edit — organisers build a survey (single / multiple choice,
// Likert, number, free text; required; order), copy last time's, open it, send it to the
// event's participants or as single-use links, close it.
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { z } from 'zod';
import { CreateSurveySchema, QUESTION_TYPES } from '../../../../shared/contracts/surveys';
import { addMonths } from '../../../../shared/calendar-date';
import { tokyoDate } from '../../../../shared/dates';
import { Alert } from '../../../components/ui/alert';
import { Button, buttonClass } from '../../../components/ui/button';
import { CopyButton } from '../../../components/ui/copy-button';
import { ConfirmDialog } from '../../../components/ui/dialog';
import { DateTime } from '../../../components/ui/date-time';
import { Checkbox, SelectField, TextAreaField, TextField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { PageHeader, Section, useDocumentTitle } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { problemOf } from '../../../lib/api-client';
import { fieldId, useFormErrors, useZodForm, type FormFieldSpec } from '../../../lib/forms';
import { allItems } from '../../../lib/paging';
import { useCopySurvey } from '../api/copy-survey';
import { useCreateInvitations, type InvitationsResult } from '../api/create-invitations';
import { useCreateSurvey } from '../api/create-survey';
import { useDeleteSurvey } from '../api/delete-survey';
import { useSurvey } from '../api/get-survey';
import { useEventOptions, type EventOption } from '../api/list-event-options';
import { useSurveys, type Survey } from '../api/list-surveys';
import { useUpdateSurvey } from '../api/update-survey';
import { SurveyStatusBadge } from './survey-status';

const FormQuestion = z.object({
  id: z.string().optional(),
  type: z.enum(QUESTION_TYPES),
  text: z.string(),
  required: z.boolean(),
  /** One option per line (Likert: best first). */
  options: z.string(),
  minValue: z.string().regex(/^-?\d*(\.\d+)?$/, { error: '数値で入力してください' }),
  maxValue: z.string().regex(/^-?\d*(\.\d+)?$/, { error: '数値で入力してください' }),
});
const FormFields = z.object({
  title: z.string(),
  description: z.string(),
  eventId: z.string(),
  isAnonymous: z.boolean(),
  autoDistribute: z.boolean(),
  closesAt: z.string(),
  questions: z.array(FormQuestion),
});
type FormValues = z.input<typeof FormFields>;
type FormQuestionValues = z.input<typeof FormQuestion>;

const hasOptions = (type: string) => type === 'single' || type === 'multiple' || type === 'likert';
const num = (s: string) => (s.trim() === '' ? null : Number(s));

const SurveyForm = FormFields.transform((v): z.input<typeof CreateSurveySchema> => ({
  title: v.title,
  description: v.description,
  eventId: v.eventId || null,
  isAnonymous: v.isAnonymous,
  // Only an event's survey can go out after the event.
  autoDistribute: Boolean(v.eventId) && v.autoDistribute,
  closesAt: v.closesAt ? `${v.closesAt}T23:59:00+09:00` : null,
  questions: v.questions.map((q) => ({
    id: q.id,
    type: q.type,
    text: q.text,
    required: q.required,
    options: hasOptions(q.type)
      ? q.options
          .split('\n')
          .map((o) => o.trim())
          .filter(Boolean)
      : undefined,
    minValue: q.type === 'number' ? num(q.minValue) : null,
    maxValue: q.type === 'number' ? num(q.maxValue) : null,
  })),
})).pipe(CreateSurveySchema);

const blankQuestion = (type: FormQuestionValues['type'] = 'likert'): FormQuestionValues => ({
  type,
  text: '',
  required: false,
  options: type === 'likert' ? '大変満足できた\nやや満足できた\nあまり満足できなかった\n満足できなかった' : '',
  minValue: '',
  maxValue: '',
});

function defaultsOf(s: Survey | null, eventId?: string): FormValues {
  return {
    title: s?.title ?? '',
    description: s?.description ?? '',
    eventId: s?.eventId ?? eventId ?? '',
    isAnonymous: s?.isAnonymous ?? true,
    autoDistribute: s ? s.autoDistribute : true,
    closesAt: s?.closesAt ? tokyoDate(s.closesAt) : '',
    questions: s
      ? s.questions.map((q) => ({
          id: q.id,
          type: q.type,
          text: q.text,
          required: q.required,
          options: q.options.join('\n'),
          minValue: q.minValue == null ? '' : String(q.minValue),
          maxValue: q.maxValue == null ? '' : String(q.maxValue),
        }))
      : [blankQuestion()],
  };
}

export function SurveyBuilderPage({ surveyId, eventId }: { surveyId?: string; eventId?: string }) {
  const t = useT();
  const survey = useSurvey(surveyId ?? '', Boolean(surveyId));
  useDocumentTitle(surveyId ? t('sv.manageTitle') : t('sv.createTitle'));
  if (!surveyId)
    return (
      <div className="page page--narrow">
        <PageHeader title={t('sv.createTitle')} />
        <CopyFromPrevious eventId={eventId} />
        <SurveyBuilder survey={null} eventId={eventId} />
      </div>
    );
  if (survey.isPending) return <LoadingState />;
  if (survey.error) return <ErrorState error={survey.error} />;
  const s = survey.data;
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/surveys">{t('sv.backToList')}</Link>
      </p>
      <PageHeader title={t('sv.manageTitle')} lead={s.title} badge={<SurveyStatusBadge status={s.status} />} />
      <SurveyLifecycle survey={s} />
      {s.responseCount > 0 ? (
        <Section title={t('sv.questions')}>
          <Alert tone="info" role="none">
            {t('sv.frozen', { n: s.responseCount })}
          </Alert>
          <ol className="plain-list question-preview">
            {s.questions.map((q) => (
              <li key={q.id}>
                <span className="question__number">{t('sv.questionN', { n: q.position })}</span> {q.text}（{t(`sv.type.${q.type}`)}）
              </li>
            ))}
          </ol>
        </Section>
      ) : (
        <SurveyBuilder survey={s} />
      )}
    </div>
  );
}

function CopyFromPrevious({ eventId }: { eventId?: string }) {
  const t = useT();
  const navigate = useNavigate();
  const surveys = useSurveys({}, 100);
  const copy = useCopySurvey();
  const [source, setSource] = useState('');
  const options = allItems(surveys.data).map((s) => ({ value: s.id, label: s.eventTitle ? `${s.title}（${s.eventTitle}）` : s.title }));
  return (
    <Section title={t('sv.copyTitle')}>
      <p>{t('sv.copyIntro')}</p>
      <div className="inline-form">
        <SelectField label={t('sv.copySource')} emptyOption={t('common.choose')} options={options} value={source} onChange={(e) => setSource(e.currentTarget.value)} />
        <Button
          variant="secondary"
          disabled={!source}
          isPending={copy.isPending}
          pendingText={t('common.saving')}
          onClick={() => copy.mutate({ id: source, input: { eventId: eventId ?? null } }, { onSuccess: (s) => void navigate({ to: '/surveys/$surveyId/edit', params: { surveyId: s.id } }) })}
        >
          {t('sv.copySubmit')}
        </Button>
      </div>
      {copy.error ? <Alert tone="error">{problemOf(copy.error)?.detail}</Alert> : null}
    </Section>
  );
}

/** The event choices must be on screen before the form picks its default event. */
function SurveyBuilder(props: { survey: Survey | null; eventId?: string }) {
  const events = useEventOptions(addMonths(tokyoDate(), -12));
  if (events.isPending) return <LoadingState />;
  return <SurveyBuilderForm {...props} events={events.data?.items ?? []} />;
}

function SurveyBuilderForm({ survey, eventId, events }: { survey: Survey | null; eventId?: string; events: EventOption[] }) {
  const t = useT();
  const navigate = useNavigate();
  const formId = survey ? 'edit-survey' : 'create-survey';
  const form = useZodForm(SurveyForm, { defaultValues: defaultsOf(survey, eventId) });
  const questions = useFieldArray({ control: form.control, name: 'questions' });
  const specs: FormFieldSpec<FormValues>[] = [
    { name: 'title', label: t('sv.fTitle') },
    { name: 'eventId', label: t('sv.fEvent') },
    { name: 'closesAt', label: t('sv.fClosesAt') },
    { name: 'questions', label: t('sv.questions') },
    ...questions.fields.flatMap((_, i) => [
      { name: `questions.${i}.text` as const, label: t('sv.qTextN', { n: i + 1 }) },
      { name: `questions.${i}.options` as const, label: t('sv.qOptionsN', { n: i + 1 }) },
      { name: `questions.${i}.maxValue` as const, label: t('sv.qMaxN', { n: i + 1 }) },
    ]),
  ];
  const errors = useFormErrors(form, formId, specs);
  const create = useCreateSurvey();
  const update = useUpdateSurvey();
  const fe = form.formState.errors;
  const id = (name: string) => fieldId(formId, name);
  const watched = form.watch('questions');
  const withEvent = Boolean(form.watch('eventId'));

  const onSubmit = errors.submit(form.handleSubmit, async (input) => {
    if (survey) {
      await update.mutateAsync({ id: survey.id, input });
      form.reset(form.getValues());
    } else {
      const s = await create.mutateAsync(input);
      void navigate({ to: '/surveys/$surveyId/edit', params: { surveyId: s.id } });
    }
  });

  return (
    <form id={formId} onSubmit={onSubmit} noValidate className="form">
      <FormErrorSummary id={`${formId}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />
      {update.isSuccess && !form.formState.isDirty ? <Alert tone="success">{t('common.saved')}</Alert> : null}
      <TextField id={id('title')} label={t('sv.fTitle')} isRequired autoComplete="off" error={fe.title?.message} {...form.register('title')} />
      <TextAreaField id={id('description')} label={t('sv.fDescription')} rows={3} {...form.register('description')} />
      <div className="form__row">
        <SelectField
          id={id('eventId')}
          label={t('sv.fEvent')}
          emptyOption={t('sv.noEvent')}
          options={events.map((e) => ({ value: e.id, label: `${tokyoDate(e.startsAt)} ${e.title}` }))}
          error={fe.eventId?.message}
          {...form.register('eventId')}
        />
        <TextField id={id('closesAt')} type="date" label={t('sv.fClosesAt')} error={fe.closesAt?.message} {...form.register('closesAt')} />
      </div>
      <Checkbox label={t('sv.fAnonymous')} {...form.register('isAnonymous')} />
      {withEvent ? (
        <>
          <Checkbox id={id('autoDistribute')} label={t('sv.fAutoDistribute')} aria-describedby={id('autoDistribute-hint')} {...form.register('autoDistribute')} />
          <p className="field__hint" id={id('autoDistribute-hint')}>
            {t('sv.autoDistributeHint')}
          </p>
        </>
      ) : null}

      <Section title={t('sv.questions')}>
        {fe.questions?.message ? <p className="field__error">{fe.questions.message}</p> : null}
        <ol className="question-list">
          {questions.fields.map((f, i) => {
            const type = watched[i]?.type ?? f.type;
            const qe = fe.questions?.[i];
            return (
              <li key={f.id} className="question-editor">
                <fieldset className="fieldset">
                  <legend className="field__label">{t('sv.questionN', { n: i + 1 })}</legend>
                  <div className="form__row">
                    <SelectField label={t('sv.qType')} options={QUESTION_TYPES.map((q) => ({ value: q, label: t(`sv.type.${q}`) }))} {...form.register(`questions.${i}.type`)} />
                  </div>
                  <TextAreaField id={id(`questions.${i}.text`)} label={t('sv.qText')} rows={2} isRequired error={qe?.text?.message} {...form.register(`questions.${i}.text`)} />
                  {hasOptions(type) ? (
                    <TextAreaField
                      id={id(`questions.${i}.options`)}
                      label={type === 'likert' ? t('sv.qScale') : t('sv.qOptions')}
                      description={type === 'likert' ? t('sv.qScaleHint') : t('sv.qOptionsHint')}
                      rows={4}
                      isRequired
                      error={qe?.options?.message}
                      {...form.register(`questions.${i}.options`)}
                    />
                  ) : null}
                  {type === 'number' ? (
                    <div className="form__row">
                      <TextField label={t('sv.qMin')} inputMode="decimal" error={qe?.minValue?.message} {...form.register(`questions.${i}.minValue`)} />
                      <TextField id={id(`questions.${i}.maxValue`)} label={t('sv.qMax')} inputMode="decimal" error={qe?.maxValue?.message} {...form.register(`questions.${i}.maxValue`)} />
                    </div>
                  ) : null}
                  <Checkbox label={t('sv.qRequired')} {...form.register(`questions.${i}.required`)} />
                  <div className="button-row">
                    <Button variant="tertiary" size="sm" disabled={i === 0} onClick={() => questions.move(i, i - 1)} aria-label={t('sv.moveUpN', { n: i + 1 })}>
                      {t('sv.moveUp')}
                    </Button>
                    <Button variant="tertiary" size="sm" disabled={i === questions.fields.length - 1} onClick={() => questions.move(i, i + 1)} aria-label={t('sv.moveDownN', { n: i + 1 })}>
                      {t('sv.moveDown')}
                    </Button>
                    <Button variant="tertiary" size="sm" onClick={() => questions.remove(i)} aria-label={t('sv.removeN', { n: i + 1 })}>
                      {t('common.delete')}
                    </Button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <div className="button-row">
          {(['likert', 'single', 'multiple', 'number', 'text'] as const).map((type) => (
            <Button key={type} variant="secondary" size="sm" onClick={() => questions.append(blankQuestion(type))}>
              {t('sv.addQuestion', { type: t(`sv.type.${type}`) })}
            </Button>
          ))}
        </div>
      </Section>
      <div className="form__actions">
        <Button type="submit" isPending={create.isPending || update.isPending} pendingText={t('common.saving')}>
          {survey ? t('common.save') : t('sv.createSubmit')}
        </Button>
      </div>
    </form>
  );
}

/** Open → send (to registrants / checked-in, or single-use links) → close; delete. */
function SurveyLifecycle({ survey: s }: { survey: Survey }) {
  const t = useT();
  const navigate = useNavigate();
  const update = useUpdateSurvey();
  const invite = useCreateInvitations(s.id);
  const remove = useDeleteSurvey();
  const [audience, setAudience] = useState<'checked_in' | 'registered' | 'links'>(s.eventId ? 'checked_in' : 'links');
  const [count, setCount] = useState('10');
  const [sent, setSent] = useState<InvitationsResult | null>(null);
  const [deleting, setDeleting] = useState(false);
  return (
    <Section title={t('sv.lifecycle')}>
      <p>{t('sv.counts', { responses: s.responseCount, invited: s.invitationCount })}</p>
      {s.eventId && s.autoDistributedAt ? (
        <p>
          {t('sv.autoDistributed')} <DateTime value={s.autoDistributedAt} />
        </p>
      ) : s.eventId && s.autoDistribute ? (
        <p>{s.status === 'draft' ? t('sv.autoDistributePendingDraft') : t('sv.autoDistributePending')}</p>
      ) : null}
      {update.error ? <Alert tone="error">{problemOf(update.error)?.detail}</Alert> : null}
      <div className="button-row">
        {s.status === 'draft' ? (
          <Button isPending={update.isPending} pendingText={t('common.saving')} onClick={() => update.mutate({ id: s.id, input: { status: 'open' } })}>
            {t('sv.open')}
          </Button>
        ) : null}
        {s.status === 'open' ? (
          <Button variant="secondary" isPending={update.isPending} pendingText={t('common.saving')} onClick={() => update.mutate({ id: s.id, input: { status: 'closed' } })}>
            {t('sv.close')}
          </Button>
        ) : null}
        {s.status === 'closed' ? (
          <Button variant="secondary" isPending={update.isPending} pendingText={t('common.saving')} onClick={() => update.mutate({ id: s.id, input: { status: 'open' } })}>
            {t('sv.reopen')}
          </Button>
        ) : null}
        <Link to="/surveys/$surveyId/results" params={{ surveyId: s.id }} className={buttonClass('secondary')}>
          {t('sv.results')}
        </Link>
        <Button variant="danger" onClick={() => setDeleting(true)}>
          {t('sv.delete')}
        </Button>
      </div>
      {s.status === 'open' ? (
        <form
          className="form invite-form"
          onSubmit={(e) => {
            e.preventDefault();
            invite.mutate({ audience, count: audience === 'links' ? Number(count) || 1 : undefined }, { onSuccess: setSent });
          }}
        >
          <fieldset className="fieldset">
            <legend className="field__label">{t('sv.inviteTitle')}</legend>
            <div className="choice-list">
              {(s.eventId ? (['checked_in', 'registered', 'links'] as const) : (['links'] as const)).map((a) => (
                <div className="choice" key={a}>
                  <input type="radio" id={`audience-${a}`} name="audience" checked={audience === a} onChange={() => setAudience(a)} />
                  <label htmlFor={`audience-${a}`}>{t(`sv.audience.${a}`)}</label>
                </div>
              ))}
            </div>
          </fieldset>
          {audience === 'links' ? <TextField label={t('sv.linkCount')} inputMode="numeric" value={count} onChange={(e) => setCount(e.currentTarget.value)} /> : null}
          <Button type="submit" isPending={invite.isPending} pendingText={t('sv.sending')}>
            {t('sv.send')}
          </Button>
          {invite.error ? <Alert tone="error">{problemOf(invite.error)?.detail}</Alert> : null}
          <div role="status">
            {sent ? (
              <Alert tone="success" role="none">
                <p>{t('sv.sent', { created: sent.created, skipped: sent.skipped })}</p>
              </Alert>
            ) : null}
          </div>
          {sent && sent.links.length ? (
            <div>
              <p>{t('sv.linksOnce')}</p>
              <CopyButton text={sent.links.join('\n')} label={t('sv.copyLinks')} />
              <ol className="link-list small">
                {sent.links.map((l) => (
                  <li key={l}>
                    <a href={l}>{l}</a>
                  </li>
                ))}
              </ol>
            </div>
          ) : null}
        </form>
      ) : null}
      <ConfirmDialog
        isOpen={deleting}
        onOpenChange={setDeleting}
        title={t('sv.deleteTitle')}
        confirmLabel={t('common.delete')}
        isPending={remove.isPending}
        problem={remove.error ? problemOf(remove.error) : null}
        onConfirm={() => remove.mutate(s.id, { onSuccess: () => void navigate({ to: '/surveys' }) })}
      >
        <p>{t('sv.deleteBody', { title: s.title, n: s.responseCount })}</p>
      </ConfirmDialog>
    </Section>
  );
}
