// /analytics/reports/$reportId: a council report as an A4 document. On screen it is the print
// view (every table open, charts beside them); 印刷する prints it with the A4 print styles, and
// the PDF comes from the API (the same report rendered on the server, Japanese fonts embedded).
import { Link } from '@tanstack/react-router';
import { buttonClass, Button } from '../../../components/ui/button';
import { DateTime } from '../../../components/ui/date-time';
import { PageHeader, useDocumentTitle } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import type { Report } from '../../../../shared/contracts/analytics';
import { useReport } from '../api/get-report';
import { useSections } from '../api/get-section';
import { AnalyticsNav } from './analytics-nav';
import { SectionFigures } from './dashboard-page';
import { CompareTable } from './trends-page';

export function ReportPage({ reportId }: { reportId: string }) {
  const t = useT();
  const report = useReport(reportId);
  useDocumentTitle(report.data?.title ?? t('an.report.title'));
  return (
    <>
      <AnalyticsNav />
      <div className="page an-page">
        <p className="breadcrumb no-print">
          <Link to="/analytics/reports">{t('an.report.back')}</Link>
        </p>
        {report.isPending ? <LoadingState /> : null}
        {report.error ? <ErrorState error={report.error} onRetry={() => void report.refetch()} /> : null}
        {report.data ? <ReportDocument report={report.data} /> : null}
      </div>
    </>
  );
}

function ReportDocument({ report }: { report: Report }) {
  const t = useT();
  const filters = { area: report.area.area, asOf: report.asOf, from: report.period.from, to: report.period.to };
  const sections = useSections(report.sections, filters);
  return (
    <article className="an-report" aria-label={t('an.report.documentLabel')}>
      <PageHeader
        title={report.title}
        lead={t('an.report.meta', { area: report.area.label, asOf: report.asOf, from: report.period.from, to: report.period.to, by: report.createdByName })}
        actions={
          <div className="toolbar no-print">
            <Button variant="secondary" onClick={() => window.print()}>
              {t('an.report.print')}
            </Button>
            <a href={report.pdfUrl} className={buttonClass('primary')} download>
              {t('an.report.pdf')}
            </a>
          </div>
        }
      />
      <p className="small muted">
        <DateTime value={report.createdAt} />
      </p>
      <section className="section an-report__gaps" aria-labelledby="rep-gaps">
        <h2 className="section__title" id="rep-gaps">
          {t('an.report.gaps')}
        </h2>
        {report.gaps.length === 0 ? (
          <p>{t('an.report.noGaps')}</p>
        ) : (
          <ol className="an-discuss__list">
            {report.gaps.map((g) => (
              <li key={`${g.careItem}-${g.serviceType}-${g.municipalityCode}`}>{g.text}</li>
            ))}
          </ol>
        )}
      </section>
      <section className="section an-report__changes" aria-labelledby="rep-changes">
        <h2 className="section__title" id="rep-changes">
          {t('an.report.changes')}
        </h2>
        {report.changes.sinceKind === 'none' || !report.changes.since ? (
          <p>{t('an.report.changesSince.none')}</p>
        ) : (
          <CompareTable
            data={{ rows: report.changes.rows, a: report.changes.since, b: report.asOf }}
            caption={t(report.changes.sinceKind === 'report' ? 'an.report.changesSince.report' : 'an.report.changesSince.snapshot', { since: report.changes.since })}
          />
        )}
      </section>
      {report.sections.map((s, i) => {
        const q = sections[i]!;
        return (
          <section key={s} className="section an-section an-report__section" aria-labelledby={`rep-sec-${s}`}>
            <h2 className="section__title" id={`rep-sec-${s}`}>
              {q.data?.title ?? s}
            </h2>
            {q.isPending ? <LoadingState /> : null}
            {q.error ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : null}
            {q.data ? <SectionFigures data={q.data} print /> : null}
          </section>
        );
      })}
    </article>
  );
}
