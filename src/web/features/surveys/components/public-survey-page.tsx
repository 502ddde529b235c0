// /public/surveys/:token — the personal or single-use link from the e-mail or the QR code at
// the venue. No sign-in; made for a phone.
import { Alert } from '../../../components/ui/alert';
import { PageHeader, useDocumentTitle } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { usePublicSurvey } from '../api/get-public-survey';
import { useSubmitPublicResponse } from '../api/submit-public-response';
import { AnswerForm } from './answer-form';

export function PublicSurveyPage({ token }: { token: string }) {
  const t = useT();
  const survey = usePublicSurvey(token);
  const submit = useSubmitPublicResponse(token);
  useDocumentTitle(survey.data?.title ?? t('sv.title'));
  if (survey.isPending) return <LoadingState />;
  if (survey.error) return <ErrorState error={survey.error} />;
  const s = survey.data;
  return (
    <div className="page page--narrow public-page">
      <PageHeader title={s.title} lead={s.eventTitle ?? undefined} />
      {submit.isSuccess ? (
        <Alert tone="success" title={t('sv.thanks')}>
          <p>{t('sv.thanksPublic')}</p>
        </Alert>
      ) : (
        <>
          {s.description ? <p className="pre-wrap">{s.description}</p> : null}
          <p className="muted">{s.isAnonymous ? t('sv.anonymousNote') : t('sv.namedNote')}</p>
          <AnswerForm formId="public-survey" questions={s.questions} asksRespondent={s.asksRespondent} onSubmit={(input) => submit.mutateAsync(input)} isPending={submit.isPending} />
        </>
      )}
    </div>
  );
}
