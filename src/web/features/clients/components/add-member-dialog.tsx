// Adding an office (or a person acting for it) to the support team. Access follows only when
// a consent to that office is recorded; a member of another 法人 gaining access is written as
// a provision record by the server.
import { Controller } from 'react-hook-form';
import { TEAM_ROLES, TEAM_ROLE_LABELS } from '../../../../shared/contracts/clients';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogActions } from '../../../components/ui/dialog';
import { SelectField, TextField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { useT } from '../../../i18n/i18n';
import { contractLabel, fieldId, useFormErrors, useZodForm } from '../../../lib/forms';
import { AddTeamMemberSchema, useAddTeamMember } from '../api/add-team-member';
import type { TeamMember } from '../api/list-team';
import { OfficeSearchField } from './office-search-field';

const S = AddTeamMemberSchema;
const label = (k: 'role' | 'officeId' | 'roleNote') => contractLabel(S, k);

export function AddMemberDialog({ clientId, onClose, onSaved }: { clientId: string; onClose: () => void; onSaved: (m: TeamMember) => void }) {
  const t = useT();
  const formId = 'add-member';
  const add = useAddTeamMember(clientId);
  const form = useZodForm(AddTeamMemberSchema, { defaultValues: { role: 'provider', userId: null, officeId: null, roleNote: '' } });
  const errors = useFormErrors(form, formId, [
    { name: 'role', label: label('role') },
    { name: 'officeId', label: label('officeId') },
    { name: 'roleNote', label: label('roleNote') },
  ]);
  const fe = form.formState.errors;
  const onSubmit = form.handleSubmit(async (input) => {
    errors.reset();
    try {
      onSaved(await add.mutateAsync(input));
    } catch (error) {
      errors.onServerError(error);
    }
  }, errors.onInvalid);
  return (
    <Dialog isOpen onOpenChange={(o) => !o && onClose()} title={t('clients.team.addTitle')} isDismissable={!add.isPending}>
      <form id={formId} className="form" noValidate onSubmit={onSubmit}>
        <FormErrorSummary id={`${formId}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />
        <p className="field__hint">{t('clients.team.addHint')}</p>
        <SelectField id={fieldId(formId, 'role')} label={label('role')} isRequired options={TEAM_ROLES.map((r) => ({ value: r, label: TEAM_ROLE_LABELS[r] }))} error={fe.role?.message} {...form.register('role')} />
        <Controller
          control={form.control}
          name="officeId"
          render={({ field }) => <OfficeSearchField id={fieldId(formId, 'officeId')} label={label('officeId')} isRequired value={field.value ?? null} onChange={field.onChange} error={fe.officeId?.message} />}
        />
        <TextField id={fieldId(formId, 'roleNote')} label={label('roleNote')} error={fe.roleNote?.message} {...form.register('roleNote')} />
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
