// /events/:id — the event: when and where, programme, staff, counts, materials, minutes, and
// the member's one-click registration (or waiting-list place) with their check-in QR code.
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button, buttonClass } from '../../../components/ui/button';
import { CopyButton } from '../../../components/ui/copy-button';
import { DateTime, EraToggle } from '../../../components/ui/date-time';
import { ConfirmDialog } from '../../../components/ui/dialog';
import { PageHeader, Section, useDocumentTitle } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { problemOf } from '../../../lib/api-client';
import { useCancelMyRegistration } from '../api/cancel-my-registration';
import { useDeleteEvent } from '../api/delete-event';
import { useEvent } from '../api/get-event';
import type { NetworkEvent } from '../api/list-events';
import { registrationQrUrl } from '../api/list-registrations';
import { useRegisterForEvent } from '../api/register-for-event';
import { EventMaterials } from './event-materials';
import { EventStats } from './event-stats';
import { EventStatusBadges } from './event-status';
import { EventWhen } from './event-when';

export interface EventPermissions {
  manage: boolean;
  register: boolean;
  stats: boolean;
}

export function EventDetailPage({ eventId, can }: { eventId: string; can: EventPermissions }) {
  const t = useT();
  const event = useEvent(eventId);
  useDocumentTitle(event.data?.title ?? t('ev.title'));
  if (event.isPending) return <LoadingState />;
  if (event.error) return <ErrorState error={event.error} onRetry={() => void event.refetch()} />;
  return <EventDetail event={event.data} can={can} />;
}

function EventDetail({ event: e, can }: { event: NetworkEvent; can: EventPermissions }) {
  const t = useT();
  const navigate = useNavigate();
  const [deleting, setDeleting] = useState(false);
  const remove = useDeleteEvent();
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/events">{t('ev.backToList')}</Link>
      </p>
      <PageHeader
        title={e.title}
        lead={e.kindLabel}
        badge={<EventStatusBadges event={e} />}
        actions={
          can.manage ? (
            <>
              <Link to="/events/$eventId/edit" params={{ eventId: e.id }} className={buttonClass('secondary')}>
                {t('common.edit')}
              </Link>
              <Link to="/events/$eventId/registrations" params={{ eventId: e.id }} className={buttonClass('primary')}>
                {t('ev.registrationsLink')}
              </Link>
            </>
          ) : null
        }
      />
      {e.status === 'cancelled' ? <Alert tone="warning" title={t('ev.cancelledNotice')} role="none" /> : null}
      <EraToggle />
      <dl className="summary-list summary-list--inline">
        <div>
          <dt>{t('ev.when')}</dt>
          <dd>
            <EventWhen startsAt={e.startsAt} endsAt={e.endsAt} />
          </dd>
        </div>
        <div>
          <dt>{t('ev.venue')}</dt>
          <dd>{e.venue ?? '—'}</dd>
        </div>
        {e.onlineUrl ? (
          <div>
            <dt>{t('ev.onlineUrl')}</dt>
            <dd>
              <a href={e.onlineUrl} target="_blank" rel="noreferrer noopener">
                {e.onlineUrl}
                <span className="visually-hidden">{t('common.opensInNewTab')}</span>
              </a>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('ev.target')}</dt>
          <dd>{e.targetAudience || '—'}</dd>
        </div>
        <div>
          <dt>{t('ev.capacity')}</dt>
          <dd>
            {e.capacity === null ? t('ev.noCapacity') : t('ev.capacityValue', { cap: e.capacity, left: e.counts.seatsLeft ?? 0 })}
            {' / '}
            {t('ev.countsLine', { registered: e.counts.registered, waitlisted: e.counts.waitlisted, staff: e.counts.staff })}
          </dd>
        </div>
        <div>
          <dt>{t('ev.deadline')}</dt>
          <dd>{e.registrationClosesAt ? <DateTime value={e.registrationClosesAt} /> : t('ev.noDeadline')}</dd>
        </div>
      </dl>
      {e.description ? <p className="pre-wrap">{e.description}</p> : null}

      <MyRegistration event={e} canRegister={can.register} />

      {e.programme.length ? (
        <Section title={t('ev.programme')}>
          <ol className="programme">
            {e.programme.map((p, i) => (
              <li key={i} className="programme__item">
                <span className="programme__meta">
                  {p.startTime ? <span className="programme__time">{p.startTime}</span> : null}
                  <Badge tone="neutral">{t(`ev.programmeKind.${p.kind}`)}</Badge>
                </span>
                <span className="programme__title">{p.title}</span>
                {p.presenter ? <span className="cell-sub">{p.presenter}</span> : null}
                {p.description ? <span className="pre-wrap small">{p.description}</span> : null}
              </li>
            ))}
          </ol>
        </Section>
      ) : null}

      {e.staff.length ? (
        <Section title={t('ev.staff')}>
          <ul className="plain-list">
            {e.staff.map((s, i) => (
              <li key={i}>
                <Badge tone="neutral">{t(`ev.staffRole.${s.role}`)}</Badge> {s.name}
                {s.affiliation ? `（${s.affiliation}）` : ''}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <EventMaterials eventId={e.id} canManage={can.manage} />

      <Section title={t('ev.minutes')}>
        {e.minutes ? <div className="pre-wrap minutes">{e.minutes}</div> : <p className="muted">{t('ev.noMinutes')}</p>}
      </Section>

      {can.stats ? <EventStats eventId={e.id} /> : null}

      <Section title={t('ev.calendarSection')}>
        <p>
          <a href={`/api/events/${encodeURIComponent(e.id)}/event.ics`} download>
            {t('ev.icsDownload')}
          </a>
        </p>
      </Section>

      {can.manage ? (
        <Section title={t('ev.organiser')}>
          {e.publicUrl ? (
            <div className="public-link">
              <p>{t('ev.publicLinkHint')}</p>
              <p className="code-block" id="public-link">
                {e.publicUrl}
              </p>
              <div className="button-row">
                <CopyButton text={e.publicUrl} label={t('ev.copyPublicLink')} />
                <a href={e.publicUrl} className={buttonClass('tertiary', 'sm')}>
                  {t('ev.openPublicLink')}
                </a>
              </div>
            </div>
          ) : (
            <p className="muted">{t('ev.noPublicLink')}</p>
          )}
          <div className="button-row">
            <Link to="/events/$eventId/groups" params={{ eventId: e.id }} className={buttonClass('secondary')}>
              {t('ev.groupsLink')}
            </Link>
            <Link to="/surveys" search={{ eventId: e.id }} className={buttonClass('secondary')}>
              {t('ev.surveysLink')}
            </Link>
            <Button variant="danger" onClick={() => setDeleting(true)}>
              {t('ev.delete')}
            </Button>
          </div>
        </Section>
      ) : null}

      <ConfirmDialog
        isOpen={deleting}
        onOpenChange={setDeleting}
        title={t('ev.deleteTitle')}
        confirmLabel={t('common.delete')}
        isPending={remove.isPending}
        problem={remove.error ? problemOf(remove.error) : null}
        onConfirm={() => remove.mutate(e.id, { onSuccess: () => void navigate({ to: '/events' }) })}
      >
        <p>{t('ev.deleteBody', { title: e.title })}</p>
      </ConfirmDialog>
    </div>
  );
}

function MyRegistration({ event: e, canRegister }: { event: NetworkEvent; canRegister: boolean }) {
  const t = useT();
  const register = useRegisterForEvent();
  const cancel = useCancelMyRegistration();
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const mine = e.myRegistration;

  if (!canRegister) return null;
  return (
    <Section title={t('ev.myRegistration')} id="my-registration">
      <div role="status">{notice ? <Alert tone="success" role="none">{notice}</Alert> : null}</div>
      {register.error ? <ErrorState error={register.error} /> : null}
      {mine ? (
        <div className="my-registration">
          {mine.status === 'registered' ? (
            <>
              <p className="my-registration__state">
                <Badge tone="success">{t('ev.mineRegistered')}</Badge> {t('ev.mineRegisteredBody')}
              </p>
              <figure className="qr">
                <img src={registrationQrUrl(e.id, mine.id)} alt={t('ev.qrAlt', { code: mine.checkInCode })} width={160} height={160} />
                <figcaption>
                  {t('ev.checkInCode')}: <span className="code">{mine.checkInCode}</span>
                </figcaption>
              </figure>
            </>
          ) : (
            <p className="my-registration__state">
              <Badge tone="warning">{t('ev.mineWaitlisted', { n: mine.waitlistPosition ?? '—' })}</Badge> {t('ev.mineWaitlistedBody')}
            </p>
          )}
          <Button
            variant="secondary"
            onClick={() => {
              cancel.reset();
              setConfirming(true);
            }}
          >
            {t('ev.cancelMine')}
          </Button>
        </div>
      ) : e.acceptingRegistrations ? (
        <Button
          isPending={register.isPending}
          pendingText={t('ev.registering')}
          onClick={() =>
            register.mutate(e.id, {
              onSuccess: (next) =>
                setNotice(next.myRegistration?.status === 'waitlisted' ? t('ev.registeredWaitlist', { n: next.myRegistration.waitlistPosition ?? '—' }) : t('ev.registeredDone')),
            })
          }
        >
          {e.counts.seatsLeft === 0 ? t('ev.registerWaitlist') : t('ev.register')}
        </Button>
      ) : (
        <p className="muted">{e.status === 'cancelled' ? t('ev.cancelledNotice') : t('ev.notAccepting')}</p>
      )}
      <ConfirmDialog
        isOpen={confirming}
        onOpenChange={setConfirming}
        title={t('ev.cancelMineTitle')}
        confirmLabel={t('ev.cancelMine')}
        isPending={cancel.isPending}
        problem={cancel.error ? problemOf(cancel.error) : null}
        onConfirm={() =>
          cancel.mutate(e.id, {
            onSuccess: () => {
              setConfirming(false);
              setNotice(t('ev.cancelledMine'));
            },
          })
        }
      >
        <p>{t('ev.cancelMineBody', { title: e.title })}</p>
      </ConfirmDialog>
    </Section>
  );
}
