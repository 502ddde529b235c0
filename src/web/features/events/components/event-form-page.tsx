// /events/new and /events/:id/edit — coordinators and admins. The form edits a day and clock
// times in Japan time; the shared CreateEventSchema / UpdateEventSchema validate what is sent,
// so the messages match the server's.
import { Link, useNavigate } from '@tanstack/react-router';
import { useFieldArray } from 'react-hook-form';
import { z } from 'zod';
import { CreateEventSchema, EVENT_KINDS, UpdateEventSchema } from '../../../../shared/contracts/events';
import { Button, buttonClass } from '../../../components/ui/button';
import { Checkbox, SelectField, TextAreaField, TextField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { PageHeader, Section, useDocumentTitle } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { fieldId, useFormErrors, useZodForm, type FormFieldSpec } from '../../../lib/forms';
import { useCreateEvent } from '../api/create-event';
import { useEvent } from '../api/get-event';
import type { NetworkEvent } from '../api/list-events';
import { useUpdateEvent } from '../api/update-event';
import { splitInstant, toTokyoInstant } from './event-format';

const filled = z.string().trim().min(1, { error: '入力してください' });

const FormFields = z.object({
  kind: z.enum(EVENT_KINDS, { error: '選んでください' }),
  title: z.string(),
  description: z.string(),
  /** The day (named after the contract field so the server's errors land here). */
  startsAt: filled,
  startTime: filled,
  /** The end time (same day). */
  endsAt: filled,
  venue: z.string(),
  onlineUrl: z.string(),
  targetAudience: z.string(),
  capacity: z.string().regex(/^\d*$/, { error: '0以上の整数で入力してください' }),
  registrationOpen: z.boolean(),
  registrationClosesAt: z.string(),
  publicRegistration: z.boolean(),
  minutes: z.string(),
  cancelled: z.boolean(),
  programme: z.array(z.object({ kind: z.enum(['lecture', 'group_work', 'other']), title: z.string(), presenter: z.string(), startTime: z.string() })),
  staff: z.array(z.object({ role: z.enum(['organiser', 'lecturer', 'facilitator']), name: z.string(), affiliation: z.string() })),
});
type FormValues = z.input<typeof FormFields>;

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
const orUndef = (s: string) => (s.trim() === '' ? undefined : s.trim());

function toPayload(v: z.output<typeof FormFields>): z.input<typeof CreateEventSchema> {
  return {
    kind: v.kind,
    title: v.title,
    description: v.description,
    startsAt: toTokyoInstant(v.startsAt, v.startTime),
    endsAt: toTokyoInstant(v.startsAt, v.endsAt),
    venue: orNull(v.venue),
    onlineUrl: orNull(v.onlineUrl),
    targetAudience: v.targetAudience,
    capacity: v.capacity === '' ? null : Number(v.capacity),
    registrationOpen: v.registrationOpen,
    registrationClosesAt: v.registrationClosesAt ? toTokyoInstant(v.registrationClosesAt, '23:59') : null,
    publicRegistration: v.publicRegistration,
    programme: v.programme.map((p) => ({ kind: p.kind, title: p.title, presenter: orUndef(p.presenter), startTime: orUndef(p.startTime) })),
    staff: v.staff.map((s) => ({ role: s.role, name: s.name, affiliation: orUndef(s.affiliation) })),
  };
}

const CreateForm = FormFields.transform(toPayload).pipe(CreateEventSchema);
const EditForm = FormFields.transform((v): z.input<typeof UpdateEventSchema> => ({ ...toPayload(v), minutes: orNull(v.minutes), status: v.cancelled ? ('cancelled' as const) : ('scheduled' as const) })).pipe(UpdateEventSchema);

function defaultsOf(e: NetworkEvent | null): FormValues {
  const start = splitInstant(e?.startsAt);
  const end = splitInstant(e?.endsAt);
  return {
    kind: e?.kind ?? 'training',
    title: e?.title ?? '',
    description: e?.description ?? '',
    startsAt: start.date,
    startTime: start.time,
    endsAt: end.time,
    venue: e?.venue ?? '',
    onlineUrl: e?.onlineUrl ?? '',
    targetAudience: e?.targetAudience ?? '',
    capacity: e?.capacity == null ? '' : String(e.capacity),
    registrationOpen: e?.registrationOpen ?? true,
    registrationClosesAt: splitInstant(e?.registrationClosesAt).date,
    publicRegistration: e?.publicRegistration ?? false,
    minutes: e?.minutes ?? '',
    cancelled: e?.status === 'cancelled',
    programme: (e?.programme ?? []).map((p) => ({ kind: p.kind, title: p.title, presenter: p.presenter ?? '', startTime: p.startTime ?? '' })),
    staff: (e?.staff ?? []).map((s) => ({ role: s.role, name: s.name, affiliation: s.affiliation ?? '' })),
  };
}

export function EventFormPage({ eventId }: { eventId?: string }) {
  const t = useT();
  const event = useEvent(eventId ?? '');
  useDocumentTitle(eventId ? t('ev.editTitle') : t('ev.createTitle'));
  if (!eventId) return <EventForm event={null} />;
  if (event.isPending) return <LoadingState />;
  if (event.error) return <ErrorState error={event.error} />;
  return <EventForm event={event.data} />;
}

function EventForm({ event }: { event: NetworkEvent | null }) {
  const t = useT();
  const navigate = useNavigate();
  const formId = event ? 'edit-event' : 'create-event';
  const form = useZodForm(event ? EditForm : CreateForm, { defaultValues: defaultsOf(event) });
  const programme = useFieldArray({ control: form.control, name: 'programme' });
  const staff = useFieldArray({ control: form.control, name: 'staff' });
  const specs: FormFieldSpec<FormValues>[] = [
    { name: 'kind', label: t('ev.kind') },
    { name: 'title', label: t('ev.fTitle') },
    { name: 'description', label: t('ev.fDescription') },
    { name: 'startsAt', label: t('ev.fDate') },
    { name: 'startTime', label: t('ev.fStartTime') },
    { name: 'endsAt', label: t('ev.fEndTime') },
    { name: 'venue', label: t('ev.venue') },
    { name: 'onlineUrl', label: t('ev.onlineUrl') },
    { name: 'targetAudience', label: t('ev.target') },
    { name: 'capacity', label: t('ev.capacity') },
    { name: 'registrationClosesAt', label: t('ev.deadline') },
    ...programme.fields.flatMap((_, i) => [{ name: `programme.${i}.title` as const, label: t('ev.pTitleN', { n: i + 1 }) }]),
    ...staff.fields.flatMap((_, i) => [{ name: `staff.${i}.name` as const, label: t('ev.sNameN', { n: i + 1 }) }]),
    { name: 'minutes', label: t('ev.minutes') },
  ];
  const errors = useFormErrors(form, formId, specs);
  const create = useCreateEvent();
  const update = useUpdateEvent();
  const fe = form.formState.errors;
  const id = (name: string) => fieldId(formId, name);

  const onSubmit = errors.submit(form.handleSubmit, async (payload) => {
    const saved = event ? await update.mutateAsync({ id: event.id, input: payload }) : await create.mutateAsync(payload as z.output<typeof CreateForm>);
    void navigate({ to: '/events/$eventId', params: { eventId: saved.id } });
  });

  return (
    <div className="page page--narrow">
      <PageHeader title={event ? t('ev.editTitle') : t('ev.createTitle')} lead={event?.title} />
      <form id={formId} onSubmit={onSubmit} noValidate className="form">
        <FormErrorSummary id={`${formId}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />
        <SelectField id={id('kind')} label={t('ev.kind')} isRequired options={EVENT_KINDS.map((k) => ({ value: k, label: t(`ev.kind.${k}`) }))} error={fe.kind?.message} {...form.register('kind')} />
        <TextField id={id('title')} label={t('ev.fTitle')} isRequired autoComplete="off" error={fe.title?.message} {...form.register('title')} />
        <div className="form__row">
          <TextField id={id('startsAt')} type="date" label={t('ev.fDate')} isRequired error={fe.startsAt?.message} {...form.register('startsAt')} />
          <TextField id={id('startTime')} type="time" label={t('ev.fStartTime')} isRequired error={fe.startTime?.message} {...form.register('startTime')} />
          <TextField id={id('endsAt')} type="time" label={t('ev.fEndTime')} isRequired error={fe.endsAt?.message} {...form.register('endsAt')} />
        </div>
        <p className="field__hint">{t('date.timeZoneNote')}</p>
        <TextField id={id('venue')} label={t('ev.venue')} autoComplete="off" error={fe.venue?.message} {...form.register('venue')} />
        <TextField id={id('onlineUrl')} type="url" label={t('ev.onlineUrl')} description={t('ev.onlineUrlHint')} autoComplete="off" error={fe.onlineUrl?.message} {...form.register('onlineUrl')} />
        <TextField id={id('targetAudience')} label={t('ev.target')} autoComplete="off" error={fe.targetAudience?.message} {...form.register('targetAudience')} />
        <TextAreaField id={id('description')} label={t('ev.fDescription')} rows={4} error={fe.description?.message} {...form.register('description')} />

        <fieldset className="fieldset">
          <legend className="field__label">{t('ev.registrationSettings')}</legend>
          <div className="form__row">
            <TextField id={id('capacity')} inputMode="numeric" label={t('ev.capacity')} description={t('ev.capacityHint')} error={fe.capacity?.message} {...form.register('capacity')} />
            <TextField id={id('registrationClosesAt')} type="date" label={t('ev.deadline')} description={t('ev.deadlineHint')} error={fe.registrationClosesAt?.message} {...form.register('registrationClosesAt')} />
          </div>
          <Checkbox label={t('ev.fRegistrationOpen')} {...form.register('registrationOpen')} />
          <Checkbox label={t('ev.fPublicRegistration')} {...form.register('publicRegistration')} />
        </fieldset>

        <Section title={t('ev.programme')}>
          {programme.fields.map((f, i) => (
            <fieldset key={f.id} className="fieldset repeat-row">
              <legend className="field__label">{t('ev.programmeN', { n: i + 1 })}</legend>
              <div className="form__row">
                <SelectField
                  label={t('ev.pKind')}
                  options={(['lecture', 'group_work', 'other'] as const).map((k) => ({ value: k, label: t(`ev.programmeKind.${k}`) }))}
                  {...form.register(`programme.${i}.kind`)}
                />
                <TextField id={id(`programme.${i}.title`)} label={t('ev.pTitle')} isRequired error={fe.programme?.[i]?.title?.message} {...form.register(`programme.${i}.title`)} />
                <TextField label={t('ev.pPresenter')} {...form.register(`programme.${i}.presenter`)} />
                <TextField type="time" label={t('ev.fStartTime')} {...form.register(`programme.${i}.startTime`)} />
              </div>
              <Button variant="tertiary" size="sm" onClick={() => programme.remove(i)}>
                {t('ev.removeProgrammeN', { n: i + 1 })}
              </Button>
            </fieldset>
          ))}
          <Button variant="secondary" size="sm" onClick={() => programme.append({ kind: 'lecture', title: '', presenter: '', startTime: '' })}>
            {t('ev.addProgramme')}
          </Button>
        </Section>

        <Section title={t('ev.staff')}>
          {staff.fields.map((f, i) => (
            <fieldset key={f.id} className="fieldset repeat-row">
              <legend className="field__label">{t('ev.staffN', { n: i + 1 })}</legend>
              <div className="form__row">
                <SelectField
                  label={t('ev.sRole')}
                  options={(['organiser', 'lecturer', 'facilitator'] as const).map((k) => ({ value: k, label: t(`ev.staffRole.${k}`) }))}
                  {...form.register(`staff.${i}.role`)}
                />
                <TextField id={id(`staff.${i}.name`)} label={t('ev.sName')} isRequired error={fe.staff?.[i]?.name?.message} {...form.register(`staff.${i}.name`)} />
                <TextField label={t('ev.sAffiliation')} {...form.register(`staff.${i}.affiliation`)} />
              </div>
              <Button variant="tertiary" size="sm" onClick={() => staff.remove(i)}>
                {t('ev.removeStaffN', { n: i + 1 })}
              </Button>
            </fieldset>
          ))}
          <Button variant="secondary" size="sm" onClick={() => staff.append({ role: 'lecturer', name: '', affiliation: '' })}>
            {t('ev.addStaff')}
          </Button>
        </Section>

        {event ? (
          <>
            <TextAreaField id={id('minutes')} label={t('ev.minutes')} rows={8} error={fe.minutes?.message} {...form.register('minutes')} />
            <Checkbox label={t('ev.fCancelled')} {...form.register('cancelled')} />
          </>
        ) : null}

        <div className="form__actions">
          <Button type="submit" isPending={create.isPending || update.isPending} pendingText={t('common.saving')}>
            {event ? t('common.save') : t('ev.createSubmit')}
          </Button>
          <Link to={event ? '/events/$eventId' : '/events'} params={event ? { eventId: event.id } : undefined} className={buttonClass('tertiary')}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
