// /surveys/:id — a member answers (once). The in-app notice of an invitation links here.
import { Link } from '@tanstack/react-router';
import { Alert } from '../../../components/ui/alert';
import { PageHeader, useDocumentTitle } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { useSurvey } from '../api/get-survey';
import { useSubmitResponse } from '../api/submit-response';
import { AnswerForm } from './answer-form';

export function SurveyAnswerPage({ surveyId }: { surveyId: string }) {
  const t = useT();
  const survey = useSurvey(surveyId);
  const submit = useSubmitResponse(surveyId);
  useDocumentTitle(survey.data?.title ?? t('sv.title'));
  if (survey.isPending) return <LoadingState />;
  if (survey.error) return <ErrorState error={survey.error} />;
  const s = survey.data;
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/surveys">{t('sv.backToList')}</Link>
      </p>
      <PageHeader title={s.title} lead={s.eventTitle ?? undefined} />
      {s.description ? <p className="pre-wrap">{s.description}</p> : null}
      {submit.isSuccess || s.responded ? (
        <Alert tone="success" title={t('sv.thanks')}>
          <p>{t('sv.thanksBody')}</p>
        </Alert>
      ) : s.status !== 'open' ? (
        <Alert tone="info" role="none" title={t('sv.notOpen')} />
      ) : (
        <>
          <p className="muted">{s.isAnonymous ? t('sv.anonymousNote') : t('sv.namedNote')}</p>
          <AnswerForm formId="answer-survey" questions={s.questions} onSubmit={(input) => submit.mutateAsync(input)} isPending={submit.isPending} />
        </>
      )}
    </div>
  );
}
