// アセスメント: the current assessment in its sections, and the history of earlier ones (each
// can be opened; the consultant or coordinator writes a new one or corrects one).
import { useState } from 'react';
import { SuccessNotice } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import type { Column } from '../../../components/ui/data-table';
import { DateTime } from '../../../components/ui/date-time';
import { ListSection, RowButton, wholeTable } from '../../../components/ui/list-page';
import { Section } from '../../../components/ui/page';
import { useT } from '../../../i18n/i18n';
import { useAssessments, type Assessment } from '../api/list-assessments';
import { AssessmentDialog } from './assessment-dialog';
import { DAILY_FIELDS, HEALTH_FIELDS, fieldLabel, memberLabel, riskLabel, sectionLabel } from './assessment-labels';

export function AssessmentsTab({ clientId, canManage }: { clientId: string; canManage: boolean }) {
  const t = useT();
  const list = useAssessments(clientId);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ assessment: Assessment | null } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const items = list.data?.items ?? [];
  const latest = items[0] ?? null;
  const shown = items.find((a) => a.id === selectedId) ?? latest;

  const columns: Column<Assessment>[] = [
    {
      key: 'date',
      header: t('plans.assessment.colDate'),
      isRowHeader: true,
      cell: (a) => (
        <>
          <DateTime value={a.assessedOn} /> {a.id === latest?.id ? <Badge tone="info">{t('plans.assessment.current')}</Badge> : null}
        </>
      ),
      className: 'nowrap',
    },
    { key: 'place', header: t('plans.assessment.colPlace'), cell: (a) => a.place || '—' },
    { key: 'author', header: t('plans.assessment.colAuthor'), cell: (a) => a.authorName },
    { key: 'updated', header: t('plans.assessment.colUpdated'), cell: (a) => <DateTime value={a.updatedAt} />, className: 'nowrap' },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (a) => (
        <div className="row-actions">
          <Button variant="tertiary" size="sm" aria-pressed={shown?.id === a.id} aria-label={t('plans.assessment.showLabel', { date: a.assessedOn })} onClick={() => setSelectedId(a.id)}>
            {t('plans.assessment.show')}
          </Button>
          {canManage ? (
            <RowButton label={t('plans.assessment.editLabel', { date: a.assessedOn })} onPress={() => setEditing({ assessment: a })}>
              {t('common.edit')}
            </RowButton>
          ) : null}
        </div>
      ),
    },
  ];

  return (
    <>
      <SuccessNotice message={notice} />
      <Section
        title={t('plans.assessment.title')}
        actions={
          canManage ? (
            <Button variant="secondary" size="sm" onClick={() => setEditing({ assessment: null })}>
              {t('plans.assessment.create')}
            </Button>
          ) : null
        }
      >
        {shown ? <AssessmentView assessment={shown} /> : <p>{list.isPending ? t('common.loading') : t('plans.assessment.empty')}</p>}
      </Section>
      <ListSection
        title={t('plans.assessment.history')}
        table={{ caption: t('plans.assessment.caption'), columns, rowKey: (a) => a.id, ...wholeTable(list), emptyMessage: t('plans.assessment.empty') }}
      />
      {editing ? (
        <AssessmentDialog
          clientId={clientId}
          assessment={editing.assessment}
          basis={latest}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setSelectedId(null);
            setNotice(t('common.saved'));
          }}
        />
      ) : null}
    </>
  );
}

const text = (v: string) => <p className="pre-wrap">{v || '—'}</p>;

export function AssessmentView({ assessment: a }: { assessment: Assessment }) {
  const t = useT();
  const s = a.sections;
  return (
    <article className="details-block" aria-labelledby={`assessment-${a.id}`}>
      <h3 id={`assessment-${a.id}`} className="subsection__title">
        {t('plans.assessment.heading', { date: a.assessedOn, author: a.authorName })}
        {a.place ? `（${a.place}）` : ''}
      </h3>
      <h4 className="subsection__title">{sectionLabel('health')}</h4>
      <dl className="summary-list">
        {HEALTH_FIELDS.map((k) => (
          <div key={k}>
            <dt>{fieldLabel('health', k)}</dt>
            <dd>{text(s.health[k])}</dd>
          </div>
        ))}
      </dl>
      <h4 className="subsection__title">{sectionLabel('dailyLiving')}</h4>
      <dl className="summary-list">
        {DAILY_FIELDS.map((k) => (
          <div key={k}>
            <dt>{fieldLabel('dailyLiving', k)}</dt>
            <dd>{text(s.dailyLiving[k])}</dd>
          </div>
        ))}
      </dl>
      <dl className="summary-list">
        <div>
          <dt>{sectionLabel('communication')}</dt>
          <dd>{text(s.communication)}</dd>
        </div>
        <div>
          <dt>{sectionLabel('development')}</dt>
          <dd>{text(s.development)}</dd>
        </div>
      </dl>
      <h4 className="subsection__title">{sectionLabel('family')}</h4>
      {text(s.family.situation)}
      {s.family.members.length ? (
        <ul className="plain-list">
          {s.family.members.map((m, i) => (
            <li key={i}>
              <strong>
                {m.name}（{m.relation}）
              </strong>
              ：{memberLabel('wish')} {m.wish || '—'}
            </li>
          ))}
        </ul>
      ) : null}
      <dl className="summary-list">
        <div>
          <dt>{sectionLabel('social')}</dt>
          <dd>{text(s.social)}</dd>
        </div>
      </dl>
      <h4 className="subsection__title">{sectionLabel('risks')}</h4>
      {s.risks.length ? (
        <ul className="plain-list">
          {s.risks.map((r, i) => (
            <li key={i}>
              <strong>{r.risk}</strong> — {riskLabel('measures')}：{r.measures || '—'}
            </li>
          ))}
        </ul>
      ) : (
        text('')
      )}
      <dl className="summary-list">
        <div>
          <dt>{sectionLabel('strengths')}</dt>
          <dd>{text(s.strengths)}</dd>
        </div>
        <div>
          <dt>{sectionLabel('clientWish')}</dt>
          <dd>{text(s.clientWish)}</dd>
        </div>
      </dl>
    </article>
  );
}
