// Editing the record's identity (氏名・よみ・生年月日・性別・市区町村) and its sections beyond the care items: 基本情報 (address, 所属, 障害支援区分,
// certificates with expiry, siblings), 連絡先 (guardians, emergency contacts) and 医療情報
// (diagnoses with 小慢 group, hospitals and doctors, devices with the dealer's 24 h number and
// settings, medication, allergies, what to do in an emergency). Each section is saved whole
// with the version it was read at; someone else's save in between shows the conflict.
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useFieldArray } from 'react-hook-form';
import {
  CERTIFICATE_KINDS,
  CERTIFICATE_KIND_LABELS,
  ClientIdentityInputSchema,
  HOSPITAL_ROLES,
  HOSPITAL_ROLE_LABELS,
  SCHOOL_KINDS,
  SCHOOL_KIND_LABELS,
  UpdateContactSchema,
  UpdateMedicalSchema,
  UpdateProfileSchema,
} from '../../../../shared/contracts/clients';
import { SHOMAN_GROUPS } from '../../../../shared/domain/shoman-groups';
import { Button } from '../../../components/ui/button';
import { Checkbox, SelectField, TextAreaField, TextField } from '../../../components/ui/fields';
import { saveWithVersion } from '../../../components/ui/version-conflict';
import { VersionedFormDialog, type VersionedFormDialogProps } from '../../../components/ui/versioned-form-dialog';
import { useT } from '../../../i18n/i18n';
import { contractLabel, emptyToNull, fieldId, useFormErrors, useZodForm } from '../../../lib/forms';
import { useMunicipalities } from '../../admin';
import type { ClientRecord } from '../api/get-client';
import { clientKeys } from '../api/keys';
import { UpdateIdentitySchema, useUpdateIdentity } from '../api/update-identity';
import { useUpdateSection, type SectionUpdate } from '../api/update-section';
import { SEVERITY_LABELS, SEX_LABELS } from './labels';

const numOrNull = (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v));

/** The dialog of one section; after a conflict, "reload" fetches the record again. */
function SectionDialog({ clientId, ...dialog }: { clientId: string } & Omit<VersionedFormDialogProps, 'onReload'>) {
  const queryClient = useQueryClient();
  return (
    <VersionedFormDialog
      {...dialog}
      onReload={() => {
        void queryClient.invalidateQueries({ queryKey: clientKeys.record(clientId) });
        dialog.onClose();
      }}
    />
  );
}

function RowBox({ legend, onRemove, removeLabel, children }: { legend: string; onRemove: () => void; removeLabel: string; children: ReactNode }) {
  const t = useT();
  return (
    <li className="row-editor__row">
      <fieldset className="fieldset">
        <legend className="field__label">{legend}</legend>
        {children}
        <Button variant="tertiary" size="sm" aria-label={removeLabel} onClick={onRemove}>
          {t('common.delete')}
        </Button>
      </fieldset>
    </li>
  );
}

/** Saves one section and reports server errors into the form's summary. */
function useSave(clientId: string, errors: ReturnType<typeof useFormErrors>, onSaved: () => void) {
  const update = useUpdateSection(clientId);
  const save = saveWithVersion({ errors, onSaved, save: (u: SectionUpdate) => update.mutateAsync(u) });
  return { update, save };
}

// ---- 基本情報 ------------------------------------------------------------------------------

export function ProfileDialog({ clientId, profile, onClose, onSaved }: { clientId: string; profile: NonNullable<ClientRecord['profile']>; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const formId = 'profile-form';
  const { updatedAt: _u, ...values } = profile;
  const form = useZodForm(UpdateProfileSchema, { defaultValues: values });
  const certRows = form.watch('certificates') ?? [];
  const sibRows = form.watch('siblings') ?? [];
  const errors = useFormErrors(form, formId, [
    { name: 'postalCode', label: '郵便番号' },
    { name: 'address', label: '住所' },
    { name: 'school.name', label: '所属先の名称' },
    { name: 'supportCategory', label: '障害支援区分' },
    ...certRows.flatMap((_, i) => [
      { name: `certificates.${i}.number` as const, label: t('clients.edit.rowField', { what: '受給者証・手帳', n: i + 1, field: '番号' }) },
      { name: `certificates.${i}.expiresOn` as const, label: t('clients.edit.rowField', { what: '受給者証・手帳', n: i + 1, field: '有効期限' }) },
    ]),
    ...sibRows.map((_, i) => ({ name: `siblings.${i}.name` as const, label: t('clients.edit.rowField', { what: 'きょうだい', n: i + 1, field: '氏名' }) })),
    { name: 'note', label: '備考' },
  ]);
  const certs = useFieldArray({ control: form.control, name: 'certificates' });
  const sibs = useFieldArray({ control: form.control, name: 'siblings' });
  const { update, save } = useSave(clientId, errors, onSaved);
  const fe = form.formState.errors;
  const onSubmit = form.handleSubmit((input) => save({ section: 'profile', input }), errors.onInvalid);
  const f = (name: string) => fieldId(formId, name);
  return (
    <SectionDialog clientId={clientId} title={t('clients.edit.profileTitle')} formId={formId} onSubmit={onSubmit} isPending={update.isPending} error={update.error} errors={errors} onClose={onClose}>
      <div className="form__row">
        <TextField id={f('postalCode')} label="郵便番号" autoComplete="postal-code" error={fe.postalCode?.message} {...form.register('postalCode')} />
        <TextField id={f('address')} label="住所" autoComplete="street-address" error={fe.address?.message} {...form.register('address')} />
      </div>
      <div className="form__row">
        <SelectField id={f('school.kind')} label="所属の種類" options={SCHOOL_KINDS.map((k) => ({ value: k, label: SCHOOL_KIND_LABELS[k] }))} {...form.register('school.kind')} />
        <TextField id={f('school.name')} label="所属先の名称" error={fe.school?.name?.message} {...form.register('school.name')} />
        <TextField id={f('school.grade')} label="学年・クラス" {...form.register('school.grade')} />
      </div>
      <TextField id={f('supportCategory')} label="障害支援区分" error={fe.supportCategory?.message} {...form.register('supportCategory')} />
      <h3 className="subsection__title">{t('clients.profile.certificates')}</h3>
      <ol className="row-editor">
        {certs.fields.map((row, i) => {
          const L = (field: string) => t('clients.edit.rowField', { what: '受給者証・手帳', n: i + 1, field });
          return (
            <RowBox key={row.id} legend={t('clients.edit.row', { what: '受給者証・手帳', n: i + 1 })} removeLabel={t('clients.edit.removeRow', { what: '受給者証・手帳', n: i + 1 })} onRemove={() => certs.remove(i)}>
              <div className="form__row">
                <SelectField label={L('種類')} options={CERTIFICATE_KINDS.map((k) => ({ value: k, label: CERTIFICATE_KIND_LABELS[k] }))} {...form.register(`certificates.${i}.kind`)} />
                <TextField id={f(`certificates.${i}.number`)} label={L('番号')} error={fe.certificates?.[i]?.number?.message} {...form.register(`certificates.${i}.number`)} />
                <TextField label={L('等級・区分')} {...form.register(`certificates.${i}.grade`)} />
              </div>
              <div className="form__row">
                <TextField type="date" label={L('交付日')} {...form.register(`certificates.${i}.issuedOn`, { setValueAs: emptyToNull })} />
                <TextField id={f(`certificates.${i}.expiresOn`)} type="date" label={L('有効期限')} error={fe.certificates?.[i]?.expiresOn?.message} {...form.register(`certificates.${i}.expiresOn`, { setValueAs: emptyToNull })} />
              </div>
            </RowBox>
          );
        })}
      </ol>
      <Button variant="tertiary" size="sm" onClick={() => certs.append({ kind: 'jukyusha_child', number: '', grade: '', issuedOn: null, expiresOn: null, note: '' })}>
        {t('clients.edit.addRow', { what: '受給者証・手帳' })}
      </Button>
      <h3 className="subsection__title">{t('clients.profile.siblings')}</h3>
      <ol className="row-editor">
        {sibs.fields.map((row, i) => {
          const L = (field: string) => t('clients.edit.rowField', { what: 'きょうだい', n: i + 1, field });
          return (
            <RowBox key={row.id} legend={t('clients.edit.row', { what: 'きょうだい', n: i + 1 })} removeLabel={t('clients.edit.removeRow', { what: 'きょうだい', n: i + 1 })} onRemove={() => sibs.remove(i)}>
              <div className="form__row">
                <TextField id={f(`siblings.${i}.name`)} label={L('氏名')} isRequired error={fe.siblings?.[i]?.name?.message} {...form.register(`siblings.${i}.name`)} />
                <TextField label={L('続柄')} {...form.register(`siblings.${i}.relation`)} />
                <TextField type="date" label={L('生年月日')} {...form.register(`siblings.${i}.birthDate`, { setValueAs: emptyToNull })} />
              </div>
            </RowBox>
          );
        })}
      </ol>
      <Button variant="tertiary" size="sm" onClick={() => sibs.append({ name: '', relation: '', birthDate: null, note: '' })}>
        {t('clients.edit.addRow', { what: 'きょうだい' })}
      </Button>
      <TextAreaField id={f('note')} label="備考" rows={2} error={fe.note?.message} {...form.register('note')} />
    </SectionDialog>
  );
}

// ---- 連絡先 --------------------------------------------------------------------------------

export function ContactDialog({ clientId, contact, onClose, onSaved }: { clientId: string; contact: NonNullable<ClientRecord['contact']>; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const formId = 'contact-form';
  const { updatedAt: _u, ...values } = contact;
  const form = useZodForm(UpdateContactSchema, { defaultValues: values });
  const gRows = form.watch('guardians') ?? [];
  const eRows = form.watch('emergencyContacts') ?? [];
  const G = (i: number, field: string) => t('clients.edit.rowField', { what: '保護者', n: i + 1, field });
  const E = (i: number, field: string) => t('clients.edit.rowField', { what: '緊急連絡先', n: i + 1, field });
  const errors = useFormErrors(form, formId, [
    ...gRows.flatMap((_, i) => [
      { name: `guardians.${i}.name` as const, label: G(i, '氏名') },
      { name: `guardians.${i}.relation` as const, label: G(i, '続柄') },
      { name: `guardians.${i}.phone` as const, label: G(i, '電話番号') },
      { name: `guardians.${i}.email` as const, label: G(i, 'メールアドレス') },
    ]),
    ...eRows.flatMap((_, i) => [
      { name: `emergencyContacts.${i}.name` as const, label: E(i, '氏名') },
      { name: `emergencyContacts.${i}.phone` as const, label: E(i, '電話番号') },
    ]),
  ]);
  const guardians = useFieldArray({ control: form.control, name: 'guardians' });
  const emergency = useFieldArray({ control: form.control, name: 'emergencyContacts' });
  const { update, save } = useSave(clientId, errors, onSaved);
  const fe = form.formState.errors;
  const onSubmit = form.handleSubmit((input) => save({ section: 'contact', input }), errors.onInvalid);
  const f = (name: string) => fieldId(formId, name);
  return (
    <SectionDialog clientId={clientId} title={t('clients.edit.contactTitle')} formId={formId} onSubmit={onSubmit} isPending={update.isPending} error={update.error} errors={errors} onClose={onClose}>
      <h3 className="subsection__title">{t('clients.contact.guardians')}</h3>
      <ol className="row-editor">
        {guardians.fields.map((row, i) => (
          <RowBox key={row.id} legend={t('clients.edit.row', { what: '保護者', n: i + 1 })} removeLabel={t('clients.edit.removeRow', { what: '保護者', n: i + 1 })} onRemove={() => guardians.remove(i)}>
            <div className="form__row">
              <TextField id={f(`guardians.${i}.name`)} label={G(i, '氏名')} isRequired error={fe.guardians?.[i]?.name?.message} {...form.register(`guardians.${i}.name`)} />
              <TextField label={G(i, 'よみ')} {...form.register(`guardians.${i}.nameKana`)} />
              <TextField id={f(`guardians.${i}.relation`)} label={G(i, '続柄')} isRequired error={fe.guardians?.[i]?.relation?.message} {...form.register(`guardians.${i}.relation`)} />
            </div>
            <div className="form__row">
              <TextField id={f(`guardians.${i}.phone`)} type="tel" label={G(i, '電話番号')} error={fe.guardians?.[i]?.phone?.message} {...form.register(`guardians.${i}.phone`)} />
              <TextField id={f(`guardians.${i}.email`)} type="email" label={G(i, 'メールアドレス')} error={fe.guardians?.[i]?.email?.message} {...form.register(`guardians.${i}.email`)} />
            </div>
            <TextField label={G(i, '就労の状況')} {...form.register(`guardians.${i}.work`)} />
            <Checkbox label={G(i, '主たる保護者')} {...form.register(`guardians.${i}.isPrimary`)} />
          </RowBox>
        ))}
      </ol>
      <Button variant="tertiary" size="sm" onClick={() => guardians.append({ name: '', nameKana: '', relation: '', phone: '', email: '', isPrimary: false, work: '', note: '' })}>
        {t('clients.edit.addRow', { what: '保護者' })}
      </Button>
      <h3 className="subsection__title">{t('clients.contact.emergency')}</h3>
      <ol className="row-editor">
        {emergency.fields.map((row, i) => (
          <RowBox key={row.id} legend={t('clients.edit.row', { what: '緊急連絡先', n: i + 1 })} removeLabel={t('clients.edit.removeRow', { what: '緊急連絡先', n: i + 1 })} onRemove={() => emergency.remove(i)}>
            <div className="form__row">
              <TextField id={f(`emergencyContacts.${i}.name`)} label={E(i, '氏名')} isRequired error={fe.emergencyContacts?.[i]?.name?.message} {...form.register(`emergencyContacts.${i}.name`)} />
              <TextField label={E(i, '続柄・関係')} {...form.register(`emergencyContacts.${i}.relation`)} />
              <TextField id={f(`emergencyContacts.${i}.phone`)} type="tel" label={E(i, '電話番号')} isRequired error={fe.emergencyContacts?.[i]?.phone?.message} {...form.register(`emergencyContacts.${i}.phone`)} />
            </div>
          </RowBox>
        ))}
      </ol>
      <Button variant="tertiary" size="sm" onClick={() => emergency.append({ name: '', relation: '', phone: '', note: '' })}>
        {t('clients.edit.addRow', { what: '緊急連絡先' })}
      </Button>
    </SectionDialog>
  );
}

// ---- 医療情報（医療的ケア以外） -------------------------------------------------------------

export function MedicalDetailsDialog({ clientId, medical, onClose, onSaved }: { clientId: string; medical: NonNullable<ClientRecord['medical']>; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const formId = 'medical-form';
  const { updatedAt: _u, careScore: _s, ...values } = medical;
  const form = useZodForm(UpdateMedicalSchema, { defaultValues: values });
  const w = form.watch();
  const R = (what: string, i: number, field: string) => t('clients.edit.rowField', { what, n: i + 1, field });
  const errors = useFormErrors(form, formId, [
    ...(w.diagnoses ?? []).flatMap((_, i) => [
      { name: `diagnoses.${i}.name` as const, label: R('診断名', i, '診断名') },
      { name: `diagnoses.${i}.icd10` as const, label: R('診断名', i, 'ICD-10') },
    ]),
    ...(w.hospitals ?? []).flatMap((_, i) => [
      { name: `hospitals.${i}.name` as const, label: R('医療機関', i, '医療機関名') },
      { name: `hospitals.${i}.phone` as const, label: R('医療機関', i, '電話番号') },
    ]),
    ...(w.devices ?? []).flatMap((_, i) => [
      { name: `devices.${i}.type` as const, label: R('医療機器', i, '機器の種類') },
      { name: `devices.${i}.dealerPhone24h` as const, label: R('医療機器', i, '24時間連絡先') },
      { name: `devices.${i}.batteryHours` as const, label: R('医療機器', i, '内部バッテリー（時間）') },
    ]),
    ...(w.medications ?? []).map((_, i) => ({ name: `medications.${i}.name` as const, label: R('服薬', i, '薬剤名') })),
    ...(w.allergies ?? []).map((_, i) => ({ name: `allergies.${i}.substance` as const, label: R('アレルギー', i, 'アレルゲン') })),
    { name: 'emergencyNotes', label: '緊急時の対応' },
    { name: 'weightKg', label: '体重（kg）' },
  ]);
  const diagnoses = useFieldArray({ control: form.control, name: 'diagnoses' });
  const hospitals = useFieldArray({ control: form.control, name: 'hospitals' });
  const devices = useFieldArray({ control: form.control, name: 'devices' });
  const medications = useFieldArray({ control: form.control, name: 'medications' });
  const allergies = useFieldArray({ control: form.control, name: 'allergies' });
  const { update, save } = useSave(clientId, errors, onSaved);
  const fe = form.formState.errors;
  const onSubmit = form.handleSubmit((input) => save({ section: 'medical', input }), errors.onInvalid);
  const f = (name: string) => fieldId(formId, name);
  const box = (what: string, i: number, id: string, remove: () => void, children: ReactNode) => (
    <RowBox key={id} legend={t('clients.edit.row', { what, n: i + 1 })} removeLabel={t('clients.edit.removeRow', { what, n: i + 1 })} onRemove={remove}>
      {children}
    </RowBox>
  );
  return (
    <SectionDialog clientId={clientId} title={t('clients.edit.medicalTitle')} formId={formId} onSubmit={onSubmit} isPending={update.isPending} error={update.error} errors={errors} onClose={onClose}>
      <p className="field__hint">{t('clients.edit.medicalHint')}</p>
      <h3 className="subsection__title">{t('clients.medical.diagnoses')}</h3>
      <ol className="row-editor">
        {diagnoses.fields.map((row, i) =>
          box('診断名', i, row.id, () => diagnoses.remove(i), (
            <div className="form__row">
              <TextField id={f(`diagnoses.${i}.name`)} label={R('診断名', i, '診断名')} isRequired error={fe.diagnoses?.[i]?.name?.message} {...form.register(`diagnoses.${i}.name`)} />
              <TextField id={f(`diagnoses.${i}.icd10`)} label={R('診断名', i, 'ICD-10')} error={fe.diagnoses?.[i]?.icd10?.message} {...form.register(`diagnoses.${i}.icd10`)} />
              <SelectField label={R('診断名', i, '小慢の疾患群')} emptyOption={t('clients.edit.none')} options={SHOMAN_GROUPS.map((g) => ({ value: g.code, label: g.label }))} {...form.register(`diagnoses.${i}.shomanGroup`, { setValueAs: emptyToNull })} />
            </div>
          )),
        )}
      </ol>
      <Button variant="tertiary" size="sm" onClick={() => diagnoses.append({ name: '', icd10: '', shomanGroup: null, since: null, note: '' })}>
        {t('clients.edit.addRow', { what: '診断名' })}
      </Button>
      <h3 className="subsection__title">{t('clients.medical.hospitals')}</h3>
      <ol className="row-editor">
        {hospitals.fields.map((row, i) =>
          box('医療機関', i, row.id, () => hospitals.remove(i), (
            <>
              <div className="form__row">
                <TextField id={f(`hospitals.${i}.name`)} label={R('医療機関', i, '医療機関名')} isRequired error={fe.hospitals?.[i]?.name?.message} {...form.register(`hospitals.${i}.name`)} />
                <SelectField label={R('医療機関', i, '役割')} options={HOSPITAL_ROLES.map((r) => ({ value: r, label: HOSPITAL_ROLE_LABELS[r] }))} {...form.register(`hospitals.${i}.role`)} />
              </div>
              <div className="form__row">
                <TextField label={R('医療機関', i, '診療科')} {...form.register(`hospitals.${i}.department`)} />
                <TextField label={R('医療機関', i, '医師名')} {...form.register(`hospitals.${i}.doctor`)} />
                <TextField id={f(`hospitals.${i}.phone`)} type="tel" label={R('医療機関', i, '電話番号')} error={fe.hospitals?.[i]?.phone?.message} {...form.register(`hospitals.${i}.phone`)} />
              </div>
            </>
          )),
        )}
      </ol>
      <Button variant="tertiary" size="sm" onClick={() => hospitals.append({ name: '', department: '', doctor: '', phone: '', role: 'primary', officeId: null })}>
        {t('clients.edit.addRow', { what: '医療機関' })}
      </Button>
      <h3 className="subsection__title">{t('clients.medical.devices')}</h3>
      <ol className="row-editor">
        {devices.fields.map((row, i) =>
          box('医療機器', i, row.id, () => devices.remove(i), (
            <>
              <div className="form__row">
                <TextField id={f(`devices.${i}.type`)} label={R('医療機器', i, '機器の種類')} isRequired error={fe.devices?.[i]?.type?.message} {...form.register(`devices.${i}.type`)} />
                <TextField label={R('医療機器', i, 'メーカー・機種')} {...form.register(`devices.${i}.makerModel`)} />
              </div>
              <div className="form__row">
                <TextField label={R('医療機器', i, '取扱業者')} {...form.register(`devices.${i}.dealer`)} />
                <TextField id={f(`devices.${i}.dealerPhone24h`)} type="tel" label={R('医療機器', i, '24時間連絡先')} error={fe.devices?.[i]?.dealerPhone24h?.message} {...form.register(`devices.${i}.dealerPhone24h`)} />
              </div>
              <TextAreaField label={R('医療機器', i, '設定')} rows={2} {...form.register(`devices.${i}.settings`)} />
              <div className="form__row">
                <TextField id={f(`devices.${i}.batteryHours`)} type="number" inputMode="decimal" min={0} label={R('医療機器', i, '内部バッテリー（時間）')} error={fe.devices?.[i]?.batteryHours?.message} {...form.register(`devices.${i}.batteryHours`, { setValueAs: numOrNull })} />
                <TextField type="number" inputMode="decimal" min={0} label={R('医療機器', i, '消費電力（W）')} error={fe.devices?.[i]?.powerWatts?.message} {...form.register(`devices.${i}.powerWatts`, { setValueAs: numOrNull })} />
              </div>
            </>
          )),
        )}
      </ol>
      <Button variant="tertiary" size="sm" onClick={() => devices.append({ type: '', makerModel: '', dealer: '', dealerPhone24h: '', settings: '', batteryHours: null, powerWatts: null, note: '' })}>
        {t('clients.edit.addRow', { what: '医療機器' })}
      </Button>
      <h3 className="subsection__title">{t('clients.edit.medications')}</h3>
      <ol className="row-editor">
        {medications.fields.map((row, i) =>
          box('服薬', i, row.id, () => medications.remove(i), (
            <div className="form__row">
              <TextField id={f(`medications.${i}.name`)} label={R('服薬', i, '薬剤名')} isRequired error={fe.medications?.[i]?.name?.message} {...form.register(`medications.${i}.name`)} />
              <TextField label={R('服薬', i, '用量')} {...form.register(`medications.${i}.dose`)} />
              <TextField label={R('服薬', i, '用法・時間')} {...form.register(`medications.${i}.timing`)} />
              <TextField label={R('服薬', i, '投与経路')} {...form.register(`medications.${i}.route`)} />
            </div>
          )),
        )}
      </ol>
      <Button variant="tertiary" size="sm" onClick={() => medications.append({ name: '', dose: '', timing: '', route: '', note: '' })}>
        {t('clients.edit.addRow', { what: '服薬' })}
      </Button>
      <h3 className="subsection__title">{t('clients.medical.allergies')}</h3>
      <ol className="row-editor">
        {allergies.fields.map((row, i) =>
          box('アレルギー', i, row.id, () => allergies.remove(i), (
            <div className="form__row">
              <TextField id={f(`allergies.${i}.substance`)} label={R('アレルギー', i, 'アレルゲン')} isRequired error={fe.allergies?.[i]?.substance?.message} {...form.register(`allergies.${i}.substance`)} />
              <TextField label={R('アレルギー', i, '症状')} {...form.register(`allergies.${i}.reaction`)} />
              <SelectField label={R('アレルギー', i, '重症度')} options={(['mild', 'moderate', 'severe', 'unknown'] as const).map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))} {...form.register(`allergies.${i}.severity`)} />
            </div>
          )),
        )}
      </ol>
      <Button variant="tertiary" size="sm" onClick={() => allergies.append({ substance: '', reaction: '', severity: 'unknown' })}>
        {t('clients.edit.addRow', { what: 'アレルギー' })}
      </Button>
      <TextAreaField id={f('emergencyNotes')} label="緊急時の対応" rows={4} error={fe.emergencyNotes?.message} {...form.register('emergencyNotes')} />
      <div className="form__row">
        <TextField label="血液型" {...form.register('bloodType')} />
        <TextField id={f('weightKg')} type="number" inputMode="decimal" min={0} step="0.1" label="体重（kg）" error={fe.weightKg?.message} {...form.register('weightKg', { setValueAs: numOrNull })} />
      </div>
    </SectionDialog>
  );
}

// ---- 氏名・生年月日など（記録の見出し） ----------------------------------------------------------

/**
 * The record's identity: 氏名, よみ, 生年月日, 性別, 支給決定市区町村. Saved with the record's
 * version (PATCH /clients/{id}); the server logs the change with the fields that changed.
 * The address belongs to 基本情報 (consent scope 「基本情報」) and is edited there.
 */
export function IdentityDialog({ clientId, record, onClose, onSaved }: { clientId: string; record: ClientRecord; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const formId = 'identity-form';
  const municipalities = useMunicipalities();
  const form = useZodForm(UpdateIdentitySchema, {
    defaultValues: { name: record.name, nameKana: record.nameKana, birthDate: record.birthDate, sex: record.sex, municipalityCode: record.municipalityCode, version: record.version },
  });
  const L = (k: 'name' | 'nameKana' | 'birthDate' | 'sex' | 'municipalityCode') => contractLabel(ClientIdentityInputSchema, k);
  const errors = useFormErrors(form, formId, (['name', 'nameKana', 'birthDate', 'sex', 'municipalityCode'] as const).map((name) => ({ name, label: L(name) })));
  const update = useUpdateIdentity(clientId);
  const fe = form.formState.errors;
  const onSubmit = form.handleSubmit(saveWithVersion({ errors, onSaved, save: (input) => update.mutateAsync(input) }), errors.onInvalid);
  const options = (municipalities.data?.items ?? []).map((m) => ({ value: m.code, label: m.name }));
  // The record's own city stays choosable even when the region's list does not carry it.
  if (!options.some((o) => o.value === record.municipalityCode)) options.unshift({ value: record.municipalityCode, label: record.municipalityName ?? record.municipalityCode });
  const f = (name: string) => fieldId(formId, name);
  return (
    <SectionDialog clientId={clientId} title={t('clients.edit.identityTitle')} formId={formId} onSubmit={onSubmit} isPending={update.isPending} error={update.error} errors={errors} onClose={onClose}>
      <p className="field__hint">{t('clients.edit.identityHint')}</p>
      <div className="form__row">
        <TextField id={f('name')} label={L('name')} isRequired autoComplete="off" error={fe.name?.message} {...form.register('name')} />
        <TextField id={f('nameKana')} label={L('nameKana')} isRequired autoComplete="off" description={t('clients.edit.kanaHint')} error={fe.nameKana?.message} {...form.register('nameKana')} />
      </div>
      <div className="form__row">
        <TextField id={f('birthDate')} type="date" label={L('birthDate')} isRequired error={fe.birthDate?.message} {...form.register('birthDate')} />
        <SelectField id={f('sex')} label={L('sex')} isRequired options={(Object.keys(SEX_LABELS) as (keyof typeof SEX_LABELS)[]).map((k) => ({ value: k, label: SEX_LABELS[k] }))} error={fe.sex?.message} {...form.register('sex')} />
      </div>
      <SelectField id={f('municipalityCode')} label={L('municipalityCode')} isRequired options={options} error={fe.municipalityCode?.message} {...form.register('municipalityCode')} />
    </SectionDialog>
  );
}
