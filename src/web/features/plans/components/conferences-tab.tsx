// 担当者会議: when and where, who attended, what was discussed, what was decided, and who
// follows up what by when. Each record prints as the official 記録.
import { useState } from 'react';
import { SuccessNotice } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button, buttonClass } from '../../../components/ui/button';
import type { Column } from '../../../components/ui/data-table';
import { DateTime } from '../../../components/ui/date-time';
import { ListSection, RowButton, wholeTable } from '../../../components/ui/list-page';
import { useT } from '../../../i18n/i18n';
import { useConferences, type Conference } from '../api/list-conferences';
import { outputUrls } from '../api/output-urls';
import { ConferenceDialog, type AttendeeDraft } from './conference-dialog';

export function ConferencesTab({ clientId, canManage, teamAttendees }: { clientId: string; canManage: boolean; teamAttendees?: AttendeeDraft[] }) {
  const t = useT();
  const conferences = useConferences(clientId);
  const [editing, setEditing] = useState<{ conference: Conference | null } | null>(null);
  const [expanded, setExpanded] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const columns: Column<Conference>[] = [
    { key: 'at', header: t('plans.conference.colHeldAt'), isRowHeader: true, cell: (c) => <DateTime value={c.heldAt} />, className: 'nowrap' },
    { key: 'place', header: t('plans.conference.colPlace'), cell: (c) => c.place || '—' },
    { key: 'purpose', header: t('plans.conference.colPurpose'), cell: (c) => c.purpose || '—' },
    { key: 'attendees', header: t('plans.conference.colAttendees'), cell: (c) => t('plans.conference.people', { n: c.attendees.length }), className: 'nowrap' },
    {
      key: 'tasks',
      header: t('plans.conference.colTasks'),
      cell: (c) => {
        const open = c.tasks.filter((x) => !x.done).length;
        return open ? <Badge tone="warning">{t('plans.conference.openTasks', { n: open })}</Badge> : '—';
      },
    },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (c) => (
        <div className="row-actions">
          <Button variant="tertiary" size="sm" aria-expanded={expanded === c.id} onClick={() => setExpanded(expanded === c.id ? null : c.id)}>
            {expanded === c.id ? t('plans.hideDetails') : t('plans.showDetails')}
          </Button>
          <a className={buttonClass('secondary', 'sm')} href={outputUrls.conferencePdf(clientId, c.id)} target="_blank" rel="noopener" aria-label={t('plans.conference.pdfLabel', { date: c.heldAt.slice(0, 10) })}>
            PDF
          </a>
          {canManage ? (
            <RowButton label={t('plans.conference.editLabel', { date: c.heldAt.slice(0, 10) })} onPress={() => setEditing({ conference: c })}>
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
      <ListSection
        title={t('plans.conference.title')}
        create={canManage ? { label: t('plans.conference.create'), onPress: () => setEditing({ conference: null }) } : null}
        table={{
          caption: t('plans.conference.caption'),
          columns,
          rowKey: (c) => c.id,
          ...wholeTable(conferences),
          emptyMessage: t('plans.conference.empty'),
          renderExpanded: (c) => (expanded === c.id ? <ConferenceDetails conference={c} /> : null),
        }}
      />
      {editing ? (
        <ConferenceDialog
          clientId={clientId}
          conference={editing.conference}
          teamAttendees={teamAttendees}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setNotice(t('common.saved'));
          }}
        />
      ) : null}
    </>
  );
}

function ConferenceDetails({ conference: c }: { conference: Conference }) {
  const t = useT();
  return (
    <div className="details-block">
      <h3 className="subsection__title">{t('plans.conference.attendees')}</h3>
      <ul className="plain-list">
        {c.attendees.map((a, i) => (
          <li key={i}>
            {a.name}
            {a.organization ? `（${a.organization}）` : ''}
            {a.role ? ` ${a.role}` : ''}
          </li>
        ))}
      </ul>
      <h3 className="subsection__title">{t('plans.conference.agenda')}</h3>
      <p className="pre-wrap">{c.agenda || '—'}</p>
      <h3 className="subsection__title">{t('plans.conference.minutes')}</h3>
      <p className="pre-wrap">{c.minutes || '—'}</p>
      <h3 className="subsection__title">{t('plans.conference.decisions')}</h3>
      <ul className="plain-list">
        {c.decisions.map((d, i) => (
          <li key={i}>{d}</li>
        ))}
      </ul>
      <h3 className="subsection__title">{t('plans.conference.tasks')}</h3>
      <ul className="plain-list">
        {c.tasks.map((x, i) => (
          <li key={i}>
            {x.done ? <Badge tone="success">{t('plans.conference.taskDone')}</Badge> : <Badge tone="warning">{t('plans.conference.taskOpen')}</Badge>} {x.task}
            {x.ownerName ? `（${x.ownerName}）` : ''} {x.dueOn ? <DateTime value={x.dueOn} /> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
