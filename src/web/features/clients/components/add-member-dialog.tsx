// Adding a member to the support team: a whole office, or a named person (found by name or
// reading among the network's people) acting for one of their offices. Access follows only
// when a consent to that office or person is recorded, so the dialog shows before adding what
// the recorded consents would let the member see, or that a consent is still missing. A member
// of another 法人 gaining access is written as a provision record by the server.
import { useState } from 'react';
import { useDebounced } from '../../../lib/use-debounced';
import { Controller } from 'react-hook-form';
import { TEAM_ROLES, TEAM_ROLE_LABELS } from '../../../../shared/contracts/clients';
import { CONSENT_SCOPES, CONSENT_SCOPE_INFO } from '../../../../shared/domain/consent-scopes';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogActions } from '../../../components/ui/dialog';
import { RadioGroup, SelectField, TextField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { useT } from '../../../i18n/i18n';
import { contractLabel, fieldId, useFormErrors, useZodForm } from '../../../lib/forms';
import { AddTeamMemberSchema, useAddTeamMember } from '../api/add-team-member';
import type { TeamMember } from '../api/list-team';
import { useTeamCandidates, type TeamCandidate } from '../api/search-team-candidates';
import { OfficeSearchField } from './office-search-field';

const S = AddTeamMemberSchema;
const label = (k: 'role' | 'officeId' | 'userId' | 'roleNote') => contractLabel(S, k);
const scopeText = (scopes: readonly string[]) => scopes.map((s) => CONSENT_SCOPE_INFO.find((i) => i.code === s)?.label ?? s).join('・');

/** What a member (person at an office, or the person alone) would see: consents to either. */
export function candidateScopes(c: TeamCandidate, officeId: string | null): string[] {
  const office = c.offices.find((o) => o.id === officeId);
  const granted = new Set([...c.personalConsentScopes, ...(office?.consentScopes ?? [])]);
  return CONSENT_SCOPES.filter((s) => granted.has(s));
}

export function AddMemberDialog({ clientId, onClose, onSaved }: { clientId: string; onClose: () => void; onSaved: (m: TeamMember) => void }) {
  const t = useT();
  const formId = 'add-member';
  const add = useAddTeamMember(clientId);
  const [kind, setKind] = useState<'office' | 'person'>('person');
  const [person, setPerson] = useState<TeamCandidate | null>(null);
  const form = useZodForm(AddTeamMemberSchema, { defaultValues: { role: 'provider', userId: null, officeId: null, roleNote: '' } });
  const errors = useFormErrors(form, formId, [
    { name: 'role', label: label('role') },
    { name: 'userId', label: label('userId') },
    { name: 'officeId', label: label('officeId') },
    { name: 'roleNote', label: label('roleNote') },
  ]);
  const fe = form.formState.errors;
  const officeId = form.watch('officeId') ?? null;
  const onSubmit = form.handleSubmit(async (input) => {
    errors.reset();
    if (kind === 'person' && !input.userId) {
      form.setError('userId', { message: t('clients.team.choosePerson') });
      return;
    }
    try {
      onSaved(await add.mutateAsync(kind === 'office' ? { ...input, userId: null } : input));
    } catch (error) {
      errors.onServerError(error);
    }
  }, errors.onInvalid);
  const switchKind = (k: string) => {
    setKind(k as 'office' | 'person');
    setPerson(null);
    form.setValue('userId', null);
    form.setValue('officeId', null);
    form.clearErrors();
  };
  const scopes = person ? candidateScopes(person, officeId) : [];
  return (
    <Dialog isOpen onOpenChange={(o) => !o && onClose()} title={t('clients.team.addTitle')} size="lg" isDismissable={!add.isPending}>
      <form id={formId} className="form" noValidate onSubmit={onSubmit}>
        <FormErrorSummary id={`${formId}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />
        <p className="field__hint">{t('clients.team.addHint')}</p>
        <RadioGroup
          id={fieldId(formId, 'kind')}
          name="member-kind"
          label={t('clients.team.kind')}
          isRequired
          value={kind}
          onChange={switchKind}
          options={[
            { value: 'person', label: t('clients.team.kindPerson') },
            { value: 'office', label: t('clients.team.kindOffice') },
          ]}
        />
        {kind === 'person' ? (
          <>
            <PersonSearchField
              clientId={clientId}
              id={fieldId(formId, 'userId')}
              error={fe.userId?.message}
              value={person}
              onChange={(c) => {
                setPerson(c);
                form.setValue('userId', c?.userId ?? null);
                form.setValue('officeId', c?.offices.length === 1 ? c.offices[0]!.id : null);
                form.clearErrors('userId');
              }}
            />
            {person ? (
              <>
                <SelectField
                  id={fieldId(formId, 'officeId')}
                  label={t('clients.team.personOffice')}
                  description={t('clients.team.personOfficeHint')}
                  emptyOption={t('clients.team.noOffice')}
                  options={person.offices.map((o) => ({ value: o.id, label: o.name }))}
                  value={officeId ?? ''}
                  onChange={(e) => form.setValue('officeId', e.currentTarget.value || null)}
                  error={fe.officeId?.message}
                />
                {scopes.length ? (
                  <Alert tone="info">
                    <p>{t('clients.team.consentCovers', { name: person.name, scopes: scopeText(scopes) })}</p>
                  </Alert>
                ) : (
                  <Alert tone="warning">
                    <p>{t('clients.team.consentMissing', { name: person.name })}</p>
                  </Alert>
                )}
              </>
            ) : null}
          </>
        ) : (
          <Controller
            control={form.control}
            name="officeId"
            render={({ field }) => <OfficeSearchField id={fieldId(formId, 'officeId')} label={label('officeId')} isRequired value={field.value ?? null} onChange={field.onChange} error={fe.officeId?.message} />}
          />
        )}
        <SelectField id={fieldId(formId, 'role')} label={label('role')} isRequired options={TEAM_ROLES.map((r) => ({ value: r, label: TEAM_ROLE_LABELS[r] }))} error={fe.role?.message} {...form.register('role')} />
        <TextField id={fieldId(formId, 'roleNote')} label={label('roleNote')} description={t('clients.team.roleNoteHint')} error={fe.roleNote?.message} {...form.register('roleNote')} />
        <DialogActions>
          <Button variant="secondary" onClick={onClose} disabled={add.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" isPending={form.formState.isSubmitting} pendingText={t('common.saving')}>
            {t('common.add')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** Type part of a name or reading, then pick the person (a native select, as for offices). */
function PersonSearchField({ clientId, id, value, onChange, error }: { clientId: string; id: string; value: TeamCandidate | null; onChange: (c: TeamCandidate | null) => void; error?: string }) {
  const t = useT();
  const [term, setTerm] = useState('');
  const debounced = useDebounced(term.trim(), 250);
  const search = useTeamCandidates(clientId, debounced);
  const found = search.data?.items ?? [];
  const options = found.map((c) => ({
    value: c.userId,
    label: `${c.name}${c.offices.length ? `（${c.offices.map((o) => o.name).join('・')}）` : ''}${c.onTeam ? ` — ${t('clients.team.alreadyOnTeam')}` : ''}`,
  }));
  return (
    <div className="office-search">
      <TextField id={`${id}-q`} label={t('clients.team.personSearch')} description={t('clients.team.personSearchHint')} type="search" value={term} onChange={(e) => setTerm(e.currentTarget.value)} />
      <SelectField
        id={id}
        label={label('userId')}
        isRequired
        emptyOption={debounced && !search.isPending && found.length === 0 ? t('clients.team.noPeopleFound') : t('common.choose')}
        options={options}
        value={value?.userId ?? ''}
        onChange={(e) => onChange(found.find((c) => c.userId === e.currentTarget.value) ?? null)}
        error={error}
      />
    </div>
  );
}
