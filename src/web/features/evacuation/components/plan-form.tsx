// The plan's edit form, one fieldset per part (DOMAIN.md §5): register items, the reason,
// supporters (≥ 2 with a phone for approval), destination with route and transport, medical
// contacts, medication and consumables stock, the power-company registration, devices with
// their batteries and manual alternative, backup sources (pure sine or not), notes. Controlled
// by the page, which recomputes the runtime on every change. `disabled` shows it read-only.
import type { ReactNode } from 'react';
import {
  DESTINATION_KINDS,
  DESTINATION_KIND_LABELS,
  MEDICAL_CONTACT_KINDS,
  MEDICAL_CONTACT_LABELS,
  TRANSPORT_KINDS,
  TRANSPORT_LABELS,
} from '../../../../shared/contracts/evacuation';
import { BACKUP_KINDS, BACKUP_KIND_LABELS, DEVICE_KINDS, DEVICE_KIND_LABELS, MANUAL_ALTERNATIVE_KINDS, MANUAL_ALTERNATIVE_LABELS } from '../../../../shared/domain/power-runtime';
import { Button } from '../../../components/ui/button';
import { Checkbox, CheckboxGroup, SelectField, TextAreaField, TextField } from '../../../components/ui/fields';
import { useT } from '../../../i18n/i18n';
import type { PlanBody } from '../api/get-plan';
import { NumField } from './num-field';

type Device = PlanBody['devices'][number];
type Backup = PlanBody['backups'][number];
type Stock = PlanBody['medications'][number];

const opts = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((k) => ({ value: k, label: labels[k] }));

export const newDevice = (): Device => ({
  kind: 'ventilator',
  label: '',
  makerModel: '',
  essential: true,
  watts: 0,
  hoursPerDay: 24,
  internalBattery: null,
  externalBatteries: null,
  manualAlternative: null,
  note: '',
});
export const newBackup = (): Backup => ({ kind: 'portable_power', label: '', capacityWh: null, ratedWatts: null, ratedVA: null, pureSine: true, ageYears: null, fuelHours: null, note: '' });

function Part({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <fieldset className="evac-part">
      <legend className="evac-part__legend">{title}</legend>
      <div className="evac-part__body">{children}</div>
      {actions ? <div className="evac-part__actions">{actions}</div> : null}
    </fieldset>
  );
}

function replaceAt<T>(list: readonly T[], i: number, next: T): T[] {
  return list.map((x, j) => (j === i ? next : x));
}

export function PlanForm({ body, onChange, disabled }: { body: PlanBody; onChange: (next: PlanBody) => void; disabled: boolean }) {
  const t = useT();
  const set = <K extends keyof PlanBody>(key: K, value: PlanBody[K]) => onChange({ ...body, [key]: value });
  const reg = body.register;
  const dest = body.destination;
  const power = body.powerRegistration;

  return (
    <fieldset className="evac-form" disabled={disabled}>
      <legend className="visually-hidden">{t('evac.form.legend')}</legend>

      <Part title={t('evac.part.register')}>
        <div className="evac-grid">
          <TextField label={t('evac.f.name')} value={reg.name} maxLength={100} onChange={(e) => set('register', { ...reg, name: e.currentTarget.value })} />
          <TextField label={t('evac.f.nameKana')} value={reg.nameKana} maxLength={100} onChange={(e) => set('register', { ...reg, nameKana: e.currentTarget.value })} />
          <TextField label={t('evac.f.birthDate')} type="date" value={reg.birthDate ?? ''} onChange={(e) => set('register', { ...reg, birthDate: e.currentTarget.value || null })} />
          <SelectField
            label={t('evac.f.sex')}
            value={reg.sex}
            options={[
              { value: 'female', label: t('evac.sex.female') },
              { value: 'male', label: t('evac.sex.male') },
              { value: 'other', label: t('evac.sex.other') },
              { value: 'unknown', label: t('evac.sex.unknown') },
            ]}
            onChange={(e) => set('register', { ...reg, sex: e.currentTarget.value as typeof reg.sex })}
          />
          <TextField label={t('evac.f.postalCode')} value={reg.postalCode} maxLength={10} autoComplete="off" onChange={(e) => set('register', { ...reg, postalCode: e.currentTarget.value })} />
          <TextField label={t('evac.f.address')} value={reg.address} maxLength={300} onChange={(e) => set('register', { ...reg, address: e.currentTarget.value })} />
          <TextField label={t('evac.f.phone')} type="tel" value={reg.phone} maxLength={30} onChange={(e) => set('register', { ...reg, phone: e.currentTarget.value })} />
        </div>
        <TextAreaField label={t('evac.f.household')} value={reg.household} maxLength={500} rows={2} onChange={(e) => set('register', { ...reg, household: e.currentTarget.value })} />
        <div className="evac-grid">
          <NumField label={t('evac.f.lat')} value={body.location?.lat ?? null} onChange={(v) => set('location', v == null ? null : { lat: v, lon: body.location?.lon ?? 0 })} />
          <NumField label={t('evac.f.lon')} value={body.location?.lon ?? null} onChange={(v) => set('location', v == null ? null : { lat: body.location?.lat ?? 0, lon: v })} />
        </div>
        <p className="field__hint">{t('evac.f.locationHint')}</p>
      </Part>

      <Part title={t('evac.part.reason')}>
        <TextAreaField label={t('evac.f.supportReason')} value={body.supportReason} maxLength={2000} rows={3} onChange={(e) => set('supportReason', e.currentTarget.value)} />
      </Part>

      <Part
        title={t('evac.part.supporters')}
        actions={
          <Button variant="secondary" size="sm" disabled={body.supporters.length >= 10} onClick={() => set('supporters', [...body.supporters, { name: '', relation: '', phone: '', role: '', livesNearby: false }])}>
            {t('evac.supporter.add')}
          </Button>
        }
      >
        <p className="field__hint">{t('evac.supporter.hint')}</p>
        {body.supporters.map((s, i) => (
          <fieldset key={i} className="evac-item">
            <legend>{t('evac.supporter.n', { n: i + 1 })}</legend>
            <div className="evac-grid">
              <TextField label={t('evac.f.supporterName')} value={s.name} maxLength={100} onChange={(e) => set('supporters', replaceAt(body.supporters, i, { ...s, name: e.currentTarget.value }))} />
              <TextField label={t('evac.f.relation')} value={s.relation} maxLength={50} onChange={(e) => set('supporters', replaceAt(body.supporters, i, { ...s, relation: e.currentTarget.value }))} />
              <TextField label={t('evac.f.phone')} type="tel" value={s.phone} maxLength={30} onChange={(e) => set('supporters', replaceAt(body.supporters, i, { ...s, phone: e.currentTarget.value }))} />
              <TextField label={t('evac.f.role')} value={s.role} maxLength={300} onChange={(e) => set('supporters', replaceAt(body.supporters, i, { ...s, role: e.currentTarget.value }))} />
            </div>
            <Checkbox label={t('evac.f.livesNearby')} checked={s.livesNearby} onChange={(e) => set('supporters', replaceAt(body.supporters, i, { ...s, livesNearby: e.currentTarget.checked }))} />
            <Button variant="tertiary" size="sm" onClick={() => set('supporters', body.supporters.filter((_, j) => j !== i))}>
              {t('evac.supporter.remove', { n: i + 1 })}
            </Button>
          </fieldset>
        ))}
      </Part>

      <Part title={t('evac.part.destination')}>
        <div className="evac-grid">
          <SelectField label={t('evac.f.destinationKind')} value={dest.kind} options={opts(DESTINATION_KINDS, DESTINATION_KIND_LABELS)} onChange={(e) => set('destination', { ...dest, kind: e.currentTarget.value as typeof dest.kind })} />
          <TextField label={t('evac.f.destinationName')} value={dest.name} maxLength={200} onChange={(e) => set('destination', { ...dest, name: e.currentTarget.value })} />
          <TextField label={t('evac.f.destinationAddress')} value={dest.address} maxLength={300} onChange={(e) => set('destination', { ...dest, address: e.currentTarget.value })} />
          <TextField label={t('evac.f.destinationPhone')} type="tel" value={dest.phone} maxLength={30} onChange={(e) => set('destination', { ...dest, phone: e.currentTarget.value })} />
          <SelectField
            label={t('evac.f.hasPower')}
            value={dest.hasPower == null ? '' : dest.hasPower ? 'yes' : 'no'}
            options={[
              { value: '', label: t('evac.unknown') },
              { value: 'yes', label: t('evac.yes') },
              { value: 'no', label: t('evac.no') },
            ]}
            onChange={(e) => set('destination', { ...dest, hasPower: e.currentTarget.value === '' ? null : e.currentTarget.value === 'yes' })}
          />
          <NumField label={t('evac.f.travelMinutes')} unit={t('evac.unit.minutes')} step="1" value={dest.travelMinutes} onChange={(v) => set('destination', { ...dest, travelMinutes: v == null ? null : Math.round(v) })} />
        </div>
        <TextAreaField label={t('evac.f.routeNotes')} value={dest.routeNotes} maxLength={1000} rows={2} onChange={(e) => set('destination', { ...dest, routeNotes: e.currentTarget.value })} />
        <CheckboxGroup name="transport" label={t('evac.f.transport')} options={opts(TRANSPORT_KINDS, TRANSPORT_LABELS)} value={dest.transport} onChange={(v) => set('destination', { ...dest, transport: v as typeof dest.transport })} />
        <TextField label={t('evac.f.transportNotes')} value={dest.transportNotes} maxLength={500} onChange={(e) => set('destination', { ...dest, transportNotes: e.currentTarget.value })} />
      </Part>

      <Part
        title={t('evac.part.medical')}
        actions={
          <Button variant="secondary" size="sm" disabled={body.medicalContacts.length >= 15} onClick={() => set('medicalContacts', [...body.medicalContacts, { kind: 'hospital', name: '', phone: '', available24h: false, note: '' }])}>
            {t('evac.contact.add')}
          </Button>
        }
      >
        {body.medicalContacts.map((c, i) => (
          <fieldset key={i} className="evac-item">
            <legend>{t('evac.contact.n', { n: i + 1 })}</legend>
            <div className="evac-grid">
              <SelectField label={t('evac.f.contactKind')} value={c.kind} options={opts(MEDICAL_CONTACT_KINDS, MEDICAL_CONTACT_LABELS)} onChange={(e) => set('medicalContacts', replaceAt(body.medicalContacts, i, { ...c, kind: e.currentTarget.value as typeof c.kind }))} />
              <TextField label={t('evac.f.contactName')} value={c.name} maxLength={200} onChange={(e) => set('medicalContacts', replaceAt(body.medicalContacts, i, { ...c, name: e.currentTarget.value }))} />
              <TextField label={t('evac.f.phone')} type="tel" value={c.phone} maxLength={30} onChange={(e) => set('medicalContacts', replaceAt(body.medicalContacts, i, { ...c, phone: e.currentTarget.value }))} />
              <TextField label={t('evac.f.note')} value={c.note} maxLength={300} onChange={(e) => set('medicalContacts', replaceAt(body.medicalContacts, i, { ...c, note: e.currentTarget.value }))} />
            </div>
            <Checkbox label={t('evac.f.available24h')} checked={c.available24h} onChange={(e) => set('medicalContacts', replaceAt(body.medicalContacts, i, { ...c, available24h: e.currentTarget.checked }))} />
            <Button variant="tertiary" size="sm" onClick={() => set('medicalContacts', body.medicalContacts.filter((_, j) => j !== i))}>
              {t('evac.contact.remove', { n: i + 1 })}
            </Button>
          </fieldset>
        ))}
      </Part>

      <StockPart title={t('evac.part.medications')} itemLabel={t('evac.stock.medication')} items={body.medications} onChange={(v) => set('medications', v)} />
      <StockPart title={t('evac.part.consumables')} itemLabel={t('evac.stock.consumable')} items={body.consumables} onChange={(v) => set('consumables', v)} />

      <Part title={t('evac.part.power')}>
        <Checkbox label={t('evac.f.powerRegistered')} checked={power.registered} onChange={(e) => set('powerRegistration', { ...power, registered: e.currentTarget.checked })} />
        <div className="evac-grid">
          <TextField label={t('evac.f.registeredOn')} type="date" value={power.registeredOn ?? ''} onChange={(e) => set('powerRegistration', { ...power, registeredOn: e.currentTarget.value || null })} />
          <TextField label={t('evac.f.company')} value={power.company} maxLength={100} onChange={(e) => set('powerRegistration', { ...power, company: e.currentTarget.value })} />
          <TextField label={t('evac.f.note')} value={power.note} maxLength={300} onChange={(e) => set('powerRegistration', { ...power, note: e.currentTarget.value })} />
        </div>
      </Part>

      <Part
        title={t('evac.part.devices')}
        actions={
          <Button variant="secondary" size="sm" disabled={body.devices.length >= 20} onClick={() => set('devices', [...body.devices, newDevice()])}>
            {t('evac.device.add')}
          </Button>
        }
      >
        {body.devices.map((d, i) => (
          <DeviceEditor key={i} n={i + 1} device={d} onChange={(next) => set('devices', replaceAt(body.devices, i, next))} onRemove={() => set('devices', body.devices.filter((_, j) => j !== i))} />
        ))}
      </Part>

      <Part
        title={t('evac.part.backups')}
        actions={
          <Button variant="secondary" size="sm" disabled={body.backups.length >= 10} onClick={() => set('backups', [...body.backups, newBackup()])}>
            {t('evac.backup.add')}
          </Button>
        }
      >
        {body.backups.map((b, i) => (
          <BackupEditor key={i} n={i + 1} backup={b} onChange={(next) => set('backups', replaceAt(body.backups, i, next))} onRemove={() => set('backups', body.backups.filter((_, j) => j !== i))} />
        ))}
      </Part>

      <Part title={t('evac.part.notes')}>
        <TextAreaField label={t('evac.f.notes')} value={body.notes} maxLength={3000} rows={3} onChange={(e) => set('notes', e.currentTarget.value)} />
      </Part>
    </fieldset>
  );
}

function StockPart({ title, itemLabel, items, onChange }: { title: string; itemLabel: string; items: Stock[]; onChange: (v: Stock[]) => void }) {
  const t = useT();
  return (
    <Part
      title={title}
      actions={
        <Button variant="secondary" size="sm" disabled={items.length >= 50} onClick={() => onChange([...items, { name: '', stockDays: null, note: '' }])}>
          {t('evac.stock.add', { item: itemLabel })}
        </Button>
      }
    >
      {items.map((s, i) => (
        <fieldset key={i} className="evac-item evac-item--row">
          <legend>{t('evac.stock.n', { item: itemLabel, n: i + 1 })}</legend>
          <div className="evac-grid">
            <TextField label={t('evac.f.itemName')} value={s.name} maxLength={200} onChange={(e) => onChange(replaceAt(items, i, { ...s, name: e.currentTarget.value }))} />
            <NumField label={t('evac.f.stockDays')} unit={t('evac.unit.days')} value={s.stockDays} onChange={(v) => onChange(replaceAt(items, i, { ...s, stockDays: v }))} />
            <TextField label={t('evac.f.note')} value={s.note} maxLength={300} onChange={(e) => onChange(replaceAt(items, i, { ...s, note: e.currentTarget.value }))} />
          </div>
          <Button variant="tertiary" size="sm" onClick={() => onChange(items.filter((_, j) => j !== i))}>
            {t('evac.stock.remove', { item: itemLabel, n: i + 1 })}
          </Button>
        </fieldset>
      ))}
    </Part>
  );
}

function DeviceEditor({ n, device: d, onChange, onRemove }: { n: number; device: Device; onChange: (d: Device) => void; onRemove: () => void }) {
  const t = useT();
  const ib = d.internalBattery ?? { wh: null, hours: null, ageYears: null };
  const eb = d.externalBatteries ?? { count: 0, whEach: null, hoursEach: null, ageYears: null };
  const ma = d.manualAlternative;
  const name = d.label || DEVICE_KIND_LABELS[d.kind];
  return (
    <fieldset className="evac-item">
      <legend>{t('evac.device.n', { n, name })}</legend>
      <div className="evac-grid">
        <SelectField label={t('evac.f.deviceKind')} value={d.kind} options={opts(DEVICE_KINDS, DEVICE_KIND_LABELS)} onChange={(e) => onChange({ ...d, kind: e.currentTarget.value as Device['kind'] })} />
        <TextField label={t('evac.f.deviceLabel')} value={d.label} maxLength={100} onChange={(e) => onChange({ ...d, label: e.currentTarget.value })} />
        <TextField label={t('evac.f.makerModel')} value={d.makerModel} maxLength={200} onChange={(e) => onChange({ ...d, makerModel: e.currentTarget.value })} />
        <NumField label={t('evac.f.watts')} unit="W" value={d.watts} onChange={(v) => onChange({ ...d, watts: v ?? 0 })} />
        <NumField label={t('evac.f.hoursPerDay')} unit={t('evac.unit.hours')} value={d.hoursPerDay} onChange={(v) => onChange({ ...d, hoursPerDay: v ?? 24 })} />
      </div>
      <Checkbox label={t('evac.f.essential')} checked={d.essential} onChange={(e) => onChange({ ...d, essential: e.currentTarget.checked })} />
      <h4 className="evac-sub">{t('evac.device.internal')}</h4>
      <div className="evac-grid">
        <NumField label={t('evac.f.internalWh')} unit="Wh" value={ib.wh} onChange={(v) => onChange({ ...d, internalBattery: { ...ib, wh: v } })} />
        <NumField label={t('evac.f.internalHours')} unit={t('evac.unit.hours')} value={ib.hours} onChange={(v) => onChange({ ...d, internalBattery: { ...ib, hours: v } })} />
        <NumField label={t('evac.f.internalAge')} unit={t('evac.unit.years')} value={ib.ageYears} onChange={(v) => onChange({ ...d, internalBattery: { ...ib, ageYears: v } })} />
      </div>
      <h4 className="evac-sub">{t('evac.device.external')}</h4>
      <div className="evac-grid">
        <NumField label={t('evac.f.externalCount')} unit={t('evac.unit.count')} step="1" value={eb.count} onChange={(v) => onChange({ ...d, externalBatteries: { ...eb, count: Math.max(0, Math.round(v ?? 0)) } })} />
        <NumField label={t('evac.f.externalWh')} unit="Wh" value={eb.whEach} onChange={(v) => onChange({ ...d, externalBatteries: { ...eb, whEach: v } })} />
        <NumField label={t('evac.f.externalHours')} unit={t('evac.unit.hours')} value={eb.hoursEach} onChange={(v) => onChange({ ...d, externalBatteries: { ...eb, hoursEach: v } })} />
        <NumField label={t('evac.f.externalAge')} unit={t('evac.unit.years')} value={eb.ageYears} onChange={(v) => onChange({ ...d, externalBatteries: { ...eb, ageYears: v } })} />
      </div>
      <h4 className="evac-sub">{t('evac.device.manual')}</h4>
      <div className="evac-grid">
        <SelectField
          label={t('evac.f.manualKind')}
          value={ma?.kind ?? ''}
          emptyOption={t('evac.f.manualNone')}
          options={opts(MANUAL_ALTERNATIVE_KINDS, MANUAL_ALTERNATIVE_LABELS)}
          onChange={(e) => {
            const kind = e.currentTarget.value as NonNullable<Device['manualAlternative']>['kind'] | '';
            onChange({ ...d, manualAlternative: kind ? { kind, note: ma?.note ?? '', cylinderCount: ma?.cylinderCount ?? null, cylinderLiters: ma?.cylinderLiters ?? null, flowLpm: ma?.flowLpm ?? null } : null });
          }}
        />
        {ma ? <TextField label={t('evac.f.manualNote')} value={ma.note} maxLength={300} onChange={(e) => onChange({ ...d, manualAlternative: { ...ma, note: e.currentTarget.value } })} /> : null}
        {ma?.kind === 'oxygen_cylinder' ? (
          <>
            <NumField label={t('evac.f.cylinderCount')} unit={t('evac.unit.count')} step="1" value={ma.cylinderCount} onChange={(v) => onChange({ ...d, manualAlternative: { ...ma, cylinderCount: v == null ? null : Math.round(v) } })} />
            <NumField label={t('evac.f.cylinderLiters')} unit="L" value={ma.cylinderLiters} onChange={(v) => onChange({ ...d, manualAlternative: { ...ma, cylinderLiters: v } })} />
            <NumField label={t('evac.f.flowLpm')} unit="L/分" value={ma.flowLpm} onChange={(v) => onChange({ ...d, manualAlternative: { ...ma, flowLpm: v } })} />
          </>
        ) : null}
      </div>
      <TextField label={t('evac.f.note')} value={d.note} maxLength={500} onChange={(e) => onChange({ ...d, note: e.currentTarget.value })} />
      <Button variant="tertiary" size="sm" onClick={onRemove}>
        {t('evac.device.remove', { n, name })}
      </Button>
    </fieldset>
  );
}

function BackupEditor({ n, backup: b, onChange, onRemove }: { n: number; backup: Backup; onChange: (b: Backup) => void; onRemove: () => void }) {
  const t = useT();
  const name = b.label || BACKUP_KIND_LABELS[b.kind];
  const fuel = b.kind === 'car' || b.kind === 'generator';
  return (
    <fieldset className="evac-item">
      <legend>{t('evac.backup.n', { n, name })}</legend>
      <div className="evac-grid">
        <SelectField label={t('evac.f.backupKind')} value={b.kind} options={opts(BACKUP_KINDS, BACKUP_KIND_LABELS)} onChange={(e) => onChange({ ...b, kind: e.currentTarget.value as Backup['kind'] })} />
        <TextField label={t('evac.f.backupLabel')} value={b.label} maxLength={100} onChange={(e) => onChange({ ...b, label: e.currentTarget.value })} />
        {!fuel ? <NumField label={t('evac.f.capacityWh')} unit="Wh" value={b.capacityWh} onChange={(v) => onChange({ ...b, capacityWh: v })} /> : null}
        <NumField label={t('evac.f.ratedWatts')} unit="W" value={b.ratedWatts} onChange={(v) => onChange({ ...b, ratedWatts: v })} />
        {b.kind === 'generator' ? <NumField label={t('evac.f.ratedVA')} unit="VA" value={b.ratedVA} onChange={(v) => onChange({ ...b, ratedVA: v })} /> : null}
        {fuel ? <NumField label={t('evac.f.fuelHours')} unit={t('evac.unit.hours')} value={b.fuelHours} onChange={(v) => onChange({ ...b, fuelHours: v })} /> : null}
        {!fuel ? <NumField label={t('evac.f.backupAge')} unit={t('evac.unit.years')} value={b.ageYears} onChange={(v) => onChange({ ...b, ageYears: v })} /> : null}
        <SelectField
          label={t('evac.f.waveform')}
          description={t('evac.f.waveformHint')}
          value={b.pureSine ? 'pure' : 'modified'}
          options={[
            { value: 'pure', label: t('evac.f.pureSine') },
            { value: 'modified', label: t('evac.f.modifiedSine') },
          ]}
          onChange={(e) => onChange({ ...b, pureSine: e.currentTarget.value === 'pure' })}
        />
      </div>
      <TextField label={t('evac.f.note')} value={b.note} maxLength={300} onChange={(e) => onChange({ ...b, note: e.currentTarget.value })} />
      <Button variant="tertiary" size="sm" onClick={onRemove}>
        {t('evac.backup.remove', { n, name })}
      </Button>
    </fieldset>
  );
}
