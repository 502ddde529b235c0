// /analytics/reports: the council report builder (area, as-of date, period, sections) and the
// reports made so far. Creating one opens its print view (/analytics/reports/$id), which has the
// PDF from the API and the browser's A4 print.
import { Link, useNavigate } from '@tanstack/react-router';
import { Controller } from 'react-hook-form';
import { ANALYTICS_SECTIONS, ANALYTICS_SECTION_LABELS, CreateReportSchema } from '../../../../shared/contracts/analytics';
import { Button } from '../../../components/ui/button';
import { DataTable, type Column } from '../../../components/ui/data-table';
import { DateTime } from '../../../components/ui/date-time';
import { CheckboxGroup, SelectField, TextField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { PageHeader, Section, useDocumentTitle } from '../../../components/ui/page';
import { hasPermission, useMe } from '../../auth';
import { useT } from '../../../i18n/i18n';
import { contractLabel, emptyToUndefined, fieldId, useFormErrors, useZodForm } from '../../../lib/forms';
import { useCreateReport } from '../api/create-report';
import { useReports, type ReportListItem } from '../api/list-reports';
import { AnalyticsNav } from './analytics-nav';
import { areaLabel, areaOptions } from './area-options';

export function ReportsPage() {
  const t = useT();
  useDocumentTitle(t('an.report.title'));
  const me = useMe();
  const reports = useReports();
  const columns: Column<ReportListItem>[] = [
    {
      key: 'title',
      header: t('an.report.colTitle'),
      isRowHeader: true,
      cell: (r) => (
        <Link to="/analytics/reports/$reportId" params={{ reportId: r.id }}>
          {r.title}
        </Link>
      ),
    },
    { key: 'area', header: t('an.report.colArea'), cell: (r) => r.area.label },
    { key: 'asOf', header: t('an.report.colAsOf'), className: 'nowrap', cell: (r) => <DateTime value={r.asOf} /> },
    {
      key: 'created',
      header: t('an.report.colCreated'),
      cell: (r) => (
        <>
          <DateTime value={r.createdAt} /> {r.createdByName}
        </>
      ),
    },
    {
      key: 'pdf',
      header: t('an.report.colPdf'),
      cell: (r) => (
        <a href={r.pdfUrl} download aria-label={t('an.report.pdfOf', { title: r.title })}>
          {t('an.report.colPdf')}
        </a>
      ),
    },
  ];
  return (
    <>
      <AnalyticsNav />
      <div className="page an-page">
        <PageHeader title={t('an.report.title')} lead={t('an.report.intro')} />
        {hasPermission(me, 'create:analytics-report') ? <ReportBuilder /> : null}
        <Section title={t('an.report.previous')} id="reports">
          <DataTable
            caption={t('an.report.previousCaption')}
            columns={columns}
            rows={reports.data?.items ?? []}
            rowKey={(r) => r.id}
            isLoading={reports.isPending}
            error={reports.error}
            onRetry={() => void reports.refetch()}
          />
        </Section>
      </div>
    </>
  );
}

function ReportBuilder() {
  const t = useT();
  const navigate = useNavigate();
  const formId = 'council-report';
  const create = useCreateReport();
  const form = useZodForm(CreateReportSchema, { defaultValues: { area: 'region', sections: [...ANALYTICS_SECTIONS] } });
  const label = (k: 'title' | 'area' | 'asOf' | 'from' | 'to' | 'sections') => contractLabel(CreateReportSchema, k);
  const errors = useFormErrors(form, formId, [
    { name: 'title', label: label('title') },
    { name: 'area', label: label('area') },
    { name: 'asOf', label: label('asOf') },
    { name: 'from', label: label('from') },
    { name: 'to', label: label('to') },
    { name: 'sections', label: label('sections') },
  ]);
  const fe = form.formState.errors;
  const area = form.watch('area');
  const onSubmit = errors.submit(form.handleSubmit, async (input) => {
    const report = await create.mutateAsync(input);
    await navigate({ to: '/analytics/reports/$reportId', params: { reportId: report.id } });
  });
  const opt = { setValueAs: emptyToUndefined };
  return (
    <Section title={t('an.report.builder')} id="builder">
      <form id={formId} className="form an-builder" noValidate onSubmit={onSubmit}>
        <FormErrorSummary id={`${formId}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />
        <TextField id={fieldId(formId, 'title')} label={t('an.report.name')} description={t('an.report.nameHint', { area: areaLabel(area, t) })} error={fe.title?.message} {...form.register('title', opt)} />
        <SelectField id={fieldId(formId, 'area')} label={t('an.area')} options={areaOptions(t)} isRequired error={fe.area?.message} {...form.register('area')} />
        <TextField id={fieldId(formId, 'asOf')} type="date" label={t('an.asOf')} description={t('an.asOfHint')} error={fe.asOf?.message} {...form.register('asOf', opt)} />
        <TextField id={fieldId(formId, 'from')} type="date" label={t('an.from')} description={t('an.periodHint')} error={fe.from?.message} {...form.register('from', opt)} />
        <TextField id={fieldId(formId, 'to')} type="date" label={t('an.to')} error={fe.to?.message} {...form.register('to', opt)} />
        <Controller
          control={form.control}
          name="sections"
          render={({ field }) => (
            <CheckboxGroup
              id={fieldId(formId, 'sections')}
              name={field.name}
              label={t('an.report.sections')}
              isRequired
              options={ANALYTICS_SECTIONS.map((s) => ({ value: s, label: ANALYTICS_SECTION_LABELS[s] }))}
              value={field.value ?? []}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={fe.sections?.message}
            />
          )}
        />
        <div className="form__actions">
          <Button type="submit" isPending={form.formState.isSubmitting} pendingText={t('an.report.creating')}>
            {t('an.report.create')}
          </Button>
        </div>
      </form>
    </Section>
  );
}
