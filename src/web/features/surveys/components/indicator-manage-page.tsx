// /indicators/manage — coordinators and admins choose which survey questions measure the
// region's indicators (satisfaction, usefulness, "would you accept a medical-care case?"),
// map each question's options onto the indicator's, and add, edit or remove indicators.
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { z } from 'zod';
import { tokyoDate } from '../../../../shared/dates';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { DateTime } from '../../../components/ui/date-time';
import { ConfirmMutationDialog, Dialog, FormDialogActions } from '../../../components/ui/dialog';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { PageHeader, Section, useDocumentTitle } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { problemOf } from '../../../lib/api-client';
import { fieldId, useFormErrors, useZodForm, type FormFieldSpec } from '../../../lib/forms';
import { allItems } from '../../../lib/paging';
import { useIndicatorTrend, type IndicatorTrend } from '../api/get-indicator-trend';
import { useIndicators, type Indicator } from '../api/list-indicators';
import { useSurveys } from '../api/list-surveys';
import { CreateIndicatorSchema, UpdateIndicatorSchema, useCreateIndicator, useDeleteIndicator, useUpdateIndicator } from '../api/save-indicator';
import { useTrackQuestion } from '../api/track-question';

type TrackedQuestion = IndicatorTrend['points'][number];
const dayOf = (value: string) => (value.length > 10 ? tokyoDate(value) : value);
const lines = (s: string) => s.split('\n').map((x) => x.trim()).filter(Boolean);

export function IndicatorManagePage() {
  const t = useT();
  useDocumentTitle(t('ind.manageTitle'));
  const indicators = useIndicators();
  const [editing, setEditing] = useState<Indicator | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Indicator | null>(null);
  const [tracking, setTracking] = useState<{ indicator: Indicator; question?: TrackedQuestion } | null>(null);
  const [untracking, setUntracking] = useState<{ indicator: Indicator; question: TrackedQuestion } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const remove = useDeleteIndicator();
  const track = useTrackQuestion();

  if (indicators.isPending) return <LoadingState />;
  if (indicators.error) return <ErrorState error={indicators.error} />;
  const list = indicators.data.items;

  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/indicators">{t('ind.backToTrend')}</Link>
      </p>
      <PageHeader title={t('ind.manageTitle')} lead={t('ind.manageIntro')} actions={<Button onClick={() => setEditing('new')}>{t('ind.add')}</Button>} />
      <div role="status" className="notice-slot">
        {notice ? (
          <Alert tone="success" role="none">
            {notice}
          </Alert>
        ) : null}
      </div>
      {list.length === 0 ? <p className="muted">{t('ind.none')}</p> : null}
      {list.map((ind) => (
        <IndicatorCard
          key={ind.id}
          indicator={ind}
          onEdit={() => setEditing(ind)}
          onDelete={() => {
            remove.reset();
            setDeleting(ind);
          }}
          onTrack={(question) => setTracking({ indicator: ind, question })}
          onUntrack={(question) => {
            track.reset();
            setUntracking({ indicator: ind, question });
          }}
        />
      ))}

      <Dialog isOpen={editing !== null} onOpenChange={(open) => !open && setEditing(null)} title={editing === 'new' ? t('ind.createTitle') : t('ind.editTitle')}>
        {editing !== null ? (
          <IndicatorForm
            key={editing === 'new' ? 'new' : editing.id}
            indicator={editing === 'new' ? null : editing}
            onCancel={() => setEditing(null)}
            onSaved={(saved) => {
              setEditing(null);
              setNotice(t('ind.saved', { name: saved.name }));
            }}
          />
        ) : null}
      </Dialog>

      <Dialog isOpen={tracking !== null} onOpenChange={(open) => !open && setTracking(null)} title={tracking?.question ? t('ind.mapTitle') : t('ind.trackTitle')} size="lg">
        {tracking ? (
          <TrackForm
            indicator={tracking.indicator}
            question={tracking.question}
            onCancel={() => setTracking(null)}
            onSaved={() => {
              setTracking(null);
              setNotice(t('ind.tracked', { name: tracking.indicator.name }));
            }}
          />
        ) : null}
      </Dialog>

      <ConfirmMutationDialog
        subject={untracking}
        onClose={() => setUntracking(null)}
        title={t('ind.untrackTitle')}
        confirmLabel={t('ind.untrack')}
        mutation={track}
        variables={({ question }) => ({ surveyId: question.surveyId, questionId: question.questionId, input: { indicatorId: null } })}
        onDone={(_, { question }) => setNotice(t('ind.untracked', { question: question.questionText }))}
      >
        {({ indicator, question }) => <p>{t('ind.untrackBody', { question: question.questionText, survey: question.surveyTitle, name: indicator.name })}</p>}
      </ConfirmMutationDialog>

      <ConfirmMutationDialog
        subject={deleting}
        onClose={() => setDeleting(null)}
        title={t('ind.deleteTitle')}
        confirmLabel={t('common.delete')}
        mutation={remove}
        variables={(ind) => ind.id}
        onDone={(_, ind) => setNotice(t('ind.deleted', { name: ind.name }))}
      >
        {(ind) => <p>{t('ind.deleteBody', { name: ind.name, n: ind.questionCount })}</p>}
      </ConfirmMutationDialog>
    </div>
  );
}

function IndicatorCard({
  indicator: ind,
  onEdit,
  onDelete,
  onTrack,
  onUntrack,
}: {
  indicator: Indicator;
  onEdit: () => void;
  onDelete: () => void;
  onTrack: (question?: TrackedQuestion) => void;
  onUntrack: (question: TrackedQuestion) => void;
}) {
  const t = useT();
  const trend = useIndicatorTrend(ind.id, {});
  const points = trend.data?.points ?? [];
  return (
    <Section
      title={ind.name}
      actions={
        <div className="button-row">
          <Button variant="secondary" size="sm" onClick={onEdit} aria-label={t('ind.editNamed', { name: ind.name })}>
            {t('common.edit')}
          </Button>
          <Button variant="danger" size="sm" onClick={onDelete} aria-label={t('ind.deleteNamed', { name: ind.name })}>
            {t('common.delete')}
          </Button>
        </div>
      }
    >
      {ind.description ? <p>{ind.description}</p> : null}
      <p className="small">{t('ind.optionsLabel')}</p>
      <ol className="ind-options">
        {ind.options.map((o, i) => (
          <li key={i}>
            {o}
            {ind.positiveOptions.includes(i) ? <span className="small muted">{t('ind.positiveMark')}</span> : null}
          </li>
        ))}
      </ol>
      {trend.error ? <ErrorState error={trend.error} /> : null}
      {trend.isPending ? <LoadingState /> : null}
      {points.length ? (
        <table className="table table--compact">
          <caption className="table__caption">{t('ind.trackedCaption', { name: ind.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ind.event')}</th>
              <th scope="col">{t('ind.question')}</th>
              <th scope="col">{t('ind.mapping')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.questionId}>
                <td>
                  <DateTime value={dayOf(p.date)} /> {p.eventTitle ?? p.surveyTitle}
                  {p.eventTitle ? <div className="small muted">{p.surveyTitle}</div> : null}
                </td>
                <td>{p.questionText}</td>
                <td>
                  <ul className="plain-list small">
                    {p.questionOptions.map((o, i) => (
                      <li key={i}>
                        {o} → {p.optionMap[i] == null ? t('ind.notCounted') : ind.options[p.optionMap[i]!]}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  <div className="button-row">
                    <Button variant="tertiary" size="sm" onClick={() => onTrack(p)} aria-label={t('ind.mapNamed', { question: p.questionText, survey: p.surveyTitle })}>
                      {t('ind.map')}
                    </Button>
                    <Button variant="tertiary" size="sm" onClick={() => onUntrack(p)} aria-label={t('ind.untrackNamed', { question: p.questionText, survey: p.surveyTitle })}>
                      {t('ind.untrack')}
                    </Button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : trend.data ? (
        <p className="muted">{t('ind.noTracked')}</p>
      ) : null}
      <Button variant="secondary" size="sm" onClick={() => onTrack()} aria-label={t('ind.trackNamed', { name: ind.name })}>
        {t('ind.trackQuestion')}
      </Button>
    </Section>
  );
}

const FormFields = z.object({ name: z.string(), description: z.string(), options: z.string(), positiveOptions: z.array(z.string()) });
type FormValues = z.input<typeof FormFields>;
const toPayload = (v: z.output<typeof FormFields>): z.input<typeof CreateIndicatorSchema> => {
  const options = lines(v.options);
  return { name: v.name, description: v.description, options, positiveOptions: v.positiveOptions.map(Number).filter((i) => i < options.length) };
};
const CreateForm = FormFields.transform(toPayload).pipe(CreateIndicatorSchema);
const EditForm = FormFields.transform((v): z.input<typeof UpdateIndicatorSchema> => toPayload(v)).pipe(UpdateIndicatorSchema);

function IndicatorForm({ indicator, onCancel, onSaved }: { indicator: Indicator | null; onCancel: () => void; onSaved: (saved: Indicator) => void }) {
  const t = useT();
  const formId = indicator ? 'edit-indicator' : 'create-indicator';
  const form = useZodForm(indicator ? EditForm : CreateForm, {
    defaultValues: { name: indicator?.name ?? '', description: indicator?.description ?? '', options: (indicator?.options ?? []).join('\n'), positiveOptions: (indicator?.positiveOptions ?? []).map(String) },
  });
  const specs: FormFieldSpec<FormValues>[] = [
    { name: 'name', label: t('ind.fName') },
    { name: 'description', label: t('ind.fDescription') },
    { name: 'options', label: t('ind.fOptions') },
    { name: 'positiveOptions', label: t('ind.fPositive') },
  ];
  const errors = useFormErrors(form, formId, specs);
  const create = useCreateIndicator();
  const update = useUpdateIndicator();
  const fe = form.formState.errors;
  const optionLabels = lines(form.watch('options'));
  const onSubmit = errors.submit(form.handleSubmit, async (payload) => {
    onSaved(indicator ? await update.mutateAsync({ id: indicator.id, input: payload }) : await create.mutateAsync(payload as z.output<typeof CreateForm>));
  });
  return (
    <form id={formId} onSubmit={onSubmit} noValidate className="form">
      <FormErrorSummary id={`${formId}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />
      <TextField id={fieldId(formId, 'name')} label={t('ind.fName')} isRequired autoComplete="off" error={fe.name?.message} {...form.register('name')} />
      <TextAreaField id={fieldId(formId, 'description')} label={t('ind.fDescription')} rows={2} error={fe.description?.message} {...form.register('description')} />
      <TextAreaField
        id={fieldId(formId, 'options')}
        label={t('ind.fOptions')}
        description={indicator && indicator.questionCount > 0 ? t('ind.fOptionsFrozen', { n: indicator.questionCount }) : t('ind.fOptionsHint')}
        rows={5}
        isRequired
        error={fe.options?.message}
        {...form.register('options')}
      />
      <Controller
        control={form.control}
        name="positiveOptions"
        render={({ field }) => (
          <CheckboxGroup
            id={fieldId(formId, 'positiveOptions')}
            name={field.name}
            label={t('ind.fPositive')}
            description={t('ind.fPositiveHint')}
            options={optionLabels.map((label, i) => ({ value: String(i), label }))}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            error={fe.positiveOptions?.message}
          />
        )}
      />
      <FormDialogActions onCancel={onCancel} isSubmitting={create.isPending || update.isPending} submitLabel={indicator ? t('common.save') : t('ind.createSubmit')} />
    </form>
  );
}

/** The default mapping: an option with the same label as one of the indicator's. */
const byLabel = (questionOptions: string[], indicatorOptions: string[]) => questionOptions.map((o) => {
  const i = indicatorOptions.findIndex((x) => x.trim() === o.trim());
  return i < 0 ? '' : String(i);
});

function TrackForm({ indicator: ind, question, onCancel, onSaved }: { indicator: Indicator; question?: TrackedQuestion; onCancel: () => void; onSaved: () => void }) {
  const t = useT();
  const formId = 'track-question';
  const surveys = useSurveys({}, 200);
  const list = allItems(surveys.data);
  const [surveyId, setSurveyId] = useState(question?.surveyId ?? '');
  const [questionId, setQuestionId] = useState(question?.questionId ?? '');
  const [map, setMap] = useState<string[]>(question ? question.optionMap.map((m) => (m == null ? '' : String(m))) : []);
  const [missing, setMissing] = useState<{ survey?: string; question?: string }>({});
  const track = useTrackQuestion();
  const survey = list.find((s) => s.id === surveyId);
  const candidates = (survey?.questions ?? []).filter((q) => q.type === 'single' || q.type === 'likert');
  const chosen = question ? { text: question.questionText, options: question.questionOptions, indicatorId: ind.id } : candidates.find((q) => q.id === questionId);
  const elsewhere = !question && chosen && chosen.indicatorId && chosen.indicatorId !== ind.id;

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    const m = { survey: surveyId ? undefined : t('ind.chooseSurvey'), question: questionId ? undefined : t('ind.chooseQuestion') };
    setMissing(m);
    if (m.survey || m.question) return;
    track.mutate({ surveyId, questionId, input: { indicatorId: ind.id, optionMap: map.map((v) => (v === '' ? null : Number(v))) } }, { onSuccess: onSaved });
  };

  if (surveys.isPending && !question) return <LoadingState />;
  return (
    <form id={formId} onSubmit={onSubmit} noValidate className="form">
      <p>{t('ind.trackIntro', { name: ind.name })}</p>
      {track.error ? <Alert tone="error">{problemOf(track.error)?.detail}</Alert> : null}
      {question ? (
        <dl className="summary-list">
          <div>
            <dt>{t('ind.survey')}</dt>
            <dd>{question.eventTitle ? `${question.eventTitle}（${question.surveyTitle}）` : question.surveyTitle}</dd>
          </div>
          <div>
            <dt>{t('ind.question')}</dt>
            <dd>{question.questionText}</dd>
          </div>
        </dl>
      ) : (
        <>
          <SelectField
            id={fieldId(formId, 'survey')}
            label={t('ind.survey')}
            isRequired
            emptyOption={t('ind.chooseSurvey')}
            options={list.map((s) => ({ value: s.id, label: s.eventTitle ? `${s.eventStartsAt ? tokyoDate(s.eventStartsAt) : ''} ${s.eventTitle}（${s.title}）` : s.title }))}
            value={surveyId}
            error={missing.survey}
            onChange={(e) => {
              setSurveyId(e.currentTarget.value);
              setQuestionId('');
              setMap([]);
            }}
          />
          {survey ? (
            candidates.length ? (
              <SelectField
                id={fieldId(formId, 'question')}
                label={t('ind.question')}
                description={t('ind.questionHint')}
                isRequired
                emptyOption={t('ind.chooseQuestion')}
                options={candidates.map((q) => ({ value: q.id, label: q.text }))}
                value={questionId}
                error={missing.question}
                onChange={(e) => {
                  const id = e.currentTarget.value;
                  setQuestionId(id);
                  const q = candidates.find((x) => x.id === id);
                  setMap(q ? byLabel(q.options, ind.options) : []);
                }}
              />
            ) : (
              <p className="muted">{t('ind.noCandidates')}</p>
            )
          ) : null}
        </>
      )}
      {elsewhere ? <Alert tone="warning">{t('ind.replacesOther')}</Alert> : null}
      {chosen ? (
        <fieldset className="fieldset">
          <legend className="field__label">{t('ind.mapping')}</legend>
          <p className="field__hint">{t('ind.mappingHint')}</p>
          {chosen.options.map((o, i) => (
            <SelectField
              key={`${questionId}-${i}`}
              id={fieldId(formId, `map.${i}`)}
              label={t('ind.mapOption', { option: o })}
              emptyOption={t('ind.notCounted')}
              options={ind.options.map((x, j) => ({ value: String(j), label: x }))}
              value={map[i] ?? ''}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setMap((cur) => chosen.options.map((_, k) => (k === i ? v : (cur[k] ?? ''))));
              }}
            />
          ))}
        </fieldset>
      ) : null}
      <FormDialogActions onCancel={onCancel} isSubmitting={track.isPending} submitLabel={t('ind.trackSubmit')} />
    </form>
  );
}
