// /events/:id/registrations — organisers: who registered (members, public, staff), the waiting
// list, check-in on the day (a button per row, or the code read from the participant's QR),
// each registration's QR code, walk-ins and lecturers added by hand.
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { PARTICIPANT_ROLES } from '../../../../shared/contracts/events';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { DataTable, type Column } from '../../../components/ui/data-table';
import { DateTime, EraToggle } from '../../../components/ui/date-time';
import { ConfirmMutationDialog, Dialog, DialogActions } from '../../../components/ui/dialog';
import { Checkbox, SelectField, TextField } from '../../../components/ui/fields';
import { FilterBar } from '../../../components/ui/filter-bar';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { PageHeader, Section, useDocumentTitle } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { problemOf } from '../../../lib/api-client';
import { emptyToUndefined, fieldId, useFormErrors, useZodForm } from '../../../lib/forms';
import { StaffAddRegistrationSchema, useAddRegistration } from '../api/add-registration';
import { useCheckIn } from '../api/check-in';
import { useEvent } from '../api/get-event';
import { registrationQrUrl, useRegistrations, type Registration, type RegistrationFilters } from '../api/list-registrations';
import { useUpdateRegistration } from '../api/update-registration';
import { EventWhen } from './event-when';

export function RegistrationsPage({ eventId, filters, onFiltersChange }: { eventId: string; filters: RegistrationFilters; onFiltersChange: (f: RegistrationFilters) => void }) {
  const t = useT();
  const event = useEvent(eventId);
  const registrations = useRegistrations(eventId, filters);
  const checkIn = useCheckIn(eventId);
  const update = useUpdateRegistration(eventId);
  const [qrFor, setQrFor] = useState<Registration | null>(null);
  const [cancelling, setCancelling] = useState<Registration | null>(null);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [code, setCode] = useState('');
  useDocumentTitle(t('ev.registrationsTitle'));

  if (event.isPending) return <LoadingState />;
  if (event.error) return <ErrorState error={event.error} />;
  const e = event.data;

  const doCheckIn = (r: Registration, undo = false) =>
    checkIn.mutate(
      { registrationId: r.id, undo: undo || undefined },
      { onSuccess: (next) => setNotice(undo ? t('ev.checkInUndone', { name: next.name }) : t('ev.checkedIn', { name: next.name })) },
    );

  const columns: Column<Registration>[] = [
    {
      key: 'name',
      header: t('ev.colName'),
      isRowHeader: true,
      cell: (r) => (
        <>
          <span className="cell-title">{r.name}</span>
          <span className="cell-sub">{[r.officeName, r.municipalityName].filter(Boolean).join('・')}</span>
        </>
      ),
    },
    { key: 'role', header: t('ev.role'), cell: (r) => t(`ev.prole.${r.participantRole}`) },
    {
      key: 'status',
      header: t('ev.colStatus'),
      cell: (r) => (
        <span className="badge-stack">
          {r.status === 'registered' ? <Badge tone="success">{t('ev.stRegistered')}</Badge> : null}
          {r.status === 'waitlisted' ? <Badge tone="warning">{t('ev.stWaitlisted', { n: r.waitlistPosition ?? '—' })}</Badge> : null}
          {r.status === 'cancelled' ? <Badge tone="neutral">{t('ev.stCancelled')}</Badge> : null}
          {r.isStaff ? <Badge tone="info">{t('ev.stStaff')}</Badge> : null}
          {r.source === 'public' ? <Badge tone="neutral">{t('ev.srcPublic')}</Badge> : null}
        </span>
      ),
    },
    { key: 'group', header: t('ev.group'), cell: (r) => r.groupName ?? '—', className: 'nowrap' },
    { key: 'code', header: t('ev.checkInCode'), cell: (r) => <span className="code">{r.checkInCode}</span>, className: 'nowrap' },
    {
      key: 'checkIn',
      header: t('ev.colCheckIn'),
      cell: (r) =>
        r.checkedInAt ? (
          <span className="badge-stack">
            <Badge tone="success">{t('ev.checkedInBadge')}</Badge>
            <DateTime value={r.checkedInAt} className="small" />
          </span>
        ) : (
          '—'
        ),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (r) =>
        r.status === 'cancelled' ? null : (
          <div className="row-actions">
            {r.checkedInAt ? (
              <Button variant="tertiary" size="sm" aria-label={t('ev.undoCheckInLabel', { name: r.name })} onClick={() => doCheckIn(r, true)}>
                {t('ev.undoCheckIn')}
              </Button>
            ) : (
              <Button size="sm" aria-label={t('ev.checkInLabel', { name: r.name })} onClick={() => doCheckIn(r)}>
                {t('ev.checkIn')}
              </Button>
            )}
            <Button variant="secondary" size="sm" aria-label={t('ev.showQrLabel', { name: r.name })} onClick={() => setQrFor(r)}>
              {t('ev.showQr')}
            </Button>
            <Button
              variant="tertiary"
              size="sm"
              aria-label={t('ev.cancelRegLabel', { name: r.name })}
              onClick={() => {
                update.reset();
                setCancelling(r);
              }}
            >
              {t('ev.cancelReg')}
            </Button>
          </div>
        ),
    },
  ];

  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/events/$eventId" params={{ eventId }}>
          {t('ev.backToEvent', { title: e.title })}
        </Link>
      </p>
      <PageHeader
        title={t('ev.registrationsTitle')}
        lead={
          <>
            {e.title}（<EventWhen startsAt={e.startsAt} endsAt={e.endsAt} />）
          </>
        }
        actions={<Button onClick={() => setAdding(true)}>{t('ev.addRegistration')}</Button>}
      />
      <p className="counts-line">{t('ev.countsFull', { registered: e.counts.registered, waitlisted: e.counts.waitlisted, checkedIn: e.counts.checkedIn, staff: e.counts.staff })}</p>

      <Section title={t('ev.checkInByCode')}>
        <form
          className="inline-form"
          onSubmit={(ev) => {
            ev.preventDefault();
            if (!code.trim()) return;
            checkIn.mutate({ code: code.trim() }, { onSuccess: (r) => (setNotice(t('ev.checkedIn', { name: r.name })), setCode('')) });
          }}
        >
          <TextField label={t('ev.checkInCode')} description={t('ev.checkInCodeHint')} value={code} onChange={(ev) => setCode(ev.currentTarget.value)} autoComplete="off" inputClassName="input--code" />
          <Button type="submit" isPending={checkIn.isPending} pendingText={t('common.saving')}>
            {t('ev.checkInSubmit')}
          </Button>
        </form>
      </Section>
      <div role="status" className="notice-slot">
        {notice ? <Alert tone="success" role="none">{notice}</Alert> : null}
      </div>
      {checkIn.error ? <Alert tone="error">{problemOf(checkIn.error)?.detail}</Alert> : null}

      <FilterBar
        label={t('ev.regFilters')}
        initial={filters}
        onApply={(v) => onFiltersChange(v as RegistrationFilters)}
        fields={(v, set) => (
          <>
            <TextField label={t('ev.regQ')} type="search" value={v.q ?? ''} onChange={(ev) => set('q', ev.currentTarget.value)} />
            <SelectField
              label={t('ev.colStatus')}
              emptyOption={t('common.all')}
              options={[
                { value: 'registered', label: t('ev.stRegistered') },
                { value: 'waitlisted', label: t('ev.stWaitlistedPlain') },
                { value: 'cancelled', label: t('ev.stCancelled') },
              ]}
              value={v.status ?? ''}
              onChange={(ev) => set('status', ev.currentTarget.value)}
            />
          </>
        )}
      />
      <EraToggle />
      <DataTable
        caption={t('ev.regCaption')}
        columns={columns}
        rows={registrations.data?.items ?? []}
        rowKey={(r) => r.id}
        total={registrations.data?.total}
        isLoading={registrations.isPending}
        error={registrations.error}
        onRetry={() => void registrations.refetch()}
        emptyMessage={t('ev.regEmpty')}
        rowClassName={(r) => (r.status === 'cancelled' ? 'is-muted' : undefined)}
      />

      <Dialog isOpen={qrFor !== null} onOpenChange={(o) => !o && setQrFor(null)} title={t('ev.qrTitle', { name: qrFor?.name ?? '' })} size="sm">
        {qrFor ? (
          <figure className="qr qr--large">
            <img src={registrationQrUrl(eventId, qrFor.id)} alt={t('ev.qrAlt', { code: qrFor.checkInCode })} width={240} height={240} />
            <figcaption>
              {t('ev.checkInCode')}: <span className="code">{qrFor.checkInCode}</span>
            </figcaption>
          </figure>
        ) : null}
        <DialogActions>
          <Button variant="secondary" onClick={() => setQrFor(null)}>
            {t('common.close')}
          </Button>
        </DialogActions>
      </Dialog>

      <ConfirmMutationDialog
        subject={cancelling}
        onClose={() => setCancelling(null)}
        title={t('ev.cancelRegTitle')}
        confirmLabel={t('ev.cancelReg')}
        mutation={update}
        variables={(r) => ({ id: r.id, input: { status: 'cancelled' as const } })}
        onDone={(r) => setNotice(t('ev.regCancelled', { name: r.name }))}
      >
        {(r) => <p>{t('ev.cancelRegBody', { name: r.name })}</p>}
      </ConfirmMutationDialog>

      <Dialog isOpen={adding} onOpenChange={setAdding} title={t('ev.addRegistration')}>
        <AddRegistrationForm
          eventId={eventId}
          onCancel={() => setAdding(false)}
          onAdded={(r) => {
            setAdding(false);
            setNotice(t('ev.regAdded', { name: r.name }));
          }}
        />
      </Dialog>
    </div>
  );
}

function AddRegistrationForm({ eventId, onCancel, onAdded }: { eventId: string; onCancel: () => void; onAdded: (r: Registration) => void }) {
  const t = useT();
  const formId = 'add-registration';
  const form = useZodForm(StaffAddRegistrationSchema, { defaultValues: { name: '', participantRole: 'consultant', isStaff: false } });
  const errors = useFormErrors(form, formId, [
    { name: 'name', label: t('ev.colName') },
    { name: 'email', label: t('ev.email') },
    { name: 'officeName', label: t('ev.office') },
    { name: 'municipalityName', label: t('ev.city') },
    { name: 'participantRole', label: t('ev.role') },
  ]);
  const add = useAddRegistration(eventId);
  const fe = form.formState.errors;
  const onSubmit = errors.submit(form.handleSubmit, async (input) => {
    onAdded(await add.mutateAsync(input));
  });
  return (
    <form id={formId} onSubmit={onSubmit} noValidate className="form">
      <FormErrorSummary id={`${formId}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />
      <TextField id={fieldId(formId, 'name')} label={t('ev.colName')} isRequired error={fe.name?.message} {...form.register('name')} />
      <TextField id={fieldId(formId, 'email')} type="email" label={t('ev.email')} error={fe.email?.message} {...form.register('email', { setValueAs: emptyToUndefined })} />
      <TextField id={fieldId(formId, 'officeName')} label={t('ev.office')} error={fe.officeName?.message} {...form.register('officeName')} />
      <TextField id={fieldId(formId, 'municipalityName')} label={t('ev.city')} error={fe.municipalityName?.message} {...form.register('municipalityName')} />
      <SelectField
        id={fieldId(formId, 'participantRole')}
        label={t('ev.role')}
        isRequired
        options={PARTICIPANT_ROLES.map((r) => ({ value: r, label: t(`ev.prole.${r}`) }))}
        error={fe.participantRole?.message}
        {...form.register('participantRole')}
      />
      <Checkbox label={t('ev.isStaff')} {...form.register('isStaff')} />
      <DialogActions>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" isPending={add.isPending} pendingText={t('common.saving')}>
          {t('common.add')}
        </Button>
      </DialogActions>
    </form>
  );
}
