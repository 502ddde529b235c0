// A list of questions (cards): title, status, excerpt, tags, asker, date.
import { Link } from '@tanstack/react-router';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { DateTime } from '../../../components/ui/date-time';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import type { ConsultationSummary } from '../api/list-consultations';
import { ConsultationTags } from './consultation-tags';

export interface ConsultationListProps {
  items: ConsultationSummary[];
  total?: number;
  isLoading: boolean;
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  onLoadMore: () => void;
  emptyMessage: string;
  /** The list a tag chip filters. */
  tagsLinkTo?: '/consultations' | '/knowledge-base';
}

export function ConsultationList({ items, total, isLoading, error, hasNextPage, isFetchingNextPage, onLoadMore, emptyMessage, tagsLinkTo = '/consultations' }: ConsultationListProps) {
  const t = useT();
  return (
    <>
      {error ? <ErrorState error={error} /> : null}
      <ul className="thread-list">
        {items.map((c) => (
          <li key={c.id} className="thread-card">
            <h2 className="thread-card__title">
              <Link to="/consultations/$consultationId" params={{ consultationId: c.id }}>
                {c.title}
              </Link>
            </h2>
            <p className="badge-stack">
              {c.status === 'resolved' ? <Badge tone="success">{t('kb.resolved')}</Badge> : <Badge tone="info">{t('kb.open')}</Badge>}
              {c.isCaseLinked ? <Badge tone="warning">{t('kb.caseLinked')}</Badge> : null}
              <span className="small">{t('kb.answersN', { n: c.answerCount })}</span>
            </p>
            <p className="small">{c.excerpt}</p>
            <ConsultationTags c={c} to={tagsLinkTo} />
            <p className="small muted">
              {c.asker.name}・<DateTime value={c.createdAt} />
            </p>
          </li>
        ))}
      </ul>
      {isLoading ? <LoadingState /> : null}
      {!isLoading && items.length === 0 && !error ? <p className="muted">{emptyMessage}</p> : null}
      <div className="data-table__footer">
        {total !== undefined ? (
          <p className="data-table__count" role="status">
            {t('common.showing', { total, shown: items.length })}
          </p>
        ) : null}
        {hasNextPage ? (
          <Button variant="secondary" onClick={onLoadMore} isPending={isFetchingNextPage} pendingText={t('common.loadingMore')}>
            {t('common.loadMore')}
          </Button>
        ) : null}
      </div>
    </>
  );
}
