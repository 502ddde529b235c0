// The personal iCalendar feed: the events the user registered for, in any calendar app.
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { CopyButton } from '../../../components/ui/copy-button';
import { Section } from '../../../components/ui/page';
import { ErrorState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { useCreateCalendarFeed } from '../api/create-calendar-feed';

export function CalendarFeedSection() {
  const t = useT();
  const create = useCreateCalendarFeed();
  const [url, setUrl] = useState<string | null>(null);
  return (
    <Section title={t('ev.feedTitle')}>
      <p>{t('ev.feedIntro')}</p>
      {url ? (
        <>
          <p className="code-block" id="calendar-feed-url">
            {url}
          </p>
          <div className="button-row">
            <CopyButton text={url} label={t('ev.feedCopy')} />
            <a href={url.replace(/^https?:/, 'webcal:')}>{t('ev.feedOpen')}</a>
          </div>
          <p className="small muted">{t('ev.feedSecret')}</p>
        </>
      ) : null}
      {create.error ? <ErrorState error={create.error} /> : null}
      <Button variant="secondary" isPending={create.isPending} pendingText={t('common.saving')} onClick={() => create.mutate(undefined, { onSuccess: (r) => setUrl(r.url) })}>
        {url ? t('ev.feedRotate') : t('ev.feedCreate')}
      </Button>
    </Section>
  );
}
