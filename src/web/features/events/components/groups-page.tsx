// /events/:id/groups — group work: the groups (name, facilitator, the group's report), balanced
// automatic assignment that mixes the cities, and moving one person to another group.
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Checkbox, SelectField, TextAreaField, TextField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { PageHeader, Section, useDocumentTitle } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { problemOf } from '../../../lib/api-client';
import { fieldId, useFormErrors, useZodForm } from '../../../lib/forms';
import { useAssignGroups } from '../api/assign-groups';
import { useEvent } from '../api/get-event';
import { useGroups, type EventGroup } from '../api/list-groups';
import { PutGroupsSchema, usePutGroups } from '../api/put-groups';
import { useUpdateRegistration } from '../api/update-registration';

export function GroupsPage({ eventId, canManage }: { eventId: string; canManage: boolean }) {
  const t = useT();
  const event = useEvent(eventId);
  const groups = useGroups(eventId);
  const assign = useAssignGroups(eventId);
  const move = useUpdateRegistration(eventId);
  const [onlyCheckedIn, setOnlyCheckedIn] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  useDocumentTitle(t('ev.groupsTitle'));

  if (event.isPending || groups.isPending) return <LoadingState />;
  if (event.error || groups.error) return <ErrorState error={event.error ?? groups.error} />;
  const list = groups.data.items;

  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/events/$eventId" params={{ eventId }}>
          {t('ev.backToEvent', { title: event.data.title })}
        </Link>
      </p>
      <PageHeader title={t('ev.groupsTitle')} lead={event.data.title} />
      <div role="status" className="notice-slot">
        {notice ? <Alert tone="success" role="none">{notice}</Alert> : null}
      </div>
      {assign.error ? <Alert tone="error">{problemOf(assign.error)?.detail}</Alert> : null}
      {move.error ? <Alert tone="error">{problemOf(move.error)?.detail}</Alert> : null}
      {canManage ? (
        <div className="toolbar">
          <div className="toolbar__actions">
            <Checkbox label={t('ev.onlyCheckedIn')} checked={onlyCheckedIn} onChange={(e) => setOnlyCheckedIn(e.currentTarget.checked)} />
            <Button
              isPending={assign.isPending}
              pendingText={t('common.saving')}
              disabled={list.length === 0}
              onClick={() => assign.mutate({ mode: 'balanced', onlyCheckedIn }, { onSuccess: () => setNotice(t('ev.assigned')) })}
            >
              {t('ev.assignBalanced')}
            </Button>
            <Button variant="secondary" onClick={() => setEditing((v) => !v)} aria-expanded={editing}>
              {t('ev.editGroups')}
            </Button>
          </div>
        </div>
      ) : null}
      {editing ? <GroupsEditor eventId={eventId} groups={list} onSaved={() => (setEditing(false), setNotice(t('common.saved')))} /> : null}
      {list.length === 0 ? <p className="muted">{t('ev.noGroups')}</p> : null}
      <ul className="group-grid">
        {list.map((g) => (
          <li key={g.id} className="group-card">
            <h2 className="group-card__title">{g.name}</h2>
            <p className="small">
              {t('ev.facilitator')}: {g.facilitatorName ?? '—'}
            </p>
            {g.members.length ? (
              <ul className="plain-list">
                {g.members.map((m) => (
                  <li key={m.registrationId} className="group-card__member">
                    <span>
                      {m.name}
                      <span className="cell-sub">
                        {m.municipalityName}・{t(`ev.prole.${m.participantRole}`)}
                      </span>
                    </span>
                    {canManage ? (
                      <SelectField
                        className="field--inline"
                        label={t('ev.moveTo', { name: m.name })}
                        options={[...list.map((o) => ({ value: o.id, label: o.name })), { value: '', label: t('ev.noGroup') }]}
                        value={g.id}
                        onChange={(e) =>
                          move.mutate({ id: m.registrationId, input: { groupId: e.currentTarget.value || null } }, { onSuccess: () => setNotice(t('ev.moved', { name: m.name })) })
                        }
                      />
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted small">{t('ev.groupEmpty')}</p>
            )}
            {g.summary ? (
              <details>
                <summary>{t('ev.groupSummary')}</summary>
                <p className="pre-wrap small">{g.summary}</p>
              </details>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function GroupsEditor({ eventId, groups, onSaved }: { eventId: string; groups: EventGroup[]; onSaved: () => void }) {
  const t = useT();
  const formId = 'groups';
  const form = useZodForm(PutGroupsSchema, {
    defaultValues: { groups: groups.map((g) => ({ id: g.id, name: g.name, facilitatorName: g.facilitatorName ?? '', summary: g.summary })) },
  });
  const rows = useFieldArray({ control: form.control, name: 'groups' });
  const errors = useFormErrors(form, formId, rows.fields.map((_, i) => ({ name: `groups.${i}.name` as const, label: t('ev.groupNameN', { n: i + 1 }) })));
  const save = usePutGroups(eventId);
  const fe = form.formState.errors;
  const onSubmit = errors.submit(form.handleSubmit, async (input) => {
    await save.mutateAsync(input);
    onSaved();
  });
  return (
    <Section title={t('ev.editGroups')}>
      <form id={formId} onSubmit={onSubmit} noValidate className="form">
        <FormErrorSummary id={`${formId}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />
        {rows.fields.map((f, i) => (
          <fieldset key={f.id} className="fieldset repeat-row">
            <legend className="field__label">{t('ev.groupN', { n: i + 1 })}</legend>
            <div className="form__row">
              <TextField id={fieldId(formId, `groups.${i}.name`)} label={t('ev.groupName')} isRequired error={fe.groups?.[i]?.name?.message} {...form.register(`groups.${i}.name`)} />
              <TextField label={t('ev.facilitator')} {...form.register(`groups.${i}.facilitatorName`)} />
            </div>
            <TextAreaField label={t('ev.groupSummary')} rows={3} {...form.register(`groups.${i}.summary`)} />
            <Button variant="tertiary" size="sm" onClick={() => rows.remove(i)}>
              {t('ev.removeGroupN', { n: i + 1 })}
            </Button>
          </fieldset>
        ))}
        <div className="button-row">
          <Button variant="secondary" size="sm" onClick={() => rows.append({ name: `${String.fromCharCode(65 + rows.fields.length)}`, facilitatorName: '', summary: '' })}>
            {t('ev.addGroup')}
          </Button>
          <Button type="submit" isPending={save.isPending} pendingText={t('common.saving')}>
            {t('common.save')}
          </Button>
        </div>
      </form>
    </Section>
  );
}
