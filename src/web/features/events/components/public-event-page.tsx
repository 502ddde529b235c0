// /public/events/:token — the page behind an event's public link: no sign-in, phone first.
// People outside the network register with name, office, city, role and e-mail, and get the
// result (registered or waiting-list place, check-in code) on screen and by e-mail.
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { SelectField, TextField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { PageHeader, Section, useDocumentTitle } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { fieldId, useFormErrors, useZodForm } from '../../../lib/forms';
import { usePublicEvent, type PublicEvent } from '../api/get-public-event';
import { PublicRegisterSchema, useRegisterPublic, type PublicRegistrationResult } from '../api/register-public';
import { EventWhen } from './event-when';

const OTHER = 'other';

export function PublicEventPage({ token }: { token: string }) {
  const t = useT();
  const event = usePublicEvent(token);
  const [result, setResult] = useState<PublicRegistrationResult | null>(null);
  useDocumentTitle(event.data?.title ?? t('pub.eventTitle'));
  if (event.isPending) return <LoadingState />;
  if (event.error) return <ErrorState error={event.error} />;
  const e = event.data;
  return (
    <div className="page page--narrow public-page">
      <PageHeader title={e.title} lead={e.kindLabel} badge={e.status === 'cancelled' ? <Badge tone="danger">{t('ev.cancelled')}</Badge> : null} />
      <dl className="summary-list summary-list--inline">
        <div>
          <dt>{t('ev.when')}</dt>
          <dd>
            <EventWhen startsAt={e.startsAt} endsAt={e.endsAt} />
          </dd>
        </div>
        <div>
          <dt>{t('ev.venue')}</dt>
          <dd>{[e.venue, e.isOnline ? t('ev.online') : null].filter(Boolean).join(' / ') || '—'}</dd>
        </div>
        {e.targetAudience ? (
          <div>
            <dt>{t('ev.target')}</dt>
            <dd>{e.targetAudience}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('ev.capacity')}</dt>
          <dd>{e.capacity === null ? t('ev.noCapacity') : t('ev.capacityValue', { cap: e.capacity, left: e.seatsLeft ?? 0 })}</dd>
        </div>
      </dl>
      {e.description ? <p className="pre-wrap">{e.description}</p> : null}
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
              </li>
            ))}
          </ol>
        </Section>
      ) : null}
      {result ? (
        <RegistrationDone result={result} />
      ) : e.acceptingRegistrations ? (
        <PublicRegistrationForm token={token} event={e} onDone={setResult} />
      ) : (
        <Alert tone="info" role="none" title={e.status === 'cancelled' ? t('ev.cancelledNotice') : t('ev.notAccepting')} />
      )}
    </div>
  );
}

function RegistrationDone({ result }: { result: PublicRegistrationResult }) {
  const t = useT();
  return (
    <section className="section" aria-labelledby="pub-done-title">
      <Alert tone="success" role="status">
        <h2 id="pub-done-title" className="alert__title alert__title--heading" tabIndex={-1} ref={(el) => el?.focus()}>
          {result.status === 'waitlisted' ? t('pub.doneWaitlist', { n: result.waitlistPosition ?? '—' }) : t('pub.doneRegistered')}
        </h2>
        <p>{result.message}</p>
        {result.checkInCode ? (
          <p>
            {t('ev.checkInCode')}: <span className="code code--large">{result.checkInCode}</span>
          </p>
        ) : null}
        <p className="small">{t('pub.doneEmail')}</p>
      </Alert>
    </section>
  );
}

function PublicRegistrationForm({ token, event, onDone }: { token: string; event: PublicEvent; onDone: (r: PublicRegistrationResult) => void }) {
  const t = useT();
  const formId = 'public-register';
  const [city, setCity] = useState('');
  const form = useZodForm(PublicRegisterSchema, { defaultValues: { name: '', email: '', officeName: '', municipalityName: '', municipalityCode: null, website: '' } });
  const errors = useFormErrors(form, formId, [
    { name: 'name', label: t('pub.name') },
    { name: 'officeName', label: t('ev.office') },
    { name: 'municipalityName', label: t('ev.city') },
    { name: 'participantRole', label: t('ev.role') },
    { name: 'email', label: t('ev.email') },
  ]);
  const register = useRegisterPublic(token);
  const fe = form.formState.errors;
  const onSubmit = errors.submit(form.handleSubmit, async (input) => {
    onDone(await register.mutateAsync(input));
  });

  return (
    <Section title={t('pub.formTitle')} id="register">
      {event.seatsLeft === 0 ? <Alert tone="warning" role="none">{t('pub.fullNote')}</Alert> : null}
      <form id={formId} onSubmit={onSubmit} noValidate className="form">
        <FormErrorSummary id={`${formId}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />
        <TextField id={fieldId(formId, 'name')} label={t('pub.name')} isRequired autoComplete="name" error={fe.name?.message} {...form.register('name')} />
        <TextField id={fieldId(formId, 'officeName')} label={t('ev.office')} isRequired autoComplete="organization" error={fe.officeName?.message} {...form.register('officeName')} />
        <SelectField
          id={fieldId(formId, 'municipalityName')}
          label={t('ev.city')}
          isRequired
          emptyOption={t('common.choose')}
          options={[...event.municipalities.map((m) => ({ value: m.code, label: m.name })), { value: OTHER, label: t('pub.otherCity') }]}
          value={city}
          error={city === OTHER ? undefined : fe.municipalityName?.message}
          onChange={(e) => {
            const code = e.currentTarget.value;
            setCity(code);
            const m = event.municipalities.find((x) => x.code === code);
            form.setValue('municipalityCode', m ? m.code : null);
            form.setValue('municipalityName', m ? m.name : '', { shouldValidate: form.formState.isSubmitted });
          }}
        />
        {city === OTHER ? (
          <TextField id={fieldId(formId, 'municipalityName-other')} label={t('pub.otherCityName')} isRequired error={fe.municipalityName?.message} {...form.register('municipalityName')} />
        ) : null}
        <SelectField
          id={fieldId(formId, 'participantRole')}
          label={t('ev.role')}
          isRequired
          emptyOption={t('common.choose')}
          options={event.participantRoles.map((r) => ({ value: r.code, label: r.label }))}
          error={fe.participantRole?.message}
          {...form.register('participantRole')}
        />
        <TextField
          id={fieldId(formId, 'email')}
          type="email"
          inputMode="email"
          label={t('ev.email')}
          description={t('pub.emailHint')}
          isRequired
          autoComplete="email"
          error={fe.email?.message}
          {...form.register('email')}
        />
        {/* Honeypot: off screen for people, filled in by bots. */}
        <div className="honeypot">
          <label htmlFor={fieldId(formId, 'website')}>{t('pub.honeypot')}</label>
          <input id={fieldId(formId, 'website')} tabIndex={-1} autoComplete="off" {...form.register('website')} />
        </div>
        <div className="form__actions">
          <Button type="submit" className="button--block" isPending={register.isPending} pendingText={t('pub.submitting')}>
            {event.seatsLeft === 0 ? t('pub.submitWaitlist') : t('pub.submit')}
          </Button>
        </div>
      </form>
    </Section>
  );
}
