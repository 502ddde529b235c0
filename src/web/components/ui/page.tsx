// Page scaffolding: exactly one h1 per page, an optional lead paragraph and page actions.
import { useEffect, useId, type ReactNode } from 'react';
import { useT } from '../../i18n/i18n';

export function PageHeader({ title, lead, actions, badge }: { title: ReactNode; lead?: ReactNode; actions?: ReactNode; badge?: ReactNode }) {
  return (
    <div className="page-header">
      <div className="page-header__text">
        <h1 className="page-header__title">
          {title}
          {badge ? <> {badge}</> : null}
        </h1>
        {lead ? <p className="page-header__lead">{lead}</p> : null}
      </div>
      {actions ? <div className="page-header__actions">{actions}</div> : null}
    </div>
  );
}

/** Sets document.title to "<page> | つなぐ". */
export function useDocumentTitle(title: string) {
  const t = useT();
  const app = t('app.name');
  useEffect(() => {
    document.title = `${title} | ${app}`;
  }, [title, app]);
}

export function Section({ title, id, children, actions }: { title: ReactNode; id?: string; children: ReactNode; actions?: ReactNode }) {
  const autoId = useId();
  const headingId = `${id ?? autoId}-heading`;
  return (
    <section className="section" id={id} aria-labelledby={headingId}>
      <div className="section__header">
        <h2 className="section__title" id={headingId}>
          {title}
        </h2>
        {actions ? <div className="section__actions">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}
