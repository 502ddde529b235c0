// /clients/$clientId/…: the record's header (who, age and life stage, 判定スコア), the unread
// timeline alerts for this client, and the record's sections as links (each section is its
// own URL, so a notification can point at the timeline and the back button works).
import { Link, Outlet } from '@tanstack/react-router';
import { useState } from 'react';
import { SEX_LABELS } from './labels';
import { Badge } from '../../../components/ui/badge';
import { DateTime, EraToggle } from '../../../components/ui/date-time';
import { PageHeader, useDocumentTitle } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT, type MessageKey } from '../../../i18n/i18n';
import { Button } from '../../../components/ui/button';
import { canManageClient, useClient } from '../api/get-client';
import { IdentityDialog } from './section-dialogs';
import { TimelineAlerts } from './timeline-alerts';

const TABS: { to: string; label: MessageKey; exact?: boolean }[] = [
  { to: '/clients/$clientId', label: 'clients.tab.profile', exact: true },
  { to: '/clients/$clientId/medical', label: 'clients.tab.medical' },
  { to: '/clients/$clientId/team', label: 'clients.tab.team' },
  { to: '/clients/$clientId/timeline', label: 'clients.tab.timeline' },
  { to: '/clients/$clientId/assessment', label: 'clients.tab.assessment' },
  { to: '/clients/$clientId/plan', label: 'clients.tab.plan' },
  { to: '/clients/$clientId/monitoring', label: 'clients.tab.monitoring' },
  { to: '/clients/$clientId/conferences', label: 'clients.tab.conferences' },
  { to: '/clients/$clientId/outputs', label: 'clients.tab.outputs' },
  { to: '/clients/$clientId/evacuation', label: 'clients.tab.evacuation' },
];

export function ClientRecordLayout({ clientId }: { clientId: string }) {
  const t = useT();
  const record = useClient(clientId);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  useDocumentTitle(record.data ? record.data.name : t('clients.recordTitle'));

  if (record.isPending) return <LoadingState />;
  if (record.error) {
    return (
      <div className="page">
        <PageHeader title={t('clients.recordTitle')} />
        <ErrorState error={record.error} onRetry={() => void record.refetch()} />
        <p>
          <Link to="/clients">{t('clients.backToList')}</Link>
        </p>
      </div>
    );
  }
  const c = record.data;
  const score = c.medical?.careScore;
  return (
    <div className="page client-record">
      <p className="breadcrumb no-print">
        <Link to="/clients">{t('clients.backToList')}</Link>
      </p>
      <PageHeader
        title={
          <>
            <span className="client-record__name">{c.name}</span>
            <span className="client-record__kana">{c.nameKana}</span>
          </>
        }
        badge={c.status === 'closed' ? <Badge tone="neutral">{t('clients.status.closed')}</Badge> : undefined}
        actions={
          canManageClient(c) ? (
            <Button
              variant="secondary"
              size="sm"
              className="no-print"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('clients.edit.editIdentity')}
            </Button>
          ) : undefined
        }
      />
      {saved ? (
        <p role="status" className="notice-text">
          {t('clients.edit.identitySaved')}
        </p>
      ) : null}
      {editing ? (
        <IdentityDialog
          clientId={clientId}
          record={c}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setSaved(true);
          }}
        />
      ) : null}
      <dl className="summary-list summary-list--inline client-record__facts">
        <div>
          <dt>{t('clients.birthDate')}</dt>
          <dd>
            <DateTime value={c.birthDate} />（{t('clients.ageStage', { age: c.age, stage: c.lifeStageLabel })}）
          </dd>
        </div>
        <div>
          <dt>{t('clients.sex')}</dt>
          <dd>{SEX_LABELS[c.sex]}</dd>
        </div>
        <div>
          <dt>{t('clients.municipality')}</dt>
          <dd>{c.municipalityName ?? c.municipalityCode}</dd>
        </div>
        {score ? (
          <div>
            <dt>{t('careScore.short')}</dt>
            <dd>
              {t('careScore.totalPoints', { total: score.total })} <Badge tone={score.band >= 16 ? 'warning' : 'info'}>{score.bandLabel}</Badge>
            </dd>
          </div>
        ) : null}
      </dl>
      <EraToggle className="no-print" />
      <TimelineAlerts clientId={clientId} />
      <nav className="record-tabs no-print" aria-label={t('clients.sectionsNav')}>
        <ul className="record-tabs__list">
          {TABS.map((tab) => (
            <li key={tab.to}>
              <Link to={tab.to} params={{ clientId }} className="record-tabs__link" activeOptions={{ exact: tab.exact ?? false, includeSearch: false }}>
                {t(tab.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="record-tabs__panel">
        <Outlet />
      </div>
    </div>
  );
}
