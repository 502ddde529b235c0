// Opening a record directly (most records open when a referral is accepted): who the client is,
// which of the consultant's offices holds the record, and the guardian's consent to that office
// (acquiring 要配慮個人情報 needs it). Errors name the field in Japanese, from the contract.
import { Controller } from 'react-hook-form';
import { CONSENT_METHODS, CONSENT_METHOD_LABELS, ClientIdentityInputSchema } from '../../../../shared/contracts/clients';
import { CONSENT_SCOPE_INFO } from '../../../../shared/domain/consent-scopes';
import { tokyoDate } from '../../../../shared/dates';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogActions } from '../../../components/ui/dialog';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { useT } from '../../../i18n/i18n';
import { contractLabel, emptyToNull, fieldId, useFormErrors, useZodForm } from '../../../lib/forms';
import { useMunicipalities } from '../../admin';
import { CreateClientSchema, useCreateClient } from '../api/create-client';
import type { ClientRecord } from '../api/get-client';
import { SEX_LABELS } from './labels';

const ID = (k: 'name' | 'nameKana' | 'birthDate' | 'sex' | 'municipalityCode') => contractLabel(ClientIdentityInputSchema, k);
const CONSENT = {
  scopes: '同意の範囲',
  purpose: '利用目的',
  givenBy: '同意した人',
  givenByRelation: '同意した人の続柄',
  consentedOn: '同意日',
  method: '同意の方法',
  document: '同意書（文書名・保管場所）',
} as const;

export function CreateClientDialog({ offices, onClose, onCreated }: { offices: { id: string; name: string }[]; onClose: () => void; onCreated: (record: ClientRecord) => void }) {
  const t = useT();
  const formId = 'create-client';
  const create = useCreateClient();
  const municipalities = useMunicipalities();
  const form = useZodForm(CreateClientSchema, {
    defaultValues: {
      name: '',
      nameKana: '',
      birthDate: '',
      sex: 'unknown',
      municipalityCode: '',
      officeId: offices.length === 1 ? offices[0]!.id : null,
      consent: { scopes: [], purpose: '', givenBy: '', givenByRelation: '', consentedOn: tokyoDate(), method: 'written', document: '' },
    },
  });
  const errors = useFormErrors(form, formId, [
    ...(['name', 'nameKana', 'birthDate', 'sex', 'municipalityCode'] as const).map((name) => ({ name, label: ID(name) })),
    { name: 'officeId', label: contractLabel(CreateClientSchema, 'officeId') },
    ...(Object.keys(CONSENT) as (keyof typeof CONSENT)[]).map((k) => ({ name: `consent.${k}` as const, label: CONSENT[k] })),
  ]);
  const fe = form.formState.errors;
  const ce = fe.consent;
  const onSubmit = form.handleSubmit(async (input) => {
    errors.reset();
    try {
      onCreated(await create.mutateAsync(input));
    } catch (e) {
      errors.onServerError(e);
    }
  }, errors.onInvalid);
  const f = (name: string) => fieldId(formId, name);
  return (
    <Dialog isOpen onOpenChange={(o) => !o && onClose()} title={t('clients.create.title')} size="lg" isDismissable={!create.isPending}>
      <form id={formId} className="form" noValidate onSubmit={onSubmit}>
        <FormErrorSummary id={`${formId}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />
        <p className="field__hint">{t('clients.create.hint')}</p>
        <div className="form__row">
          <TextField id={f('name')} label={ID('name')} isRequired autoComplete="off" error={fe.name?.message} {...form.register('name')} />
          <TextField id={f('nameKana')} label={ID('nameKana')} isRequired autoComplete="off" description={t('clients.edit.kanaHint')} error={fe.nameKana?.message} {...form.register('nameKana')} />
        </div>
        <div className="form__row">
          <TextField id={f('birthDate')} type="date" label={ID('birthDate')} isRequired error={fe.birthDate?.message} {...form.register('birthDate')} />
          <SelectField id={f('sex')} label={ID('sex')} isRequired options={(Object.keys(SEX_LABELS) as (keyof typeof SEX_LABELS)[]).map((k) => ({ value: k, label: SEX_LABELS[k] }))} error={fe.sex?.message} {...form.register('sex')} />
        </div>
        <div className="form__row">
          <SelectField
            id={f('municipalityCode')}
            label={ID('municipalityCode')}
            isRequired
            emptyOption={t('common.choose')}
            options={(municipalities.data?.items ?? []).map((m) => ({ value: m.code, label: m.name }))}
            error={fe.municipalityCode?.message}
            {...form.register('municipalityCode')}
          />
          <SelectField
            id={f('officeId')}
            label={contractLabel(CreateClientSchema, 'officeId')}
            isRequired
            emptyOption={offices.length === 1 ? undefined : t('common.choose')}
            options={offices.map((o) => ({ value: o.id, label: o.name }))}
            error={fe.officeId?.message}
            {...form.register('officeId', { setValueAs: emptyToNull })}
          />
        </div>
        <fieldset className="fieldset">
          <legend className="field__label">{t('clients.create.consent')}</legend>
          <Controller
            control={form.control}
            name="consent.scopes"
            render={({ field }) => (
              <CheckboxGroup
                id={f('consent.scopes')}
                name={field.name}
                label={CONSENT.scopes}
                isRequired
                options={CONSENT_SCOPE_INFO.map((s) => ({ value: s.code, label: `${s.label}（${s.covers}）` }))}
                value={field.value ?? []}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={ce?.scopes?.message}
              />
            )}
          />
          <TextAreaField id={f('consent.purpose')} label={CONSENT.purpose} rows={2} error={ce?.purpose?.message} {...form.register('consent.purpose')} />
          <div className="form__row">
            <TextField id={f('consent.givenBy')} label={CONSENT.givenBy} isRequired error={ce?.givenBy?.message} {...form.register('consent.givenBy')} />
            <TextField id={f('consent.givenByRelation')} label={CONSENT.givenByRelation} isRequired error={ce?.givenByRelation?.message} {...form.register('consent.givenByRelation')} />
          </div>
          <div className="form__row">
            <TextField id={f('consent.consentedOn')} type="date" label={CONSENT.consentedOn} isRequired error={ce?.consentedOn?.message} {...form.register('consent.consentedOn')} />
            <SelectField
              id={f('consent.method')}
              label={CONSENT.method}
              isRequired
              options={CONSENT_METHODS.map((m) => ({ value: m, label: CONSENT_METHOD_LABELS[m] }))}
              error={ce?.method?.message}
              {...form.register('consent.method')}
            />
          </div>
          <TextField id={f('consent.document')} label={CONSENT.document} description={t('clients.create.documentHint')} error={ce?.document?.message} {...form.register('consent.document')} />
        </fieldset>
        <DialogActions>
          <Button variant="secondary" onClick={onClose} disabled={create.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" isPending={create.isPending} pendingText={t('common.saving')}>
            {t('clients.create.submit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
