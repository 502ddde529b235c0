// /consultations/:id — the thread: question and answers with glossary terms linked, an answer
// (coordinators) or follow-up (asker), resolve with the answer that helped, reopen.
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { DateTime, EraToggle } from '../../../components/ui/date-time';
import { ConfirmDialog } from '../../../components/ui/dialog';
import { TextAreaField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { PageHeader, Section, useDocumentTitle } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { problemOf } from '../../../lib/api-client';
import { fieldId, useFormErrors, useZodForm } from '../../../lib/forms';
import { AnswerConsultationSchema, useAnswerConsultation } from '../api/answer-consultation';
import { useConsultation, type Consultation } from '../api/get-consultation';
import { useReopenConsultation } from '../api/reopen-consultation';
import { useResolveConsultation } from '../api/resolve-consultation';
import { ConsultationTags } from './consultation-tags';
import { LinkedText } from '../../glossary';

export function ConsultationPage({ consultationId, userId }: { consultationId: string; userId: string }) {
  const t = useT();
  const c = useConsultation(consultationId);
  useDocumentTitle(c.data?.title ?? t('kb.title'));
  if (c.isPending) return <LoadingState />;
  if (c.error) return <ErrorState error={c.error} />;
  return <Thread c={c.data} userId={userId} />;
}

function Thread({ c, userId }: { c: Consultation; userId: string }) {
  const t = useT();
  const resolve = useResolveConsultation(c.id);
  const reopen = useReopenConsultation(c.id);
  const [resolving, setResolving] = useState<{ answerId: string | null } | null>(null);
  const isAsker = c.asker.id === userId;
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/consultations">{t('kb.backToList')}</Link>
      </p>
      <PageHeader
        title={c.title}
        badge={c.status === 'resolved' ? <Badge tone="success">{t('kb.resolved')}</Badge> : <Badge tone="info">{t('kb.open')}</Badge>}
        lead={
          <>
            {c.asker.name}・<DateTime value={c.createdAt} />
          </>
        }
      />
      <EraToggle />
      {c.isCaseLinked ? (
        <Alert tone="warning" role="none">
          {t('kb.caseLinkedNote')}
          {c.caseRef ? (
            <>
              {' '}
              <Link to="/clients/$clientId" params={{ clientId: c.caseRef }}>
                {t('kb.openCaseRecord')}
              </Link>
            </>
          ) : null}
        </Alert>
      ) : null}
      <article className="post" aria-label={t('kb.question')}>
        <LinkedText segments={c.bodySegments} />
      </article>
      <ConsultationTags c={c} to={c.status === 'resolved' && !c.isCaseLinked ? '/knowledge-base' : '/consultations'} />
      <p className="small muted">{t('kb.termsHint')}</p>
      <Section title={t('kb.answers', { n: c.answers.length })}>
        {c.answers.length === 0 ? <p className="muted">{t('kb.noAnswers')}</p> : null}
        <ol className="plain-list">
          {c.answers.map((a) => (
            <li key={a.id} className={['post', 'post--answer', a.isAccepted ? 'is-accepted' : ''].filter(Boolean).join(' ')}>
              <p className="small">
                <strong>{a.author.name}</strong>・<DateTime value={a.createdAt} /> {a.isAccepted ? <Badge tone="success">{t('kb.accepted')}</Badge> : null}
              </p>
              <LinkedText segments={a.bodySegments} />
              {c.canResolve && c.status === 'open' && a.author.id !== c.asker.id ? (
                <Button variant="secondary" size="sm" onClick={() => setResolving({ answerId: a.id })} aria-label={t('kb.resolveWithLabel', { name: a.author.name })}>
                  {t('kb.resolveWith')}
                </Button>
              ) : null}
            </li>
          ))}
        </ol>
      </Section>
      {c.status === 'open' && (c.canAnswer || isAsker) ? <AnswerForm id={c.id} followUp={!c.canAnswer} /> : null}
      <div className="button-row">
        {c.canResolve && c.status === 'open' ? (
          <Button variant="secondary" onClick={() => setResolving({ answerId: null })}>
            {t('kb.resolve')}
          </Button>
        ) : null}
        {c.canResolve && c.status === 'resolved' ? (
          <Button variant="secondary" isPending={reopen.isPending} pendingText={t('common.saving')} onClick={() => reopen.mutate()}>
            {t('kb.reopen')}
          </Button>
        ) : null}
      </div>
      {reopen.error ? <Alert tone="error">{problemOf(reopen.error)?.detail}</Alert> : null}
      <ConfirmDialog
        isOpen={resolving !== null}
        onOpenChange={(o) => !o && setResolving(null)}
        title={t('kb.resolveTitle')}
        confirmLabel={t('kb.resolve')}
        tone="primary"
        isPending={resolve.isPending}
        problem={resolve.error ? problemOf(resolve.error) : null}
        onConfirm={() => resolving && resolve.mutate(resolving.answerId, { onSuccess: () => setResolving(null) })}
      >
        <p>{c.isCaseLinked ? t('kb.resolveBodyCase') : t('kb.resolveBody')}</p>
      </ConfirmDialog>
    </div>
  );
}

function AnswerForm({ id, followUp }: { id: string; followUp: boolean }) {
  const t = useT();
  const formId = 'answer-consultation';
  const form = useZodForm(AnswerConsultationSchema, { defaultValues: { body: '' } });
  const label = followUp ? t('kb.followUp') : t('kb.answer');
  const errors = useFormErrors(form, formId, [{ name: 'body', label }]);
  const answer = useAnswerConsultation(id);
  const onSubmit = errors.submit(form.handleSubmit, async (input) => {
    await answer.mutateAsync(input);
    form.reset({ body: '' });
  });
  return (
    <form id={formId} onSubmit={onSubmit} noValidate className="form">
      <FormErrorSummary id={`${formId}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />
      <TextAreaField id={fieldId(formId, 'body')} label={label} rows={6} isRequired error={form.formState.errors.body?.message} {...form.register('body')} />
      <div className="form__actions">
        <Button type="submit" isPending={answer.isPending} pendingText={t('common.saving')}>
          {followUp ? t('kb.followUpSubmit') : t('kb.answerSubmit')}
        </Button>
      </div>
    </form>
  );
}
