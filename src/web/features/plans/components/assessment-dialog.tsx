// Writing or correcting an アセスメント in its sections: health and medical care, daily living
// (meals, bathing, sleep, toileting, mobility), communication, development and activities,
// the family's situation and each member's wish, social participation, risks with measures,
// strengths and the client's own wish. A new assessment starts from the last one (a
// reassessment changes what changed); an edit saves with the version it read (409 otherwise).
import { useFieldArray } from 'react-hook-form';
import { AssessmentInputSchema as AI } from '../../../../shared/contracts/plans';
import { tokyoDate } from '../../../../shared/dates';
import { Button } from '../../../components/ui/button';
import { TextAreaField, TextField } from '../../../components/ui/fields';
import { saveWithVersion } from '../../../components/ui/version-conflict';
import { VersionedFormDialog } from '../../../components/ui/versioned-form-dialog';
import { useT } from '../../../i18n/i18n';
import { contractLabel, fieldId, useFormErrors, useZodForm } from '../../../lib/forms';
import { useCreateAssessment } from '../api/create-assessment';
import type { Assessment } from '../api/list-assessments';
import { UpdateAssessmentSchema, useUpdateAssessment } from '../api/update-assessment';
import { DAILY_FIELDS, HEALTH_FIELDS, TEXT_SECTIONS, fieldLabel, memberLabel, riskLabel, sectionLabel } from './assessment-labels';

const formId = 'assessment-form';
const emptySections = {
  health: { condition: '', medicalCare: '', hospitalVisits: '' },
  dailyLiving: { meals: '', bathing: '', sleep: '', toileting: '', mobility: '' },
  communication: '',
  development: '',
  family: { situation: '', members: [] },
  social: '',
  risks: [],
  strengths: '',
  clientWish: '',
};

export function AssessmentDialog({
  clientId,
  assessment,
  basis,
  onClose,
  onSaved,
}: {
  clientId: string;
  /** The assessment being corrected; null writes a new one. */
  assessment: Assessment | null;
  /** For a new one: the last assessment, whose content it starts from. */
  basis: Assessment | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const create = useCreateAssessment(clientId);
  const update = useUpdateAssessment(clientId);
  const from = assessment ?? basis;
  const form = useZodForm(UpdateAssessmentSchema, {
    defaultValues: {
      assessedOn: assessment?.assessedOn ?? tokyoDate(),
      place: assessment?.place ?? '',
      sections: from ? from.sections : emptySections,
      version: assessment?.version ?? 1,
    },
  });
  const memberRows = form.watch('sections.family.members') ?? [];
  const riskRows = form.watch('sections.risks') ?? [];
  const errors = useFormErrors(form, formId, [
    { name: 'assessedOn', label: contractLabel(AI, 'assessedOn') },
    { name: 'place', label: contractLabel(AI, 'place') },
    ...HEALTH_FIELDS.map((k) => ({ name: `sections.health.${k}` as const, label: fieldLabel('health', k) })),
    ...DAILY_FIELDS.map((k) => ({ name: `sections.dailyLiving.${k}` as const, label: fieldLabel('dailyLiving', k) })),
    { name: 'sections.family.situation', label: fieldLabel('family', 'situation') },
    ...memberRows.flatMap((_, i) => [
      { name: `sections.family.members.${i}.name` as const, label: t('plans.assessment.memberField', { n: i + 1, field: memberLabel('name') }) },
      { name: `sections.family.members.${i}.relation` as const, label: t('plans.assessment.memberField', { n: i + 1, field: memberLabel('relation') }) },
      { name: `sections.family.members.${i}.wish` as const, label: t('plans.assessment.memberField', { n: i + 1, field: memberLabel('wish') }) },
    ]),
    ...riskRows.flatMap((_, i) => [
      { name: `sections.risks.${i}.risk` as const, label: t('plans.assessment.riskField', { n: i + 1, field: riskLabel('risk') }) },
      { name: `sections.risks.${i}.measures` as const, label: t('plans.assessment.riskField', { n: i + 1, field: riskLabel('measures') }) },
    ]),
    ...TEXT_SECTIONS.map((k) => ({ name: `sections.${k}` as const, label: sectionLabel(k) })),
  ]);
  const members = useFieldArray({ control: form.control, name: 'sections.family.members' });
  const risks = useFieldArray({ control: form.control, name: 'sections.risks' });
  const fe = form.formState.errors;
  const se = fe.sections;
  const pending = create.isPending || update.isPending;
  const error = assessment ? update.error : create.error;
  const onSubmit = form.handleSubmit(
    saveWithVersion({
      errors,
      onSaved,
      save: (input) => {
        if (assessment) return update.mutateAsync({ id: assessment.id, input });
        const { version: _v, ...body } = input;
        return create.mutateAsync(body);
      },
    }),
    errors.onInvalid,
  );
  const area = (name: Parameters<typeof form.register>[0], label: string, message: string | undefined, rows = 3) => (
    <TextAreaField key={name} id={fieldId(formId, name)} label={label} rows={rows} error={message} {...form.register(name)} />
  );

  return (
    <VersionedFormDialog title={assessment ? t('plans.assessment.editTitle') : t('plans.assessment.createTitle')} formId={formId} onSubmit={onSubmit} isPending={pending} error={error} errors={errors} onClose={onClose}>
      {!assessment && basis ? <p className="field__hint">{t('plans.assessment.fromLast', { date: basis.assessedOn })}</p> : null}
      <div className="form__row">
        <TextField id={fieldId(formId, 'assessedOn')} type="date" label={contractLabel(AI, 'assessedOn')} isRequired error={fe.assessedOn?.message} {...form.register('assessedOn')} />
        <TextField id={fieldId(formId, 'place')} label={contractLabel(AI, 'place')} error={fe.place?.message} {...form.register('place')} />
      </div>
      <fieldset className="fieldset">
        <legend className="field__label">{sectionLabel('health')}</legend>
        {HEALTH_FIELDS.map((k) => area(`sections.health.${k}`, fieldLabel('health', k), se?.health?.[k]?.message))}
      </fieldset>
      <fieldset className="fieldset">
        <legend className="field__label">{sectionLabel('dailyLiving')}</legend>
        {DAILY_FIELDS.map((k) => area(`sections.dailyLiving.${k}`, fieldLabel('dailyLiving', k), se?.dailyLiving?.[k]?.message, 2))}
      </fieldset>
      {area('sections.communication', sectionLabel('communication'), se?.communication?.message)}
      {area('sections.development', sectionLabel('development'), se?.development?.message)}
      <fieldset className="fieldset">
        <legend className="field__label">{sectionLabel('family')}</legend>
        {area('sections.family.situation', fieldLabel('family', 'situation'), se?.family?.situation?.message)}
        <ol className="row-editor">
          {members.fields.map((f, i) => (
            <li key={f.id} className="row-editor__row">
              <fieldset className="fieldset">
                <legend className="field__label">{t('plans.assessment.memberN', { n: i + 1 })}</legend>
                <div className="form__row">
                  <TextField
                    id={fieldId(formId, `sections.family.members.${i}.name`)}
                    label={t('plans.assessment.memberField', { n: i + 1, field: memberLabel('name') })}
                    isRequired
                    error={se?.family?.members?.[i]?.name?.message}
                    {...form.register(`sections.family.members.${i}.name`)}
                  />
                  <TextField
                    id={fieldId(formId, `sections.family.members.${i}.relation`)}
                    label={t('plans.assessment.memberField', { n: i + 1, field: memberLabel('relation') })}
                    isRequired
                    error={se?.family?.members?.[i]?.relation?.message}
                    {...form.register(`sections.family.members.${i}.relation`)}
                  />
                </div>
                {area(`sections.family.members.${i}.wish`, t('plans.assessment.memberField', { n: i + 1, field: memberLabel('wish') }), se?.family?.members?.[i]?.wish?.message, 2)}
                <Button variant="tertiary" size="sm" aria-label={t('plans.assessment.removeMember', { n: i + 1 })} onClick={() => members.remove(i)}>
                  {t('common.delete')}
                </Button>
              </fieldset>
            </li>
          ))}
        </ol>
        <Button variant="tertiary" size="sm" onClick={() => members.append({ name: '', relation: '', wish: '' })}>
          {t('plans.assessment.addMember')}
        </Button>
      </fieldset>
      {area('sections.social', sectionLabel('social'), se?.social?.message)}
      <fieldset className="fieldset">
        <legend className="field__label">{sectionLabel('risks')}</legend>
        <ol className="row-editor">
          {risks.fields.map((f, i) => (
            <li key={f.id} className="row-editor__row">
              <div className="form__row">
                <TextField
                  id={fieldId(formId, `sections.risks.${i}.risk`)}
                  label={t('plans.assessment.riskField', { n: i + 1, field: riskLabel('risk') })}
                  isRequired
                  error={se?.risks?.[i]?.risk?.message}
                  {...form.register(`sections.risks.${i}.risk`)}
                />
                <TextField
                  id={fieldId(formId, `sections.risks.${i}.measures`)}
                  label={t('plans.assessment.riskField', { n: i + 1, field: riskLabel('measures') })}
                  error={se?.risks?.[i]?.measures?.message}
                  {...form.register(`sections.risks.${i}.measures`)}
                />
                <Button variant="tertiary" size="sm" aria-label={t('plans.assessment.removeRisk', { n: i + 1 })} onClick={() => risks.remove(i)}>
                  {t('common.delete')}
                </Button>
              </div>
            </li>
          ))}
        </ol>
        <Button variant="tertiary" size="sm" onClick={() => risks.append({ risk: '', measures: '' })}>
          {t('plans.assessment.addRisk')}
        </Button>
      </fieldset>
      {area('sections.strengths', sectionLabel('strengths'), se?.strengths?.message)}
      {area('sections.clientWish', sectionLabel('clientWish'), se?.clientWish?.message)}
    </VersionedFormDialog>
  );
}
