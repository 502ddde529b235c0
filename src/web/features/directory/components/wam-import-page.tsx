// /directory/wam-import: admins upload the official WAM NET open-data CSV files (issue #3 §5).
// The server detects the encoding, upserts keyed on (事業所番号, service type), never touches
// what offices maintain (capabilities, vacancy), and changes nothing when a row is malformed
// unless "import the valid rows" is ticked. The report lists each rejection (file, line, column).
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Checkbox, TextField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { PageHeader, Section, useDocumentTitle } from '../../../components/ui/page';
import { useT } from '../../../i18n/i18n';
import { problemOf } from '../../../lib/api-client';
import { useImportWam, type WamImportReport, type WamProgress } from '../api/import-wam';

export function WamImportPage() {
  const t = useT();
  useDocumentTitle(t('dir.wam.title'));
  const upload = useImportWam();
  const [files, setFiles] = useState<File[]>([]);
  const [munis, setMunis] = useState('');
  const [allowRejections, setAllowRejections] = useState(false);
  const [dryRun, setDryRun] = useState(true);
  const [fileError, setFileError] = useState<string | null>(null);
  const problem = problemOf(upload.error);
  const muniError = problem?.errors?.find((e) => e.field === 'municipality' || e.field.startsWith('municipality.'))?.message;
  return (
    <div className="page">
      <PageHeader title={t('dir.wam.title')} lead={t('dir.wam.intro')} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (files.length === 0) return setFileError(t('dir.wam.noFile'));
          setFileError(null);
          upload.mutate({ files, municipality: munis.split(/[,、\s]+/u).filter(Boolean), allowRejections, dryRun });
        }}
      >
        {problem ? <FormErrorSummary problem={problem} items={(problem.errors ?? []).map((e) => ({ field: e.field, label: e.label, message: e.message }))} focusKey={upload.failureCount} /> : null}
        <TextField
          label={t('dir.wam.files')}
          description={t('dir.wam.filesHint')}
          type="file"
          accept=".csv,text/csv"
          multiple
          error={fileError ?? undefined}
          onChange={(e) => setFiles(Array.from(e.currentTarget.files ?? []))}
        />
        <TextField label={t('dir.wam.municipality')} description={t('dir.wam.municipalityHint')} value={munis} inputMode="numeric" onChange={(e) => setMunis(e.currentTarget.value)} error={muniError} />
        <Checkbox label={t('dir.wam.dryRun')} checked={dryRun} onChange={(e) => setDryRun(e.currentTarget.checked)} />
        <Checkbox label={t('dir.wam.allowRejections')} checked={allowRejections} onChange={(e) => setAllowRejections(e.currentTarget.checked)} />
        <Button type="submit" isPending={upload.isPending}>
          {dryRun ? t('dir.wam.check') : t('dir.wam.import')}
        </Button>
        {upload.isPending ? <WamProgressView progress={upload.progress} /> : null}
      </form>
      {upload.data ? <WamReport report={upload.data} /> : null}
    </div>
  );
}

/** Sending the files, then the rows the server has read (it reports every 1,000 rows). */
function WamProgressView({ progress }: { progress: WamProgress | null }) {
  const t = useT();
  const [value, max, text] =
    progress?.phase === 'import'
      ? [progress.rows, progress.totalRows, t('dir.wam.progressRows', { rows: progress.rows.toLocaleString('ja-JP'), total: progress.totalRows.toLocaleString('ja-JP') })]
      : progress?.phase === 'upload' && progress.total > 0
        ? [progress.loaded, progress.total, t('dir.wam.progressUpload', { percent: Math.floor((100 * progress.loaded) / progress.total) })]
        : [undefined, undefined, t('dir.wam.running')];
  return (
    <div className="wam-progress">
      <progress aria-label={t('dir.wam.progressLabel')} value={value} max={max || undefined} />
      <p role="status" aria-live="polite">
        {text}
      </p>
    </div>
  );
}

function WamReport({ report }: { report: WamImportReport }) {
  const t = useT();
  const tone = report.status === 'failed' ? 'error' : report.status === 'dry_run' ? 'info' : 'success';
  return (
    <Section title={t('dir.wam.report')}>
      <Alert tone={tone} role="status">
        {t(report.status === 'failed' ? 'dir.wam.failed' : report.status === 'dry_run' ? 'dir.wam.dryRunDone' : 'dir.wam.succeeded')}
        {report.error ? ` ${report.error}` : ''}
      </Alert>
      <dl className="dl">
        <dt>{t('dir.wam.inserted')}</dt>
        <dd>{report.inserted}</dd>
        <dt>{t('dir.wam.updated')}</dt>
        <dd>{report.updated}</dd>
        <dt>{t('dir.wam.unchanged')}</dt>
        <dd>{report.unchanged}</dd>
        <dt>{t('dir.wam.rejected')}</dt>
        <dd>{report.rejected}</dd>
        <dt>{t('dir.wam.skipped')}</dt>
        <dd>{report.skipped}</dd>
        <dt>{t('dir.wam.offices')}</dt>
        <dd>{t('dir.wam.officesValue', { inserted: report.officesInserted, updated: report.officesUpdated })}</dd>
      </dl>
      <div className="table-wrap">
        <table className="table">
          <caption>{t('dir.wam.filesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dir.wam.file')}</th>
              <th scope="col">{t('dir.wam.encoding')}</th>
              <th scope="col">{t('dir.serviceType')}</th>
              <th scope="col">{t('dir.wam.rows')}</th>
            </tr>
          </thead>
          <tbody>
            {report.files.map((f) => (
              <tr key={f.file}>
                <td>{f.file}</td>
                <td>{f.encoding}</td>
                <td>{f.serviceType ?? '—'}</td>
                <td>{f.rows}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.rejections.length ? (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('dir.wam.rejections')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dir.wam.file')}</th>
                <th scope="col">{t('dir.wam.line')}</th>
                <th scope="col">{t('dir.wam.column')}</th>
                <th scope="col">{t('dir.wam.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {report.rejections.map((r, i) => (
                <tr key={`${r.file}-${r.line}-${i}`}>
                  <td>{r.file}</td>
                  <td>{r.line}</td>
                  <td>{r.column ?? '—'}</td>
                  <td>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Section>
  );
}
