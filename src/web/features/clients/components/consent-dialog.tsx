// Recording the guardian's consent: to whom (an office, a person, or an outside recipient by
// name), which scopes, for what, who consented and how (a written form needs its name and
// where it is kept).
import { Controller } from 'react-hook-form';
import { CONSENT_METHODS, CONSENT_METHOD_LABELS } from '../../../../shared/contracts/clients';
import { CONSENT_SCOPE_INFO } from '../../../../shared/domain/consent-scopes';
import { tokyoDate } from '../../../../shared/dates';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogActions } from '../../../components/ui/dialog';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { useT } from '../../../i18n/i18n';
import { contractLabel, emptyToNull, fieldId, useFormErrors, useZodForm } from '../../../lib/forms';
import type { Consent } from '../api/list-consents';
import { useTeam } from '../api/list-team';
import { ConsentInputSchema, useRecordConsent } from '../api/record-consent';
import { OfficeSearchField } from './office-search-field';

const S = ConsentInputSchema;
type Key = keyof typeof S.shape & string;
const label = (k: Key) => contractLabel(S, k);
const FIELDS: Key[] = ['recipientType', 'recipientOfficeId', 'recipientUserId', 'recipientName', 'scopes', 'purpose', 'givenBy', 'givenByRelation', 'consentedOn', 'method', 'document', 'expiresOn'];

export function ConsentDialog({ clientId, onClose, onSaved }: { clientId: string; onClose: () => void; onSaved: (k: Consent) => void }) {
  // A consent to a named person is for someone already on the team (added by name).
  const people = (useTeam(clientId).data?.items ?? []).filter((m) => m.userId && !m.removedAt);
  const t = useT();
  const formId = 'record-consent';
  const record = useRecordConsent(clientId);
  const form = useZodForm(ConsentInputSchema, {
    defaultValues: { recipientType: 'office', recipientOfficeId: null, recipientUserId: null, recipientName: '', scopes: [], purpose: '', givenBy: '', givenByRelation: '', consentedOn: tokyoDate(), method: 'written', document: '', expiresOn: null },
  });
  const errors = useFormErrors(form, formId, FIELDS.map((name) => ({ name, label: label(name) })));
  const fe = form.formState.errors;
  const type = form.watch('recipientType');
  const onSubmit = errors.submit(form.handleSubmit, async (input) => {
    onSaved(await record.mutateAsync(input));
  });
  return (
    <Dialog isOpen onOpenChange={(o) => !o && onClose()} title={t('clients.consent.addTitle')} size="lg" isDismissable={!record.isPending}>
      <form id={formId} className="form" noValidate onSubmit={onSubmit}>
        <FormErrorSummary id={`${formId}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />
        <SelectField
          id={fieldId(formId, 'recipientType')}
          label={label('recipientType')}
          isRequired
          options={(['office', 'user', 'external'] as const).map((v) => ({ value: v, label: t(`clients.consent.recipient.${v}`) }))}
          error={fe.recipientType?.message}
          {...form.register('recipientType')}
        />
        {type === 'office' ? (
          <Controller
            control={form.control}
            name="recipientOfficeId"
            render={({ field }) => (
              <OfficeSearchField id={fieldId(formId, 'recipientOfficeId')} label={label('recipientOfficeId')} isRequired value={field.value ?? null} onChange={field.onChange} error={fe.recipientOfficeId?.message} />
            )}
          />
        ) : type === 'user' ? (
          <SelectField
            id={fieldId(formId, 'recipientUserId')}
            label={label('recipientUserId')}
            description={t('clients.consent.userHint')}
            isRequired
            emptyOption={t('common.choose')}
            options={[...new Map(people.map((m) => [m.userId!, { value: m.userId!, label: `${m.userName ?? ''}${m.officeName ? `（${m.officeName}）` : ''}` }])).values()]}
            error={fe.recipientUserId?.message}
            {...form.register('recipientUserId', { setValueAs: emptyToNull })}
          />
        ) : (
          <TextField id={fieldId(formId, 'recipientName')} label={label('recipientName')} isRequired error={fe.recipientName?.message} {...form.register('recipientName')} />
        )}
        <Controller
          control={form.control}
          name="scopes"
          render={({ field }) => (
            <CheckboxGroup
              id={fieldId(formId, 'scopes')}
              name={field.name}
              label={label('scopes')}
              isRequired
              options={CONSENT_SCOPE_INFO.map((s) => ({ value: s.code, label: `${s.label}（${s.covers}）` }))}
              value={field.value ?? []}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={fe.scopes?.message}
            />
          )}
        />
        <TextAreaField id={fieldId(formId, 'purpose')} label={label('purpose')} rows={2} error={fe.purpose?.message} {...form.register('purpose')} />
        <div className="form__row">
          <TextField id={fieldId(formId, 'givenBy')} label={label('givenBy')} isRequired error={fe.givenBy?.message} {...form.register('givenBy')} />
          <TextField id={fieldId(formId, 'givenByRelation')} label={label('givenByRelation')} isRequired error={fe.givenByRelation?.message} {...form.register('givenByRelation')} />
        </div>
        <div className="form__row">
          <TextField id={fieldId(formId, 'consentedOn')} type="date" label={label('consentedOn')} isRequired error={fe.consentedOn?.message} {...form.register('consentedOn')} />
          <SelectField
            id={fieldId(formId, 'method')}
            label={label('method')}
            isRequired
            options={CONSENT_METHODS.map((m) => ({ value: m, label: CONSENT_METHOD_LABELS[m] }))}
            error={fe.method?.message}
            {...form.register('method')}
          />
        </div>
        <TextField id={fieldId(formId, 'document')} label={label('document')} error={fe.document?.message} {...form.register('document')} />
        <TextField id={fieldId(formId, 'expiresOn')} type="date" label={label('expiresOn')} error={fe.expiresOn?.message} {...form.register('expiresOn', { setValueAs: emptyToNull })} />
        <DialogActions>
          <Button variant="secondary" onClick={onClose} disabled={record.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" isPending={form.formState.isSubmitting} pendingText={t('common.saving')}>
            {t('clients.consent.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
