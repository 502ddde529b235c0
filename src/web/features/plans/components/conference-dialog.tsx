// Writing the record of a 担当者会議. Decisions are typed one per line; attendees and follow-up
// tasks are rows. A new record starts with the support team as its attendees (the record's
// page hands them in); members not yet listed can be added from the team at any time.
import { useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { ConferenceInputSchema as CI } from '../../../../shared/contracts/plans';
import { Button } from '../../../components/ui/button';
import { Checkbox, TextAreaField, TextField } from '../../../components/ui/fields';
import { saveWithVersion } from '../../../components/ui/version-conflict';
import { VersionedFormDialog } from '../../../components/ui/versioned-form-dialog';
import { useT } from '../../../i18n/i18n';
import { contractLabel, emptyToNull, fieldId, isoToLocal, localToIso, useFormErrors, useZodForm } from '../../../lib/forms';
import { useCreateConference } from '../api/create-conference';
import type { Conference } from '../api/list-conferences';
import { UpdateConferenceSchema, useUpdateConference } from '../api/update-conference';

const C = (k: keyof typeof CI.shape & string) => contractLabel(CI, k);
const formId = 'conference-form';

/** One attendee as the form holds it; the team's members come in this shape. */
export interface AttendeeDraft {
  teamMemberId: string | null;
  name: string;
  organization: string;
  role: string;
}

export function ConferenceDialog({
  clientId,
  conference,
  teamAttendees = [],
  onClose,
  onSaved,
}: {
  clientId: string;
  conference: Conference | null;
  /** The active support team as attendees, to start a new record with and to add from. */
  teamAttendees?: AttendeeDraft[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const create = useCreateConference(clientId);
  const update = useUpdateConference(clientId);
  const [heldAt, setHeldAt] = useState(() => (conference ? isoToLocal(conference.heldAt) : isoToLocal(new Date().toISOString()).slice(0, 11) + '10:00'));
  const [decisions, setDecisions] = useState((conference?.decisions ?? []).join('\n'));
  const form = useZodForm(UpdateConferenceSchema, {
    defaultValues: {
      heldAt: localToIso(heldAt),
      place: conference?.place ?? '',
      purpose: conference?.purpose ?? '',
      attendees: conference?.attendees ?? (teamAttendees.length ? teamAttendees : [{ teamMemberId: null, name: '', organization: '', role: '' }]),
      agenda: conference?.agenda ?? '',
      minutes: conference?.minutes ?? '',
      decisions: conference?.decisions ?? [],
      tasks: conference?.tasks ?? [],
      planId: conference?.planId ?? null,
      version: conference?.version ?? 1,
    },
  });
  // Row fields are listed one by one, so an error inside a row reaches the summary too.
  const attendeeRows = form.watch('attendees') ?? [];
  const taskRows = form.watch('tasks') ?? [];
  const errors = useFormErrors(form, formId, [
    { name: 'heldAt', label: C('heldAt') },
    { name: 'place', label: C('place') },
    { name: 'purpose', label: C('purpose') },
    { name: 'attendees', label: C('attendees') },
    ...attendeeRows.map((_, i) => ({ name: `attendees.${i}.name` as const, label: t('plans.conference.attendeeName', { n: i + 1 }) })),
    { name: 'agenda', label: C('agenda') },
    { name: 'minutes', label: C('minutes') },
    { name: 'decisions', label: C('decisions') },
    { name: 'tasks', label: C('tasks') },
    ...taskRows.map((_, i) => ({ name: `tasks.${i}.task` as const, label: t('plans.conference.taskN', { n: i + 1 }) })),
  ]);
  const attendees = useFieldArray({ control: form.control, name: 'attendees' });
  const missingMembers = teamAttendees.filter((m) => !attendeeRows.some((a) => a.teamMemberId === m.teamMemberId));
  const tasks = useFieldArray({ control: form.control, name: 'tasks' });
  const fe = form.formState.errors;
  const pending = create.isPending || update.isPending;
  const error = conference ? update.error : create.error;
  const onSubmit = form.handleSubmit(
    saveWithVersion({
      errors,
      onSaved,
      save: (input) => {
        if (conference) return update.mutateAsync({ id: conference.id, input });
        const { version: _v, ...body } = input;
        return create.mutateAsync(body);
      },
    }),
    errors.onInvalid,
  );

  return (
    <VersionedFormDialog title={conference ? t('plans.conference.editTitle') : t('plans.conference.createTitle')} formId={formId} onSubmit={onSubmit} isPending={pending} error={error} errors={errors} onClose={onClose}>
      <div className="form__row">
        <TextField
          id={fieldId(formId, 'heldAt')}
          type="datetime-local"
          label={C('heldAt')}
          isRequired
          value={heldAt}
          onChange={(e) => {
            setHeldAt(e.currentTarget.value);
            form.setValue('heldAt', localToIso(e.currentTarget.value));
          }}
          error={fe.heldAt?.message}
        />
        <TextField id={fieldId(formId, 'place')} label={C('place')} error={fe.place?.message} {...form.register('place')} />
      </div>
      <TextField id={fieldId(formId, 'purpose')} label={C('purpose')} error={fe.purpose?.message} {...form.register('purpose')} />
      <fieldset className="fieldset">
        <legend className="field__label">{C('attendees')}</legend>
        {attendees.fields.map((f, i) => (
          <div key={f.id} className="form__row row-editor__sub">
            <TextField
              id={fieldId(formId, `attendees.${i}.name`)}
              label={t('plans.conference.attendeeName', { n: i + 1 })}
              isRequired
              error={fe.attendees?.[i]?.name?.message}
              {...form.register(`attendees.${i}.name`)}
            />
            <TextField label={t('plans.conference.attendeeOrg', { n: i + 1 })} {...form.register(`attendees.${i}.organization`)} />
            <TextField label={t('plans.conference.attendeeRole', { n: i + 1 })} {...form.register(`attendees.${i}.role`)} />
            <Button variant="tertiary" size="sm" aria-label={t('plans.conference.removeAttendee', { n: i + 1 })} onClick={() => attendees.remove(i)}>
              {t('common.delete')}
            </Button>
          </div>
        ))}
        {teamAttendees.length && !conference ? <p className="field__hint">{t('plans.conference.prefilledHint')}</p> : null}
        <div className="row-actions">
          <Button variant="tertiary" size="sm" onClick={() => attendees.append({ teamMemberId: null, name: '', organization: '', role: '' })}>
            {t('plans.conference.addAttendee')}
          </Button>
          {missingMembers.length ? (
            <Button variant="tertiary" size="sm" onClick={() => attendees.append(missingMembers)}>
              {t('plans.conference.addTeam', { n: missingMembers.length })}
            </Button>
          ) : null}
        </div>
      </fieldset>
      <TextAreaField id={fieldId(formId, 'agenda')} label={C('agenda')} rows={3} error={fe.agenda?.message} {...form.register('agenda')} />
      <TextAreaField id={fieldId(formId, 'minutes')} label={C('minutes')} rows={6} error={fe.minutes?.message} {...form.register('minutes')} />
      <TextAreaField
        id={fieldId(formId, 'decisions')}
        label={C('decisions')}
        description={t('plans.conference.decisionsHint')}
        rows={3}
        value={decisions}
        onChange={(e) => {
          const v = e.currentTarget.value;
          setDecisions(v);
          form.setValue(
            'decisions',
            v
              .split('\n')
              .map((s) => s.trim())
              .filter(Boolean),
          );
        }}
        error={fe.decisions?.message}
      />
      <fieldset className="fieldset">
        <legend className="field__label">{C('tasks')}</legend>
        {tasks.fields.map((f, i) => (
          <div key={f.id} className="form__row row-editor__sub">
            <TextField id={fieldId(formId, `tasks.${i}.task`)} label={t('plans.conference.taskN', { n: i + 1 })} isRequired error={fe.tasks?.[i]?.task?.message} {...form.register(`tasks.${i}.task`)} />
            <TextField label={t('plans.conference.taskOwner', { n: i + 1 })} {...form.register(`tasks.${i}.ownerName`)} />
            <TextField type="date" label={t('plans.conference.taskDue', { n: i + 1 })} {...form.register(`tasks.${i}.dueOn`, { setValueAs: emptyToNull })} />
            <Checkbox label={t('plans.conference.taskDoneN', { n: i + 1 })} {...form.register(`tasks.${i}.done`)} />
            <Button variant="tertiary" size="sm" aria-label={t('plans.conference.removeTask', { n: i + 1 })} onClick={() => tasks.remove(i)}>
              {t('common.delete')}
            </Button>
          </div>
        ))}
        <Button variant="tertiary" size="sm" onClick={() => tasks.append({ task: '', ownerName: '', ownerUserId: null, dueOn: null, done: false })}>
          {t('plans.conference.addTask')}
        </Button>
      </fieldset>
    </VersionedFormDialog>
  );
}
