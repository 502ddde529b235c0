// 経過記録: post 入院・退院・体調の変化・計画の変更・メモ once and every team member whose consent
// covers the timeline is told (in the app, and by an e-mail that carries no personal data).
// Glossary terms in a post (胃瘻, 吸引 …) link to their plain-language explanation.
import { useState } from 'react';
import { TIMELINE_KINDS, TIMELINE_KIND_LABELS } from '../../../../shared/contracts/clients';
import { Alert } from '../../../components/ui/alert';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { DateTime } from '../../../components/ui/date-time';
import { SelectField, TextAreaField, TextField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { Section } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { LinkedText } from '../../glossary';
import { contractLabel, fieldId, isoToLocal, localToIso, useFormErrors, useZodForm } from '../../../lib/forms';
import { allItems, totalOf } from '../../../lib/paging';
import { useClient } from '../api/get-client';
import { useTimeline, type TimelineEvent } from '../api/list-timeline';
import { CreateTimelineEventSchema, usePostTimelineEvent } from '../api/post-timeline-event';
import { OutOfScope } from './out-of-scope';

const TONES: Record<TimelineEvent['kind'], BadgeTone> = { admission: 'danger', discharge: 'success', condition_change: 'warning', plan_change: 'info', note: 'neutral' };
const S = CreateTimelineEventSchema;
type Key = 'kind' | 'occurredAt' | 'title' | 'body' | 'place';
const label = (k: Key) => contractLabel(S, k);

export function TimelineTab({ clientId }: { clientId: string }) {
  const t = useT();
  const { data: c } = useClient(clientId);
  const timeline = useTimeline(clientId);
  if (!c) return null;
  if (c.hiddenScopes.includes('timeline')) {
    return (
      <Section title={t('clients.tab.timeline')}>
        <OutOfScope />
      </Section>
    );
  }
  const events = allItems(timeline.data);
  return (
    <>
      <PostForm clientId={clientId} />
      <Section title={t('clients.timeline.title')}>
        {timeline.isPending ? <LoadingState /> : null}
        {timeline.error ? <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} /> : null}
        {!timeline.isPending && events.length === 0 ? <p>{t('clients.timeline.empty')}</p> : null}
        <ol className="timeline">
          {events.map((e) => (
            <li key={e.id} className="timeline__item">
              <article aria-labelledby={`ev-${e.id}`}>
                <h3 className="timeline__title" id={`ev-${e.id}`}>
                  <Badge tone={TONES[e.kind]}>{e.kindLabel}</Badge> {e.title}
                </h3>
                <p className="cell-sub">
                  <DateTime value={e.occurredAt} />
                  {e.place ? `・${e.place}` : ''}・{t('clients.timeline.by', { name: e.authorName })}
                  {e.notifiedUserIds.length > 0 ? `・${t('clients.timeline.notified', { count: e.notifiedUserIds.length })}` : ''}
                </p>
                {e.body ? <LinkedText segments={e.bodySegments} /> : null}
              </article>
            </li>
          ))}
        </ol>
        {totalOf(timeline.data) !== undefined ? (
          <p className="data-table__count" role="status">
            {t('common.showing', { total: totalOf(timeline.data)!, shown: events.length })}
          </p>
        ) : null}
        {timeline.hasNextPage ? (
          <Button variant="secondary" onClick={() => void timeline.fetchNextPage()} isPending={timeline.isFetchingNextPage} pendingText={t('common.loadingMore')}>
            {t('common.loadMore')}
          </Button>
        ) : null}
      </Section>
    </>
  );
}

function nowLocal() {
  return isoToLocal(new Date().toISOString());
}

function PostForm({ clientId }: { clientId: string }) {
  const t = useT();
  const formId = 'timeline-post';
  const post = usePostTimelineEvent(clientId);
  const [posted, setPosted] = useState<TimelineEvent | null>(null);
  const [when, setWhen] = useState(nowLocal);
  const form = useZodForm(S, { defaultValues: { kind: 'admission', occurredAt: localToIso(nowLocal()), title: '', body: '', place: '' } });
  const errors = useFormErrors(form, formId, (['kind', 'occurredAt', 'title', 'body', 'place'] as const).map((name) => ({ name, label: label(name) })));
  const fe = form.formState.errors;
  const onSubmit = form.handleSubmit(async (input) => {
    errors.reset();
    setPosted(null);
    try {
      const event = await post.mutateAsync(input);
      setPosted(event);
      const next = nowLocal();
      setWhen(next);
      form.reset({ kind: input.kind, occurredAt: localToIso(next), title: '', body: '', place: '' });
    } catch (error) {
      errors.onServerError(error);
    }
  }, errors.onInvalid);
  return (
    <Section title={t('clients.timeline.post')}>
      <p className="field__hint">{t('clients.timeline.postHint')}</p>
      {posted ? (
        <Alert tone="success">
          <p>{t('clients.timeline.posted', { kind: posted.kindLabel, count: posted.notifiedUserIds.length })}</p>
        </Alert>
      ) : null}
      <form id={formId} className="form" noValidate onSubmit={onSubmit}>
        <FormErrorSummary id={`${formId}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />
        <div className="form__row">
          <SelectField id={fieldId(formId, 'kind')} label={label('kind')} isRequired options={TIMELINE_KINDS.map((k) => ({ value: k, label: TIMELINE_KIND_LABELS[k] }))} error={fe.kind?.message} {...form.register('kind')} />
          <TextField
            id={fieldId(formId, 'occurredAt')}
            type="datetime-local"
            label={label('occurredAt')}
            isRequired
            value={when}
            onChange={(e) => {
              setWhen(e.currentTarget.value);
              form.setValue('occurredAt', localToIso(e.currentTarget.value), { shouldValidate: form.formState.isSubmitted });
            }}
            error={fe.occurredAt?.message}
          />
        </div>
        <TextField id={fieldId(formId, 'title')} label={label('title')} isRequired error={fe.title?.message} {...form.register('title')} />
        <TextField id={fieldId(formId, 'place')} label={label('place')} error={fe.place?.message} {...form.register('place')} />
        <TextAreaField id={fieldId(formId, 'body')} label={label('body')} rows={4} error={fe.body?.message} {...form.register('body')} />
        <div className="form__actions">
          <Button type="submit" isPending={form.formState.isSubmitting} pendingText={t('clients.timeline.posting')}>
            {t('clients.timeline.submit')}
          </Button>
        </div>
      </form>
    </Section>
  );
}
