// The frame of every figure: a heading, its definition one click away (what is counted, from
// which data, as of when, notes), the CSV export of exactly the numbers shown (the API applies
// the same suppression, so "<5" stays "<5"), and the figure itself.
import type { ReactNode } from 'react';
import type { Definition } from '../../../../shared/contracts/analytics';
import { buttonClass } from '../../../components/ui/button';
import { DateTime } from '../../../components/ui/date-time';
import { useT } from '../../../i18n/i18n';

export interface FigureFrameProps {
  id: string;
  title: string;
  definition: Definition;
  /** The API's CSV of this figure. */
  csvHref?: string;
  children: ReactNode;
  /** Heading level inside a section (h3 by default). */
  level?: 2 | 3;
  className?: string;
  /** The definition open from the start (the report's print view). */
  definitionOpen?: boolean;
}

export function FigureFrame({ id, title, definition, csvHref, children, level = 3, className, definitionOpen }: FigureFrameProps) {
  const t = useT();
  const headingId = `${id}-title`;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className={['an-figure', className ?? ''].filter(Boolean).join(' ')} id={id} aria-labelledby={headingId}>
      <div className="an-figure__header">
        <Heading className="an-figure__title" id={headingId}>
          {title}
        </Heading>
        {csvHref ? (
          <div className="an-figure__actions no-print">
            <a href={csvHref} className={buttonClass('secondary', 'sm')} download aria-label={t('an.csvOf', { title })}>
              {t('an.csv')}
            </a>
          </div>
        ) : null}
      </div>
      <DefinitionDisclosure title={title} definition={definition} open={definitionOpen} />
      {children}
    </section>
  );
}

/** 「定義」: a native disclosure, so keyboard and screen readers work without extra scripting. */
export function DefinitionDisclosure({ title, definition, open }: { title: string; definition: Definition; open?: boolean }) {
  const t = useT();
  return (
    <details className="an-definition" open={open}>
      <summary aria-label={t('an.definitionOf', { title })}>{t('an.definition')}</summary>
      <dl className="an-definition__list">
        <dt>{t('an.def.counted')}</dt>
        <dd>{definition.counts}</dd>
        <dt>{t('an.def.source')}</dt>
        <dd>{definition.source}</dd>
        <dt>{t('an.def.asOf')}</dt>
        <dd>{definition.asOf ? <DateTime value={definition.asOf} /> : t('an.def.now')}</dd>
        {definition.period ? (
          <>
            <dt>{t('an.def.period')}</dt>
            <dd>
              <DateTime value={definition.period.from} /> 〜 <DateTime value={definition.period.to} />
            </dd>
          </>
        ) : null}
        {definition.notes.length > 0 ? (
          <>
            <dt>{t('an.def.notes')}</dt>
            <dd>
              <ul className="an-definition__notes">
                {definition.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
    </details>
  );
}
