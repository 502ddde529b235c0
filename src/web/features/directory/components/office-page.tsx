// /directory/$officeId: one office with all its services — contact, hours (weekends and
// holidays), capacity, vacancy, ages, areas, the per-care-item capability table and the listing
// history. Staff of the office (and coordinators/admins) edit listings and confirm vacancy.
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { CARE_ITEMS, findCareItem } from '../../../../shared/domain/care-items';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { DateTime, EraToggle } from '../../../components/ui/date-time';
import { Dialog, DialogActions } from '../../../components/ui/dialog';
import { Checkbox, CheckboxGroup, TextAreaField, TextField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { PageHeader, Section, useDocumentTitle } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT, type MessageKey } from '../../../i18n/i18n';
import { useMunicipalityNames } from '../../people';
import { problemOf } from '../../../lib/api-client';
import { useConfirmService } from '../api/confirm-service';
import { useOffice, type DirectoryService, type OfficeDetail } from '../api/get-office';
import { useOfficeHistory } from '../api/get-office-history';
import { useUpdateService } from '../api/update-service';
import { findServiceType } from '../../../../shared/domain/service-types';
import { LEVEL_KEY, LevelBadge, VacancyText, agesText } from './labels';

export function OfficePage({ officeId }: { officeId: string }) {
  const t = useT();
  const office = useOffice(officeId);
  useDocumentTitle(office.data?.name ?? t('dir.office'));
  if (office.isPending) return <LoadingState />;
  if (office.error) return <ErrorState error={office.error} onRetry={() => void office.refetch()} />;
  const o = office.data;
  return (
    <div className="page">
      <p>
        <Link to="/directory">{t('dir.backToSearch')}</Link>
      </p>
      <PageHeader title={o.name} lead={o.nameKana} badge={o.staleServiceCount ? <Badge tone="warning">{t('dir.staleShort')}</Badge> : undefined} />
      <EraToggle />
      <Section title={t('dir.contact')}>
        <dl className="dl">
          <dt>{t('dir.address')}</dt>
          <dd>
            {o.postalCode ? `〒${o.postalCode} ` : ''}
            {o.prefectureName}
            {o.municipalityName}
            {o.address ?? ''}
          </dd>
          {o.phone ? (
            <>
              <dt>{t('dir.phone')}</dt>
              <dd>
                <a href={`tel:${o.phone}`}>{o.phone}</a>
              </dd>
            </>
          ) : null}
          {o.fax ? (
            <>
              <dt>{t('dir.fax')}</dt>
              <dd>{o.fax}</dd>
            </>
          ) : null}
          {o.email ? (
            <>
              <dt>{t('dir.email')}</dt>
              <dd>
                <a href={`mailto:${o.email}`}>{o.email}</a>
              </dd>
            </>
          ) : null}
          {o.url ? (
            <>
              <dt>{t('dir.url')}</dt>
              <dd>
                <a href={o.url} rel="noreferrer noopener" target="_blank">
                  {o.url}
                </a>
              </dd>
            </>
          ) : null}
          {o.organizationName ? (
            <>
              <dt>{t('dir.organization')}</dt>
              <dd>{o.organizationName}</dd>
            </>
          ) : null}
          {o.wamOfficeNumber ? (
            <>
              <dt>{t('dir.wamNumber')}</dt>
              <dd>{o.wamOfficeNumber}</dd>
            </>
          ) : null}
        </dl>
        {o.description ? <p>{o.description}</p> : null}
      </Section>
      {o.services.map((s) => (
        <ServiceSection key={s.id} office={o} service={s} />
      ))}
      <HistorySection officeId={o.id} />
    </div>
  );
}

function ServiceSection({ office, service: s }: { office: OfficeDetail; service: DirectoryService }) {
  const t = useT();
  const confirm = useConfirmService();
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const title = `${s.name ?? office.name}（${s.serviceTypeLabel}）`;
  const hours: [string, string | null, boolean][] = [
    [t('dir.hoursWeekday'), s.hours.weekday, true],
    [t('dir.hoursSaturday'), s.hours.saturday, s.openSaturday],
    [t('dir.hoursSunday'), s.hours.sunday, s.openSunday],
    [t('dir.hoursHoliday'), s.hours.holiday, s.openHoliday],
  ];
  const munis = useMunicipalityNames();
  const levelOf = (code: string) => s.capabilities.find((c) => c.careItem === code);
  return (
    <Section
      title={title}
      actions={
        office.canEdit ? (
          <>
            <Button
              size="sm"
              isPending={confirm.isPending}
              onClick={() =>
                confirm.mutate(s.id, {
                  onSuccess: () => setDone(t('dir.confirmed')),
                })
              }
            >
              {t('dir.confirm')}
            </Button>
            <Button size="sm" variant="secondary" onClick={() => setEditing(true)}>
              {t('dir.edit')}
            </Button>
          </>
        ) : undefined
      }
    >
      {done ? (
        <Alert tone="success" role="status">
          {done}
        </Alert>
      ) : null}
      {confirm.error ? <FormErrorSummary problem={problemOf(confirm.error)} items={[]} /> : null}
      {s.stale ? <Alert tone="warning">{t('dir.stale', { days: office.staleDays })}</Alert> : null}
      <dl className="dl">
        <dt>{t('dir.vacancy')}</dt>
        <dd>
          <VacancyText vacancy={s.vacancy} />
          {s.vacancy.note ? <span className="cell-sub">{s.vacancy.note}</span> : null}
        </dd>
        <dt>{t('dir.capacity')}</dt>
        <dd>{s.capacity == null ? '—' : t('dir.capacityValue', { count: s.capacity })}</dd>
        <dt>{t('dir.ages')}</dt>
        <dd>{agesText(t, s.ageMin, s.ageMax)}</dd>
        <dt>{t('dir.hours')}</dt>
        <dd>
          <ul className="plain-list">
            {hours.map(([label, value, open]) => (
              <li key={label}>
                {label}: {open ? (value ?? '—') : t('dir.closed')}
              </li>
            ))}
          </ul>
        </dd>
        {s.closedDays ? (
          <>
            <dt>{t('dir.closedDays')}</dt>
            <dd>{s.closedDays}</dd>
          </>
        ) : null}
        <dt>{t('dir.areas')}</dt>
        <dd>{s.areasServed.length ? s.areasServed.map(munis.nameOf).join('、') : '—'}</dd>
        <dt>{t('dir.listingConfirmed')}</dt>
        <dd>
          <DateTime value={s.listingConfirmedAt} />
        </dd>
      </dl>
      <div className="table-wrap">
        <table className="table">
          <caption>{`${t('dir.capTable')}：${title}`}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dir.careItem')}</th>
              <th scope="col">{t('dir.level')}</th>
              <th scope="col">{t('dir.note')}</th>
            </tr>
          </thead>
          <tbody>
            {CARE_ITEMS.map((c) => {
              const cap = levelOf(c.code);
              return (
                <tr key={c.code}>
                  <th scope="row">{c.label}</th>
                  <td>
                    <LevelBadge level={cap?.level ?? 'unknown'} />
                  </td>
                  <td>{cap?.note ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {editing ? <EditServiceDialog service={s} title={title} onClose={() => setEditing(false)} onSaved={() => setDone(t('dir.saved'))} /> : null}
    </Section>
  );
}

const HOUR_FIELDS: ['weekday' | 'saturday' | 'sunday' | 'holiday', MessageKey, 'openSaturday' | 'openSunday' | 'openHoliday' | null][] = [
  ['weekday', 'dir.hoursWeekday', null],
  ['saturday', 'dir.hoursSaturday', 'openSaturday'],
  ['sunday', 'dir.hoursSunday', 'openSunday'],
  ['holiday', 'dir.hoursHoliday', 'openHoliday'],
];

function EditServiceDialog({ service: s, title, onClose, onSaved }: { service: DirectoryService; title: string; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const update = useUpdateService();
  const [vacancy, setVacancy] = useState(s.vacancy.count == null ? '' : String(s.vacancy.count));
  const [note, setNote] = useState(s.vacancy.note ?? '');
  const [capacity, setCapacity] = useState(s.capacity == null ? '' : String(s.capacity));
  const [ageMin, setAgeMin] = useState(s.ageMin == null ? '' : String(s.ageMin));
  const [ageMax, setAgeMax] = useState(s.ageMax == null ? '' : String(s.ageMax));
  const [hours, setHours] = useState({ weekday: s.hours.weekday ?? '', saturday: s.hours.saturday ?? '', sunday: s.hours.sunday ?? '', holiday: s.hours.holiday ?? '' });
  const [open, setOpen] = useState({ openSaturday: s.openSaturday, openSunday: s.openSunday, openHoliday: s.openHoliday });
  const [text, setText] = useState({ closedDays: s.closedDays ?? '', availabilityNote: s.availabilityNote ?? '', contactPhone: s.contactPhone ?? '', note: s.note ?? '' });
  const [areas, setAreas] = useState<string[]>(s.areasServed);
  const munis = useMunicipalityNames();
  const areaOptions = [...munis.options];
  for (const code of s.areasServed) if (!areaOptions.some((o) => o.value === code)) areaOptions.push({ value: code, label: munis.nameOf(code) });
  const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
  const [caps, setCaps] = useState<Record<string, { level: string; note: string }>>(() =>
    Object.fromEntries(CARE_ITEMS.map((c) => {
      const cap = s.capabilities.find((x) => x.careItem === c.code);
      return [c.code, { level: cap?.level ?? 'unknown', note: cap?.note ?? '' }];
    })),
  );
  const num = (v: string) => (v.trim() === '' ? null : Number(v));
  const setTextField = (key: keyof typeof text, v: string) => setText((prev) => ({ ...prev, [key]: v }));
  const fieldError = (name: string) => problemOf(update.error)?.errors?.find((e) => e.field === name || e.field.startsWith(`${name}.`))?.message;
  const save = () =>
    update.mutate(
      {
        id: s.id,
        input: {
          capacity: num(capacity),
          ageMin: num(ageMin),
          ageMax: num(ageMax),
          hours: { weekday: orNull(hours.weekday), saturday: orNull(hours.saturday), sunday: orNull(hours.sunday), holiday: orNull(hours.holiday) },
          ...open,
          closedDays: orNull(text.closedDays),
          availabilityNote: orNull(text.availabilityNote),
          contactPhone: orNull(text.contactPhone),
          note: orNull(text.note),
          areasServed: areas,
          ...(vacancy.trim() === '' ? {} : { vacancyCount: num(vacancy), vacancyNote: note || null }),
          capabilities: CARE_ITEMS.map((c) => ({ careItem: c.code, level: caps[c.code]!.level as 'yes', note: caps[c.code]!.level === 'conditional' ? caps[c.code]!.note || null : null })),
        },
      },
      { onSuccess: () => (onSaved(), onClose()) },
    );
  return (
    <Dialog isOpen onOpenChange={(open) => (open ? undefined : onClose())} title={t('dir.editTitle', { service: title })} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        {update.error ? <FormErrorSummary problem={problemOf(update.error)} items={(problemOf(update.error)?.errors ?? []).map((e) => ({ field: e.field, label: e.label, message: e.message }))} focusKey={update.failureCount} /> : null}
        <TextField label={t('dir.vacancyField')} type="number" min={0} inputMode="numeric" value={vacancy} onChange={(e) => setVacancy(e.currentTarget.value)} error={fieldError('vacancyCount')} />
        <TextField label={t('dir.vacancyNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={fieldError('vacancyNote')} />
        <TextField label={t('dir.capacity')} type="number" min={0} inputMode="numeric" value={capacity} onChange={(e) => setCapacity(e.currentTarget.value)} error={fieldError('capacity')} />
        <fieldset className="fieldset">
          <legend className="field__label">{t('dir.ages')}</legend>
          <p className="field__hint">{t('dir.ageBlank')}</p>
          <TextField label={t('dir.ageMin')} type="number" min={0} max={120} inputMode="numeric" value={ageMin} onChange={(e) => setAgeMin(e.currentTarget.value)} error={fieldError('ageMin')} />
          <TextField label={t('dir.ageMax')} type="number" min={0} max={120} inputMode="numeric" value={ageMax} onChange={(e) => setAgeMax(e.currentTarget.value)} error={fieldError('ageMax')} />
        </fieldset>
        <fieldset className="fieldset">
          <legend className="field__label">{t('dir.editHours')}</legend>
          {HOUR_FIELDS.map(([key, label, openKey]) => (
            <div key={key}>
              <TextField
                label={`${t('dir.hours')}（${t(label)}）`}
                value={hours[key]}
                maxLength={100}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setHours((prev) => ({ ...prev, [key]: v }));
                }}
                error={fieldError(`hours.${key}`)}
              />
              {openKey ? (
                <Checkbox
                  label={t('dir.openOn', { day: t(label) })}
                  checked={open[openKey]}
                  onChange={(e) => {
                    const v = e.currentTarget.checked;
                    setOpen((prev) => ({ ...prev, [openKey]: v }));
                  }}
                />
              ) : null}
            </div>
          ))}
          <TextField label={t('dir.closedDaysField')} value={text.closedDays} maxLength={200} onChange={(e) => setTextField('closedDays', e.currentTarget.value)} error={fieldError('closedDays')} />
          <TextAreaField label={t('dir.availabilityNote')} value={text.availabilityNote} maxLength={1000} onChange={(e) => setTextField('availabilityNote', e.currentTarget.value)} error={fieldError('availabilityNote')} />
        </fieldset>
        <CheckboxGroup name="areasServed" label={t('dir.areas')} options={areaOptions} value={areas} onChange={setAreas} error={fieldError('areasServed')} />
        <TextField label={t('dir.contactPhone')} type="tel" value={text.contactPhone} maxLength={30} onChange={(e) => setTextField('contactPhone', e.currentTarget.value)} error={fieldError('contactPhone')} />
        <TextAreaField label={t('dir.serviceNote')} value={text.note} maxLength={2000} onChange={(e) => setTextField('note', e.currentTarget.value)} error={fieldError('note')} />
        <fieldset className="fieldset">
          <legend className="field__label">{t('dir.capTable')}</legend>
          {CARE_ITEMS.map((c) => (
            <div key={c.code} className="dir-cap-edit">
              <label>
                {c.label}{' '}
                <select
                  value={caps[c.code]!.level}
                  onChange={(e) => {
                    const level = e.currentTarget.value;
                    setCaps((prev) => ({ ...prev, [c.code]: { ...prev[c.code]!, level } }));
                  }}
                >
                  <option value="yes">{t('dir.capYes')}</option>
                  <option value="conditional">{t('dir.capConditional')}</option>
                  <option value="no">{t('dir.capNo')}</option>
                  <option value="unknown">{t('dir.capUnknown')}</option>
                </select>
              </label>
              {caps[c.code]!.level === 'conditional' ? (
                <TextField
                  label={`${c.label}：${t('dir.note')}`}
                  value={caps[c.code]!.note}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    setCaps((prev) => ({ ...prev, [c.code]: { ...prev[c.code]!, note: v } }));
                  }}
                />
              ) : null}
            </div>
          ))}
        </fieldset>
        <DialogActions>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" isPending={update.isPending}>
            {t('common.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

const ACTION_KEY: Record<string, MessageKey> = {
  'office.update': 'dir.action.officeUpdate',
  'service.create': 'dir.action.serviceCreate',
  'service.update': 'dir.action.serviceUpdate',
  'service.delete': 'dir.action.serviceDelete',
  'vacancy.update': 'dir.action.vacancyUpdate',
  'vacancy.confirm': 'dir.action.vacancyConfirm',
  'listing.confirm': 'dir.action.vacancyConfirm',
  'wam.import': 'dir.action.wamImport',
};

const FIELD_KEY: Record<string, MessageKey> = {
  capacity: 'dir.capacity',
  vacancyCount: 'dir.vacancyField',
  vacancyNote: 'dir.vacancyNote',
  ageMin: 'dir.ageMin',
  ageMax: 'dir.ageMax',
  hours: 'dir.hours',
  openSaturday: 'dir.hoursSaturday',
  openSunday: 'dir.hoursSunday',
  openHoliday: 'dir.hoursHoliday',
  closedDays: 'dir.closedDaysField',
  availabilityNote: 'dir.availabilityNote',
  areasServed: 'dir.areas',
  contactPhone: 'dir.contactPhone',
  note: 'dir.serviceNote',
  serviceType: 'dir.serviceType',
  address: 'dir.address',
  phone: 'dir.phone',
  fax: 'dir.fax',
  url: 'dir.url',
  email: 'dir.email',
};

function HistorySection({ officeId }: { officeId: string }) {
  const t = useT();
  const history = useOfficeHistory(officeId);
  const munis = useMunicipalityNames();
  const fieldLabel = (field: string) => {
    if (field.startsWith('care.')) return findCareItem(field.slice(5))?.label ?? field;
    const key = FIELD_KEY[field];
    return key ? t(key) : field;
  };
  /** A recorded value as text: levels, hours, open days and areas in words; empty as （なし）. */
  const valueText = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return t('dir.historyEmptyValue');
    if (field.startsWith('care.') && typeof v === 'object') {
      const c = v as { level?: string; note?: string | null };
      const level = c.level && c.level in LEVEL_KEY ? t(LEVEL_KEY[c.level as keyof typeof LEVEL_KEY]) : String(c.level);
      return c.note ? `${level}（${c.note}）` : level;
    }
    if (field === 'hours' && typeof v === 'object') {
      return HOUR_FIELDS.map(([k, label]) => `${t(label)} ${(v as Record<string, string | null>)[k] ?? '—'}`).join(' / ');
    }
    if (field === 'areasServed' && Array.isArray(v)) return v.map((c) => munis.nameOf(String(c))).join('、');
    if (field === 'serviceType' && typeof v === 'string') return findServiceType(v)?.label ?? v;
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (typeof v === 'object') return JSON.stringify(v);
    return String(v);
  };
  return (
    <Section title={t('dir.history')}>
      {history.isPending ? (
        <LoadingState />
      ) : history.error ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.length === 0 ? (
        <p>{t('dir.historyEmpty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('dir.history')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dir.historyAt')}</th>
                <th scope="col">{t('dir.historyWho')}</th>
                <th scope="col">{t('dir.historyWhat')}</th>
              </tr>
            </thead>
            <tbody>
              {history.data.map((h) => (
                <tr key={h.id}>
                  <td>
                    <DateTime value={h.at} />
                  </td>
                  <td>{h.actorName ?? '—'}</td>
                  <td>
                    {t(ACTION_KEY[h.action] ?? 'dir.historyWhat')}
                    {Object.keys(h.changes).length ? (
                      <ul className="plain-list dir-history-changes">
                        {Object.entries(h.changes).map(([field, c]) => (
                          <li key={field}>
                            <span className="dir-history-field">{fieldLabel(field)}</span>: <span aria-label={t('dir.historyBefore')}>{valueText(field, c.from)}</span> → <span aria-label={t('dir.historyAfter')}>{valueText(field, c.to)}</span>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
