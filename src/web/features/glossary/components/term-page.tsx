// /glossary/:id — one term: reading, other ways to write it, the explanation, related terms,
// services and medical care items; its edit history. Coordinators and admins edit and delete.
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { Button, buttonClass } from '../../../components/ui/button';
import { DateTime } from '../../../components/ui/date-time';
import { ConfirmDialog } from '../../../components/ui/dialog';
import { PageHeader, Section, useDocumentTitle } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { problemOf } from '../../../lib/api-client';
import { useTerm } from '../api/get-term';
import { useRevisions } from '../api/list-revisions';
import { useDeleteTerm } from '../api/save-term';

export function TermPage({ termId, canEdit = false }: { termId: string; canEdit?: boolean }) {
  const t = useT();
  const navigate = useNavigate();
  const term = useTerm(termId);
  const remove = useDeleteTerm();
  const [deleting, setDeleting] = useState(false);
  useDocumentTitle(term.data?.term ?? t('gl.title'));
  if (term.isPending) return <LoadingState />;
  if (term.error) return <ErrorState error={term.error} />;
  const g = term.data;
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/glossary">{t('gl.backToList')}</Link>
      </p>
      <PageHeader
        title={g.term}
        lead={`${g.reading}・${g.categoryLabel}`}
        actions={
          canEdit ? (
            <div className="button-row">
              <Link to="/glossary/$termId/edit" params={{ termId: g.id }} className={buttonClass('secondary')}>
                {t('gl.edit')}
              </Link>
              <Button
                variant="danger"
                onClick={() => {
                  remove.reset();
                  setDeleting(true);
                }}
              >
                {t('gl.delete')}
              </Button>
            </div>
          ) : undefined
        }
      />
      <p className="lead-text">{g.explanation}</p>
      <dl className="summary-list">
        {g.aliases.length ? (
          <div>
            <dt>{t('gl.aliases')}</dt>
            <dd>{g.aliases.join('、')}</dd>
          </div>
        ) : null}
        {g.relatedCareItems.length ? (
          <div>
            <dt>{t('gl.careItems')}</dt>
            <dd>{g.relatedCareItems.map((c) => c.label).join('、')}</dd>
          </div>
        ) : null}
        {g.relatedServiceTypes.length ? (
          <div>
            <dt>{t('gl.services')}</dt>
            <dd>{g.relatedServiceTypes.map((c) => c.label).join('、')}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('gl.updated')}</dt>
          <dd>
            <DateTime value={g.updatedAt} />（{t('gl.version', { n: g.version })}）
          </dd>
        </div>
      </dl>
      {g.relatedTerms.length ? (
        <Section title={t('gl.related')}>
          <ul className="chip-list chip-list--static">
            {g.relatedTerms.map((r) => (
              <li key={r.term} className="tag">
                {r.id ? (
                  <Link to="/glossary/$termId" params={{ termId: r.id }}>
                    {r.term}
                  </Link>
                ) : (
                  r.term
                )}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Revisions termId={g.id} />
      <ConfirmDialog
        isOpen={deleting}
        onOpenChange={setDeleting}
        title={t('gl.deleteTitle')}
        confirmLabel={t('common.delete')}
        isPending={remove.isPending}
        problem={remove.error ? problemOf(remove.error) : null}
        onConfirm={() => remove.mutate({ id: g.id, expectedVersion: g.version }, { onSuccess: () => void navigate({ to: '/glossary' }) })}
      >
        <p>{t('gl.deleteBody', { term: g.term })}</p>
      </ConfirmDialog>
    </div>
  );
}

/** Who changed the term, when and why (newest first). */
function Revisions({ termId }: { termId: string }) {
  const t = useT();
  const revisions = useRevisions(termId);
  const items = revisions.data?.items ?? [];
  return (
    <Section title={t('gl.history')}>
      {revisions.error ? <ErrorState error={revisions.error} /> : null}
      {items.length ? (
        <table className="table table--compact">
          <caption className="visually-hidden">{t('gl.history')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('gl.hVersion')}</th>
              <th scope="col">{t('gl.hWhen')}</th>
              <th scope="col">{t('gl.hWho')}</th>
              <th scope="col">{t('gl.hNote')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                <td>{t('gl.version', { n: r.version })}</td>
                <td>
                  <DateTime value={r.editedAt} />
                </td>
                <td>{r.editedByName ?? t('gl.hSystem')}</td>
                <td>{r.note || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Section>
  );
}
