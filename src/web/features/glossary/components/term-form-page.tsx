// /glossary/new and /glossary/:id/edit — coordinators and admins keep the glossary correct.
// The shared contracts validate what is sent (same Japanese messages as the server); an edit
// carries the version it started from, so a colleague's newer save is not overwritten (409).
import { Link, useNavigate } from '@tanstack/react-router';
import { Controller } from 'react-hook-form';
import { z } from 'zod';
import { GLOSSARY_CATEGORIES } from '../../../../shared/contracts/glossary';
import { CARE_ITEMS } from '../../../../shared/domain/care-items';
import { SERVICE_TYPES } from '../../../../shared/domain/service-types';
import { Button, buttonClass } from '../../../components/ui/button';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { PageHeader, useDocumentTitle } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { VersionConflict } from '../../../components/ui/version-conflict';
import { useT } from '../../../i18n/i18n';
import { fieldId, useFormErrors, useZodForm, type FormFieldSpec } from '../../../lib/forms';
import { useTerm } from '../api/get-term';
import type { GlossaryTerm } from '../api/list-terms';
import { CreateGlossaryTermSchema, UpdateGlossaryTermSchema, useCreateTerm, useUpdateTerm } from '../api/save-term';

const FormFields = z.object({
  term: z.string(),
  reading: z.string(),
  category: z.enum(GLOSSARY_CATEGORIES, { error: '選んでください' }),
  explanation: z.string(),
  /** One per line (、 and , also separate). */
  aliases: z.string(),
  relatedTerms: z.string(),
  relatedCareItems: z.array(z.string()),
  relatedServiceTypes: z.array(z.string()),
  note: z.string(),
});
type FormValues = z.input<typeof FormFields>;

const lines = (s: string) => [...new Set(s.split(/[\n、,，]/).map((x) => x.trim()).filter(Boolean))];

const toPayload = (v: z.output<typeof FormFields>): z.input<typeof CreateGlossaryTermSchema> => ({
  term: v.term,
  reading: v.reading,
  category: v.category,
  explanation: v.explanation,
  aliases: lines(v.aliases),
  relatedTerms: lines(v.relatedTerms),
  relatedCareItems: v.relatedCareItems,
  relatedServiceTypes: v.relatedServiceTypes,
});

const CreateForm = FormFields.transform(toPayload).pipe(CreateGlossaryTermSchema);
const editForm = (version: number) =>
  FormFields.transform((v): z.input<typeof UpdateGlossaryTermSchema> => ({ ...toPayload(v), expectedVersion: version, note: v.note.trim() || undefined })).pipe(UpdateGlossaryTermSchema);

function defaultsOf(g: GlossaryTerm | null): FormValues {
  return {
    term: g?.term ?? '',
    reading: g?.reading ?? '',
    category: g?.category ?? 'care',
    explanation: g?.explanation ?? '',
    aliases: (g?.aliases ?? []).join('\n'),
    relatedTerms: (g?.relatedTerms ?? []).map((r) => r.term).join('\n'),
    relatedCareItems: (g?.relatedCareItems ?? []).map((c) => c.code),
    relatedServiceTypes: (g?.relatedServiceTypes ?? []).map((c) => c.code),
    note: '',
  };
}

const careOptions = CARE_ITEMS.map((c) => ({ value: c.code, label: c.label }));
const serviceOptions = SERVICE_TYPES.filter((s) => !s.mergedInto).map((s) => ({ value: s.code, label: s.label }));

export function TermFormPage({ termId }: { termId?: string }) {
  const t = useT();
  const term = useTerm(termId ?? '', Boolean(termId));
  useDocumentTitle(termId ? t('gl.editTitle') : t('gl.createTitle'));
  if (!termId) return <TermForm term={null} />;
  if (term.isPending) return <LoadingState />;
  if (term.error) return <ErrorState error={term.error} />;
  // Keyed by version: after "load their version" the form starts again from the newer text.
  return <TermForm key={term.data.version} term={term.data} onReload={() => void term.refetch()} />;
}

function TermForm({ term, onReload }: { term: GlossaryTerm | null; onReload?: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const formId = term ? 'edit-term' : 'create-term';
  const form = useZodForm(term ? editForm(term.version) : CreateForm, { defaultValues: defaultsOf(term) });
  const specs: FormFieldSpec<FormValues>[] = [
    { name: 'term', label: t('gl.fTerm') },
    { name: 'reading', label: t('gl.fReading') },
    { name: 'category', label: t('gl.category') },
    { name: 'explanation', label: t('gl.fExplanation') },
    { name: 'aliases', label: t('gl.aliases') },
    { name: 'relatedTerms', label: t('gl.related') },
    { name: 'relatedCareItems', label: t('gl.careItems') },
    { name: 'relatedServiceTypes', label: t('gl.services') },
    { name: 'note', label: t('gl.fNote') },
  ];
  const errors = useFormErrors(form, formId, specs);
  const create = useCreateTerm();
  const update = useUpdateTerm();
  const fe = form.formState.errors;
  const id = (name: string) => fieldId(formId, name);

  const onSubmit = errors.submit(form.handleSubmit, async (payload) => {
    const saved = term ? await update.mutateAsync({ id: term.id, input: payload as z.output<ReturnType<typeof editForm>> }) : await create.mutateAsync(payload as z.output<typeof CreateForm>);
    void navigate({ to: '/glossary/$termId', params: { termId: saved.id } });
  });

  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/glossary">{t('gl.backToList')}</Link>
      </p>
      <PageHeader title={term ? t('gl.editTitle') : t('gl.createTitle')} lead={term ? `${term.term}（${t('gl.version', { n: term.version })}）` : t('gl.createIntro')} />
      <form id={formId} onSubmit={onSubmit} noValidate className="form">
        {update.error && onReload ? <VersionConflict error={update.error} onReload={onReload} /> : null}
        <FormErrorSummary id={`${formId}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />
        <TextField id={id('term')} label={t('gl.fTerm')} isRequired autoComplete="off" error={fe.term?.message} {...form.register('term')} />
        <TextField id={id('reading')} label={t('gl.fReading')} description={t('gl.fReadingHint')} isRequired autoComplete="off" error={fe.reading?.message} {...form.register('reading')} />
        <SelectField id={id('category')} label={t('gl.category')} isRequired options={GLOSSARY_CATEGORIES.map((c) => ({ value: c, label: t(`gl.cat.${c}`) }))} error={fe.category?.message} {...form.register('category')} />
        <TextAreaField id={id('explanation')} label={t('gl.fExplanation')} description={t('gl.fExplanationHint')} rows={6} isRequired error={fe.explanation?.message} {...form.register('explanation')} />
        <TextAreaField id={id('aliases')} label={t('gl.aliases')} description={t('gl.fListHint')} rows={3} error={fe.aliases?.message} {...form.register('aliases')} />
        <TextAreaField id={id('relatedTerms')} label={t('gl.related')} description={t('gl.fListHint')} rows={3} error={fe.relatedTerms?.message} {...form.register('relatedTerms')} />
        <Controller
          control={form.control}
          name="relatedCareItems"
          render={({ field }) => (
            <CheckboxGroup id={id('relatedCareItems')} name={field.name} label={t('gl.careItems')} options={careOptions} value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={fe.relatedCareItems?.message} />
          )}
        />
        <details className="gl-disclosure">
          <summary>{t('gl.fServicesSummary', { n: form.watch('relatedServiceTypes').length })}</summary>
          <Controller
            control={form.control}
            name="relatedServiceTypes"
            render={({ field }) => (
              <CheckboxGroup id={id('relatedServiceTypes')} name={field.name} label={t('gl.services')} options={serviceOptions} value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={fe.relatedServiceTypes?.message} />
            )}
          />
        </details>
        {term ? <TextField id={id('note')} label={t('gl.fNote')} description={t('gl.fNoteHint')} autoComplete="off" error={fe.note?.message} {...form.register('note')} /> : null}
        <div className="form__actions">
          <Button type="submit" isPending={create.isPending || update.isPending} pendingText={t('common.saving')}>
            {term ? t('common.save') : t('gl.createSubmit')}
          </Button>
          <Link to={term ? '/glossary/$termId' : '/glossary'} params={term ? { termId: term.id } : undefined} className={buttonClass('tertiary')}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
