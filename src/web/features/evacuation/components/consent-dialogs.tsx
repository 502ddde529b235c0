// The guardian's consent to give the plan to a recipient (city, fire department, neighbourhood
// association, shelter…) with the items it covers (defaults per recipient kind, which the
// family may narrow or widen), and its revocation.
import { useState } from 'react';
import { CONSENT_METHODS, CONSENT_METHOD_LABELS } from '../../../../shared/contracts/clients';
import { DEFAULT_ITEMS_BY_RECIPIENT, EVACUATION_ITEMS, EVACUATION_RECIPIENT_KINDS, EVACUATION_RECIPIENT_LABELS, evacuationItemLabel, type EvacuationItem, type EvacuationRecipientKind } from '../../../../shared/domain/evacuation-recipients';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog, Dialog, DialogActions } from '../../../components/ui/dialog';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { useT } from '../../../i18n/i18n';
import { problemOf } from '../../../lib/api-client';
import { tokyoDate } from '../../../../shared/dates';
import { useRecordPlanConsent, useRevokePlanConsent } from '../api/consents';
import type { PlanConsent } from '../api/get-plan';

export function RecordConsentDialog({ clientId, isOpen, onOpenChange }: { clientId: string; isOpen: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useT();
  const record = useRecordPlanConsent(clientId);
  const [kind, setKind] = useState<EvacuationRecipientKind>('city');
  const [items, setItems] = useState<string[]>([...DEFAULT_ITEMS_BY_RECIPIENT.city]);
  const [name, setName] = useState('');
  const [purpose, setPurpose] = useState('');
  const [givenBy, setGivenBy] = useState('');
  const [relation, setRelation] = useState('');
  const [on, setOn] = useState(tokyoDate(new Date()));
  const [method, setMethod] = useState<(typeof CONSENT_METHODS)[number]>('written');
  const [doc, setDoc] = useState('');
  const [expires, setExpires] = useState('');
  const [focusKey, setFocusKey] = useState(0);
  const problem = record.error ? problemOf(record.error) : null;
  const err = (field: string) => problem?.errors?.find((e) => e.field === field)?.message;

  const submit = () =>
    record.mutate(
      { recipientKind: kind, recipientName: name, items: items as EvacuationItem[], purpose, givenBy, givenByRelation: relation, consentedOn: on, method, document: doc, expiresOn: expires || null },
      { onSuccess: () => onOpenChange(false), onError: () => setFocusKey((k) => k + 1) },
    );

  return (
    <Dialog isOpen={isOpen} onOpenChange={onOpenChange} title={t('evac.consent.recordTitle')} size="lg" isDismissable={!record.isPending}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        className="evac-dialog-form"
      >
        <FormErrorSummary problem={problem} items={(problem?.errors ?? []).map((er) => ({ field: er.field, label: er.label, message: er.message }))} focusKey={focusKey} id="evac-consent-errors" />
        <SelectField
          label={t('evac.consent.kind')}
          value={kind}
          options={EVACUATION_RECIPIENT_KINDS.map((k) => ({ value: k, label: EVACUATION_RECIPIENT_LABELS[k] }))}
          onChange={(e) => {
            const next = e.currentTarget.value as EvacuationRecipientKind;
            setKind(next);
            setItems([...DEFAULT_ITEMS_BY_RECIPIENT[next]]);
          }}
        />
        <TextField label={t('evac.consent.name')} description={t('evac.consent.nameHint')} isRequired value={name} maxLength={200} error={err('recipientName')} onChange={(e) => setName(e.currentTarget.value)} />
        <CheckboxGroup name="items" label={t('evac.consent.items')} description={t('evac.consent.itemsHint')} options={EVACUATION_ITEMS.map((i) => ({ value: i, label: evacuationItemLabel(i) }))} value={items} error={err('items')} onChange={setItems} />
        <TextAreaField label={t('evac.consent.purpose')} value={purpose} maxLength={500} rows={2} onChange={(e) => setPurpose(e.currentTarget.value)} />
        <div className="evac-grid">
          <TextField label={t('evac.consent.givenBy')} isRequired value={givenBy} maxLength={100} error={err('givenBy')} onChange={(e) => setGivenBy(e.currentTarget.value)} />
          <TextField label={t('evac.consent.relation')} isRequired value={relation} maxLength={20} error={err('givenByRelation')} onChange={(e) => setRelation(e.currentTarget.value)} />
          <TextField label={t('evac.consent.on')} type="date" isRequired value={on} error={err('consentedOn')} onChange={(e) => setOn(e.currentTarget.value)} />
          <SelectField label={t('evac.consent.method')} value={method} options={CONSENT_METHODS.map((m) => ({ value: m, label: CONSENT_METHOD_LABELS[m] }))} onChange={(e) => setMethod(e.currentTarget.value as typeof method)} />
          <TextField label={t('evac.consent.document')} isRequired={method === 'written'} value={doc} maxLength={300} error={err('document')} onChange={(e) => setDoc(e.currentTarget.value)} />
          <TextField label={t('evac.consent.expires')} type="date" value={expires} onChange={(e) => setExpires(e.currentTarget.value)} />
        </div>
        <DialogActions>
          <Button variant="secondary" onClick={() => onOpenChange(false)} disabled={record.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" isPending={record.isPending}>
            {t('evac.consent.record')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

export function RevokeConsentDialog({ clientId, consent, onClose }: { clientId: string; consent: PlanConsent | null; onClose: () => void }) {
  const t = useT();
  const revoke = useRevokePlanConsent(clientId);
  const [reason, setReason] = useState('');
  return (
    <ConfirmDialog
      isOpen={consent != null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={t('evac.consent.revokeTitle')}
      confirmLabel={t('evac.consent.revoke')}
      isPending={revoke.isPending}
      problem={revoke.error ? problemOf(revoke.error) : null}
      onConfirm={() => consent && revoke.mutate({ consentId: consent.id, input: { reason } }, { onSuccess: onClose })}
    >
      <p>{t('evac.consent.revokeBody', { name: consent?.recipientName ?? '' })}</p>
      <TextField label={t('evac.consent.reason')} isRequired value={reason} maxLength={500} onChange={(e) => setReason(e.currentTarget.value)} />
    </ConfirmDialog>
  );
}
