// Code-based routes. Everything but /sign-in sits under the pathless `app` route, whose guard
// loads the account (401 → /sign-in?redirect=…) and holds accounts that must enrol two-factor
// at /account/2fa.
import type { QueryClient } from '@tanstack/react-query';
import { Outlet, createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, redirect, useRouter } from '@tanstack/react-router';
import { z } from 'zod';
import { AnalyticsQuerySchema, AreaSchema, MonthSchema } from '../../shared/contracts/analytics';
import { AuditQuerySchema } from '../../shared/contracts/audit';
import { ConsultationListQuerySchema } from '../../shared/contracts/consultations';
import { EVENT_KINDS, PARTICIPANT_ROLES, RegistrationListQuerySchema } from '../../shared/contracts/events';
import { GlossaryListQuerySchema } from '../../shared/contracts/glossary';
import { ResultsQuerySchema, SurveyListQuerySchema } from '../../shared/contracts/surveys';
import { PeopleListQuerySchema } from '../../shared/contracts/people';
import { ReferralCaseListQuerySchema, StatsQuerySchema } from '../../shared/contracts/referrals';
import { ClientListQuerySchema } from '../../shared/contracts/clients';
import { PLAN_STATUSES } from '../../shared/contracts/evacuation';
import { OfficeListQuerySchema } from '../../shared/contracts/region';
import { DirectorySearchQuerySchema } from '../../shared/contracts/directory';
import { UserListQuerySchema } from '../../shared/contracts/users';
import { SignInPage, hasPermission, meQueryOptions, useMe } from '../features/auth';
import { useHealth } from '../features/platform';
import { isApiError } from '../lib/api-client';
import { AppShell } from './layout/app-shell';
import { NetworkLayout } from './layout/network-layout';
import { PublicLayout } from './layout/public-layout';
import { HomePage } from './pages/home-page';
import { ErrorPage, NotFoundPage } from './pages/status-pages';
import { RequirePermission } from './require-permission';
import { parseSearch, safeRedirect, searchValidator, stringifySearch } from './search-params';
import { rememberSignInNotice } from './session-events';
import { LoadingState } from '../components/ui/query-state';

// Signed-in screens load on demand (and are preloaded when a link is hovered or focused), so
// the sign-in page stays small on a phone.
const AccountPage = lazyRouteComponent(() => import('../features/auth/pages'), 'AccountPage');
const TwoFactorRequiredPage = lazyRouteComponent(() => import('../features/auth/pages'), 'TwoFactorRequiredPage');
const UsersPage = lazyRouteComponent(() => import('../features/admin'), 'UsersPage');
const OfficesPage = lazyRouteComponent(() => import('../features/admin'), 'OfficesPage');
const OrganizationsPage = lazyRouteComponent(() => import('../features/admin'), 'OrganizationsPage');
const MunicipalitiesPage = lazyRouteComponent(() => import('../features/admin'), 'MunicipalitiesPage');
const AuditPage = lazyRouteComponent(() => import('../features/audit'), 'AuditPage');
const EventsPage = lazyRouteComponent(() => import('../features/events'), 'EventsPage');
const EventDetailPage = lazyRouteComponent(() => import('../features/events'), 'EventDetailPage');
const EventFormPage = lazyRouteComponent(() => import('../features/events'), 'EventFormPage');
const RegistrationsPage = lazyRouteComponent(() => import('../features/events'), 'RegistrationsPage');
const GroupsPage = lazyRouteComponent(() => import('../features/events'), 'GroupsPage');
const PublicEventPage = lazyRouteComponent(() => import('../features/events'), 'PublicEventPage');
const PublicCancelPage = lazyRouteComponent(() => import('../features/events'), 'PublicCancelPage');
const SurveysPage = lazyRouteComponent(() => import('../features/surveys'), 'SurveysPage');
const SurveyBuilderPage = lazyRouteComponent(() => import('../features/surveys'), 'SurveyBuilderPage');
const SurveyAnswerPage = lazyRouteComponent(() => import('../features/surveys'), 'SurveyAnswerPage');
const SurveyResultsPage = lazyRouteComponent(() => import('../features/surveys'), 'SurveyResultsPage');
const ComparePage = lazyRouteComponent(() => import('../features/surveys'), 'ComparePage');
const IndicatorsPage = lazyRouteComponent(() => import('../features/surveys'), 'IndicatorsPage');
const IndicatorManagePage = lazyRouteComponent(() => import('../features/surveys'), 'IndicatorManagePage');
const PublicSurveyPage = lazyRouteComponent(() => import('../features/surveys'), 'PublicSurveyPage');
const ConsultationsPage = lazyRouteComponent(() => import('../features/consultations'), 'ConsultationsPage');
const NewConsultationPage = lazyRouteComponent(() => import('../features/consultations'), 'NewConsultationPage');
const ConsultationPage = lazyRouteComponent(() => import('../features/consultations'), 'ConsultationPage');
const KnowledgeBasePage = lazyRouteComponent(() => import('../features/consultations'), 'KnowledgeBasePage');
const GlossaryPage = lazyRouteComponent(() => import('../features/glossary'), 'GlossaryPage');
const TermPage = lazyRouteComponent(() => import('../features/glossary'), 'TermPage');
const TermFormPage = lazyRouteComponent(() => import('../features/glossary'), 'TermFormPage');
const PeoplePage = lazyRouteComponent(() => import('../features/people'), 'PeoplePage');
const PersonPage = lazyRouteComponent(() => import('../features/people'), 'PersonPage');
const PersonEditPage = lazyRouteComponent(() => import('../features/people'), 'PersonEditPage');
const CasesPage = lazyRouteComponent(() => import('../features/referrals'), 'CasesPage');
const IntakePage = lazyRouteComponent(() => import('../features/referrals'), 'IntakePage');
const CasePage = lazyRouteComponent(() => import('../features/referrals'), 'CasePage');
const CaseEditPage = lazyRouteComponent(() => import('../features/referrals'), 'CaseEditPage');
const StatsPage = lazyRouteComponent(() => import('../features/referrals'), 'StatsPage');
const recordPages = () => import('./pages/client-record-pages');
const ClientsPage = lazyRouteComponent(recordPages, 'ClientsPage');
const ClientRecordLayout = lazyRouteComponent(recordPages, 'ClientRecordLayout');
const ProfileTab = lazyRouteComponent(recordPages, 'ProfileTab');
const MedicalTab = lazyRouteComponent(recordPages, 'MedicalTab');
const TeamTab = lazyRouteComponent(recordPages, 'TeamTab');
const TimelineTab = lazyRouteComponent(recordPages, 'TimelineTab');
const ClientAssessmentPage = lazyRouteComponent(recordPages, 'ClientAssessmentPage');
const ClientPlanPage = lazyRouteComponent(recordPages, 'ClientPlanPage');
const ClientEvacuationPage = lazyRouteComponent(recordPages, 'ClientEvacuationPage');
const ClientMonitoringPage = lazyRouteComponent(recordPages, 'ClientMonitoringPage');
const ClientConferencesPage = lazyRouteComponent(recordPages, 'ClientConferencesPage');
const ClientOutputsPage = lazyRouteComponent(recordPages, 'ClientOutputsPage');
const CareScorePage = lazyRouteComponent(recordPages, 'CareScorePage');
const PlansDashboardPage = lazyRouteComponent(recordPages, 'PlansDashboardPage');
const EvacuationHomePage = lazyRouteComponent(() => import('../features/evacuation'), 'EvacuationHomePage');
const SimulationPage = lazyRouteComponent(() => import('../features/evacuation'), 'SimulationPage');
const RegistersPage = lazyRouteComponent(() => import('../features/evacuation'), 'RegistersPage');
const CityPlanPage = lazyRouteComponent(() => import('../features/evacuation'), 'CityPlanPage');
const DirectoryPage = lazyRouteComponent(() => import('../features/directory'), 'DirectoryPage');
const OfficePage = lazyRouteComponent(() => import('../features/directory'), 'OfficePage');
const MatrixPage = lazyRouteComponent(() => import('../features/directory'), 'MatrixPage');
const AnalyticsDashboardPage = lazyRouteComponent(() => import('../features/analytics'), 'DashboardPage');
const AnalyticsTrendsPage = lazyRouteComponent(() => import('../features/analytics'), 'TrendsPage');
const AnalyticsReportsPage = lazyRouteComponent(() => import('../features/analytics'), 'ReportsPage');
const AnalyticsReportPage = lazyRouteComponent(() => import('../features/analytics'), 'ReportPage');
const WamImportPage = lazyRouteComponent(() => import('../features/directory'), 'WamImportPage');

export interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: () => (
    <PublicLayout>
      <NotFoundPage />
    </PublicLayout>
  ),
  errorComponent: ({ error, reset }) => (
    <PublicLayout>
      <ErrorPage error={error} reset={reset} />
    </PublicLayout>
  ),
});

// --- Signed out -------------------------------------------------------------------------

const SignInSearchSchema = z.object({
  reason: z.enum(['expired', 'signed-out', 'required']).optional().catch(undefined),
  redirect: z.string().max(2000).optional().catch(undefined),
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (raw: Record<string, unknown>) => SignInSearchSchema.parse(raw),
  beforeLoad: async ({ context, search }) => {
    // Already signed in? Ask only if the guard has not just been told "no" (a 401).
    if (context.queryClient.getQueryState(meQueryOptions.queryKey)?.status === 'error') return;
    const me = await context.queryClient.fetchQuery(meQueryOptions).catch(() => null);
    if (me) throw redirect({ href: safeRedirect(search.redirect) });
  },
  component: SignInRoute,
});

function SignInRoute() {
  const search = signInRoute.useSearch();
  const router = useRouter();
  const health = useHealth();
  return (
    <PublicLayout>
      <SignInPage reason={search.reason} demoMode={health.data?.demoMode} onSignedIn={() => void router.navigate({ href: safeRedirect(search.redirect) })} />
    </PublicLayout>
  );
}

// --- Public links (no sign-in): event registration, survey answers, cancelling ------------

const publicEventRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/public/events/$token',
  component: function PublicEventRoute() {
    const { token } = publicEventRoute.useParams();
    return (
      <PublicLayout>
        <PublicEventPage token={token} />
      </PublicLayout>
    );
  },
});

const publicSurveyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/public/surveys/$token',
  component: function PublicSurveyRoute() {
    const { token } = publicSurveyRoute.useParams();
    return (
      <PublicLayout>
        <PublicSurveyPage token={token} />
      </PublicLayout>
    );
  },
});

const publicCancelRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/public/registrations/cancel',
  validateSearch: searchValidator(z.object({ token: z.string().min(10).max(100) })),
  component: function PublicCancelRoute() {
    const { token } = publicCancelRoute.useSearch();
    return (
      <PublicLayout>
        <PublicCancelPage token={token} />
      </PublicLayout>
    );
  },
});

// --- Signed in --------------------------------------------------------------------------

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    let twoFactorRequired: boolean;
    try {
      twoFactorRequired = (await context.queryClient.ensureQueryData(meQueryOptions)).twoFactorRequired;
    } catch (error) {
      if (isApiError(error) && error.status === 401) {
        rememberSignInNotice(error.problem);
        throw redirect({ to: '/sign-in', search: { redirect: location.href === '/' ? undefined : location.href } });
      }
      throw error;
    }
    if (twoFactorRequired && location.pathname !== '/account/2fa') throw redirect({ to: '/account/2fa' });
  },
  component: AppShell,
  errorComponent: ({ error, reset }) => (
    <PublicLayout>
      <ErrorPage error={error} reset={reset} />
    </PublicLayout>
  ),
});

const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: HomePage });
const accountRoute = createRoute({ getParentRoute: () => appRoute, path: '/account', component: AccountPage });
const twoFactorRoute = createRoute({ getParentRoute: () => appRoute, path: '/account/2fa', component: TwoFactorRoute });

function TwoFactorRoute() {
  const router = useRouter();
  return <TwoFactorRequiredPage onEnrolled={() => void router.navigate({ to: '/' })} />;
}

// --- 地域資源 (regional resource directory): issue #3 -------------------------------------

const directoryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/directory',
  validateSearch: searchValidator(DirectorySearchQuerySchema),
  component: function DirectoryRoute() {
    const filters = directoryRoute.useSearch();
    const navigate = directoryRoute.useNavigate();
    return <DirectoryPage filters={filters} onFiltersChange={(search, replace) => void navigate({ search, replace })} />;
  },
});

const directoryMatrixRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/directory/matrix',
  validateSearch: searchValidator(z.object({ service: z.string().max(40).optional() })),
  component: function DirectoryMatrixRoute() {
    const { service } = directoryMatrixRoute.useSearch();
    const navigate = directoryMatrixRoute.useNavigate();
    return <MatrixPage serviceType={service} onServiceTypeChange={(code) => void navigate({ search: { service: code }, replace: true })} />;
  },
});

const directoryWamImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/directory/wam-import',
  component: function DirectoryWamImportRoute() {
    return (
      <RequirePermission permission="import:directory">
        <WamImportPage />
      </RequirePermission>
    );
  },
});

const directoryOfficeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/directory/$officeId',
  component: function DirectoryOfficeRoute() {
    const { officeId } = directoryOfficeRoute.useParams();
    return <OfficePage officeId={officeId} />;
  },
});

// --- 人材 (people registry) and ケース (intake, matching, referral): issue #4 ---------------

const peopleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/people',
  validateSearch: searchValidator(PeopleListQuerySchema),
  component: function PeopleRoute() {
    const filters = peopleRoute.useSearch();
    const navigate = peopleRoute.useNavigate();
    return (
      <RequirePermission permission="read:people">
        <PeoplePage filters={filters} onFiltersChange={(search) => void navigate({ search })} />
      </RequirePermission>
    );
  },
});

const personRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/people/$userId',
  component: function PersonRoute() {
    const { userId } = personRoute.useParams();
    return (
      <RequirePermission permission="read:people">
        <PersonPage userId={userId} />
      </RequirePermission>
    );
  },
});

const personEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/people/$userId/edit',
  component: function PersonEditRoute() {
    const { userId } = personEditRoute.useParams();
    return <PersonEditPage userId={userId} />;
  },
});

const casesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases',
  validateSearch: searchValidator(ReferralCaseListQuerySchema),
  component: function CasesRoute() {
    const filters = casesRoute.useSearch();
    const navigate = casesRoute.useNavigate();
    return <CasesPage filters={filters} onFiltersChange={(search) => void navigate({ search })} />;
  },
});

const intakeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/new',
  component: function IntakeRoute() {
    return (
      <RequirePermission permission="create:referral-case">
        <IntakePage />
      </RequirePermission>
    );
  },
});

const statsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/stats',
  validateSearch: searchValidator(StatsQuerySchema),
  component: function StatsRoute() {
    const filters = statsRoute.useSearch();
    const navigate = statsRoute.useNavigate();
    return (
      <RequirePermission permission="read:referral-stats">
        <StatsPage filters={filters} onFiltersChange={(search) => void navigate({ search })} />
      </RequirePermission>
    );
  },
});

const caseRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/$caseId',
  component: function CaseRoute() {
    const { caseId } = caseRoute.useParams();
    return (
      <RequirePermission permission="read:referral-case">
        <CasePage caseId={caseId} />
      </RequirePermission>
    );
  },
});
// --- 防災 (個別避難計画, outage simulation, registers): issue #7 ------------------------------

const evacuationRoute = createRoute({ getParentRoute: () => appRoute, path: '/evacuation', component: EvacuationHomePage });

const evacuationSimulationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/evacuation/simulation',
  component: function EvacuationSimulationRoute() {
    return (
      <RequirePermission permission="simulate:evacuation">
        <SimulationPage />
      </RequirePermission>
    );
  },
});

const evacuationRegistersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/evacuation/registers',
  validateSearch: searchValidator(z.object({ status: z.enum(PLAN_STATUSES).optional() })),
  component: function EvacuationRegistersRoute() {
    const { status } = evacuationRegistersRoute.useSearch();
    const navigate = evacuationRegistersRoute.useNavigate();
    return (
      <RequirePermission permission="read:evacuation-register">
        <RegistersPage status={status} onStatusChange={(next) => void navigate({ search: { status: next }, replace: true })} />
      </RequirePermission>
    );
  },
});

const evacuationClientRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/evacuation/clients/$clientId',
  component: function EvacuationClientRoute() {
    const { clientId } = evacuationClientRoute.useParams();
    return (
      <RequirePermission permission="read:evacuation-plan">
        <CityPlanPage clientId={clientId} />
      </RequirePermission>
    );
  },
});

const caseEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/$caseId/edit',
  component: function CaseEditRoute() {
    const { caseId } = caseEditRoute.useParams();
    return (
      <RequirePermission permission="create:referral-case">
        <CaseEditPage caseId={caseId} />
      </RequirePermission>
    );
  },
});

// --- 分析 (council analytics): issue #8 ---------------------------------------------------

const analyticsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/analytics',
  validateSearch: searchValidator(AnalyticsQuerySchema.partial()),
  component: function AnalyticsRoute() {
    const filters = analyticsRoute.useSearch();
    const navigate = analyticsRoute.useNavigate();
    return (
      <RequirePermission permission="read:analytics">
        <AnalyticsDashboardPage filters={filters} onFiltersChange={(search) => void navigate({ search })} />
      </RequirePermission>
    );
  },
});

const analyticsTrendsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/analytics/trends',
  validateSearch: searchValidator(z.object({ area: AreaSchema.optional(), metrics: z.string().max(1000).optional(), from: MonthSchema.optional(), to: MonthSchema.optional(), a: MonthSchema.optional(), b: MonthSchema.optional() })),
  component: function AnalyticsTrendsRoute() {
    const search = analyticsTrendsRoute.useSearch();
    const navigate = analyticsTrendsRoute.useNavigate();
    return (
      <RequirePermission permission="read:analytics">
        <AnalyticsTrendsPage search={search} onSearchChange={(next) => void navigate({ search: next })} />
      </RequirePermission>
    );
  },
});

const analyticsReportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/analytics/reports',
  component: () => (
    <RequirePermission permission="read:analytics">
      <AnalyticsReportsPage />
    </RequirePermission>
  ),
});

const analyticsReportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/analytics/reports/$reportId',
  component: function AnalyticsReportRoute() {
    const { reportId } = analyticsReportRoute.useParams();
    return (
      <RequirePermission permission="read:analytics">
        <AnalyticsReportPage reportId={reportId} />
      </RequirePermission>
    );
  },
});

// --- 研修・会議 (network activities): events, surveys, indicators, consultations, glossary --

const networkRoute = createRoute({ getParentRoute: () => appRoute, id: 'network', component: NetworkLayout });

function useCan(...permissions: string[]) {
  const me = useMe();
  return permissions.map((p) => hasPermission(me, p));
}

const EventsSearchSchema = z.object({
  view: z.enum(['list', 'calendar']).optional(),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(),
  period: z.enum(['upcoming', 'year', 'all']).optional(),
  q: z.string().max(100).optional(),
  kind: z.enum(EVENT_KINDS).optional(),
  mine: z.enum(['true', 'false']).optional(),
});

const eventsRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: '/events',
  validateSearch: searchValidator(EventsSearchSchema),
  component: function EventsRoute() {
    const search = eventsRoute.useSearch();
    const navigate = eventsRoute.useNavigate();
    const [canManage] = useCan('manage:events');
    return <EventsPage search={search} onSearchChange={(next) => void navigate({ search: next })} canManage={canManage!} />;
  },
});

const newEventRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: '/events/new',
  component: () => (
    <RequirePermission permission="manage:events">
      <EventFormPage />
    </RequirePermission>
  ),
});

const eventRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: '/events/$eventId',
  component: function EventRoute() {
    const { eventId } = eventRoute.useParams();
    const [manage, register, stats] = useCan('manage:events', 'register:events', 'read:event-stats');
    return <EventDetailPage eventId={eventId} can={{ manage: manage!, register: register!, stats: stats! }} />;
  },
});

const editEventRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: '/events/$eventId/edit',
  component: function EditEventRoute() {
    const { eventId } = editEventRoute.useParams();
    return (
      <RequirePermission permission="manage:events">
        <EventFormPage eventId={eventId} />
      </RequirePermission>
    );
  },
});

const registrationsRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: '/events/$eventId/registrations',
  validateSearch: searchValidator(RegistrationListQuerySchema),
  component: function RegistrationsRoute() {
    const { eventId } = registrationsRoute.useParams();
    const filters = registrationsRoute.useSearch();
    const navigate = registrationsRoute.useNavigate();
    return (
      <RequirePermission permission="manage:events">
        <RegistrationsPage eventId={eventId} filters={filters} onFiltersChange={(search) => void navigate({ search })} />
      </RequirePermission>
    );
  },
});

const groupsRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: '/events/$eventId/groups',
  component: function GroupsRoute() {
    const { eventId } = groupsRoute.useParams();
    const [canManage] = useCan('manage:events');
    return <GroupsPage eventId={eventId} canManage={canManage!} />;
  },
});

const surveysRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: '/surveys',
  validateSearch: searchValidator(SurveyListQuerySchema),
  component: function SurveysRoute() {
    const filters = surveysRoute.useSearch();
    const navigate = surveysRoute.useNavigate();
    const [manage, results, answer] = useCan('manage:surveys', 'read:survey-results', 'answer:surveys');
    return <SurveysPage filters={filters} onFiltersChange={(search) => void navigate({ search })} can={{ manage: manage!, results: results!, answer: answer! }} />;
  },
});

const newSurveyRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: '/surveys/new',
  validateSearch: searchValidator(z.object({ eventId: z.string().max(100).optional() })),
  component: function NewSurveyRoute() {
    const { eventId } = newSurveyRoute.useSearch();
    return (
      <RequirePermission permission="manage:surveys">
        <SurveyBuilderPage eventId={eventId} />
      </RequirePermission>
    );
  },
});

const compareRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: '/surveys/compare',
  validateSearch: searchValidator(z.object({ a: z.string().max(100).optional(), b: z.string().max(100).optional(), municipality: z.string().max(50).optional(), role: z.enum(PARTICIPANT_ROLES).optional() })),
  component: function CompareRoute() {
    const filters = compareRoute.useSearch();
    const navigate = compareRoute.useNavigate();
    return (
      <RequirePermission permission="read:survey-results">
        <ComparePage filters={filters} onFiltersChange={(search) => void navigate({ search })} />
      </RequirePermission>
    );
  },
});

const surveyRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: '/surveys/$surveyId',
  component: function SurveyRoute() {
    const { surveyId } = surveyRoute.useParams();
    return <SurveyAnswerPage surveyId={surveyId} />;
  },
});

const editSurveyRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: '/surveys/$surveyId/edit',
  component: function EditSurveyRoute() {
    const { surveyId } = editSurveyRoute.useParams();
    return (
      <RequirePermission permission="manage:surveys">
        <SurveyBuilderPage surveyId={surveyId} />
      </RequirePermission>
    );
  },
});

const resultsRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: '/surveys/$surveyId/results',
  validateSearch: searchValidator(ResultsQuerySchema),
  component: function ResultsRoute() {
    const { surveyId } = resultsRoute.useParams();
    const filters = resultsRoute.useSearch();
    const navigate = resultsRoute.useNavigate();
    return (
      <RequirePermission permission="read:survey-results">
        <SurveyResultsPage surveyId={surveyId} filters={filters} onFiltersChange={(search) => void navigate({ search })} />
      </RequirePermission>
    );
  },
});

const indicatorsRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: '/indicators',
  validateSearch: searchValidator(z.object({ indicator: z.string().max(100).optional(), municipality: z.string().max(50).optional(), role: z.enum(PARTICIPANT_ROLES).optional() })),
  component: function IndicatorsRoute() {
    const search = indicatorsRoute.useSearch();
    const navigate = indicatorsRoute.useNavigate();
    const [canManage] = useCan('manage:indicators');
    return (
      <RequirePermission permission="read:indicators">
        <IndicatorsPage search={search} onSearchChange={(next) => void navigate({ search: next })} canManage={canManage!} />
      </RequirePermission>
    );
  },
});

const indicatorManageRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: '/indicators/manage',
  component: () => (
    <RequirePermission permission="manage:indicators">
      <IndicatorManagePage />
    </RequirePermission>
  ),
});

const consultationsRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: '/consultations',
  validateSearch: searchValidator(ConsultationListQuerySchema),
  component: function ConsultationsRoute() {
    const filters = consultationsRoute.useSearch();
    const navigate = consultationsRoute.useNavigate();
    const [canAsk] = useCan('ask:consultations');
    return (
      <RequirePermission permission="read:consultations">
        <ConsultationsPage filters={filters} onFiltersChange={(search) => void navigate({ search })} canAsk={canAsk!} />
      </RequirePermission>
    );
  },
});

const newConsultationRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: '/consultations/new',
  component: () => (
    <RequirePermission permission="ask:consultations">
      <NewConsultationPage />
    </RequirePermission>
  ),
});

const consultationRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: '/consultations/$consultationId',
  component: function ConsultationRoute() {
    const { consultationId } = consultationRoute.useParams();
    const me = useMe();
    return (
      <RequirePermission permission="read:consultations">
        <ConsultationPage consultationId={consultationId} userId={me.id} />
      </RequirePermission>
    );
  },
});

const knowledgeBaseRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: '/knowledge-base',
  validateSearch: searchValidator(ConsultationListQuerySchema.omit({ status: true, mine: true })),
  component: function KnowledgeBaseRoute() {
    const filters = knowledgeBaseRoute.useSearch();
    const navigate = knowledgeBaseRoute.useNavigate();
    return (
      <RequirePermission permission="read:consultations">
        <KnowledgeBasePage filters={filters} onFiltersChange={(search) => void navigate({ search })} />
      </RequirePermission>
    );
  },
});

const glossaryRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: '/glossary',
  validateSearch: searchValidator(GlossaryListQuerySchema),
  component: function GlossaryRoute() {
    const filters = glossaryRoute.useSearch();
    const navigate = glossaryRoute.useNavigate();
    const [canEdit] = useCan('edit:glossary');
    return <GlossaryPage filters={filters} onFiltersChange={(search) => void navigate({ search })} canEdit={canEdit!} />;
  },
});

const newTermRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: '/glossary/new',
  component: () => (
    <RequirePermission permission="edit:glossary">
      <TermFormPage />
    </RequirePermission>
  ),
});

const termRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: '/glossary/$termId',
  component: function TermRoute() {
    const { termId } = termRoute.useParams();
    const [canEdit] = useCan('edit:glossary');
    return <TermPage termId={termId} canEdit={canEdit!} />;
  },
});

const editTermRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: '/glossary/$termId/edit',
  component: function EditTermRoute() {
    const { termId } = editTermRoute.useParams();
    return (
      <RequirePermission permission="edit:glossary">
        <TermFormPage termId={termId} />
      </RequirePermission>
    );
  },
});


// --- ケース記録 (client records) and 計画 (care management) -----------------------------------
// Records live under /clients (the ケース area at /cases is referral intake); the 計画 area at
// /plans is the consultant's dashboard of what is due across their clients.

const plansRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/plans',
  component: function PlansRoute() {
    return (
      <RequirePermission permission="read:client">
        <PlansDashboardPage />
      </RequirePermission>
    );
  },
});

const careScoreRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/care-score',
  component: function CareScoreRoute() {
    return (
      <RequirePermission permission="use:care-score">
        <CareScorePage />
      </RequirePermission>
    );
  },
});

const clientsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/clients',
  validateSearch: searchValidator(ClientListQuerySchema),
  component: function ClientsRoute() {
    const filters = clientsRoute.useSearch();
    const navigate = clientsRoute.useNavigate();
    return (
      <RequirePermission permission="read:client">
        <ClientsPage filters={filters} onFiltersChange={(search) => void navigate({ search })} />
      </RequirePermission>
    );
  },
});

const clientRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/clients/$clientId',
  component: function ClientRoute() {
    const { clientId } = clientRoute.useParams();
    return (
      <RequirePermission permission="read:client">
        <ClientRecordLayout clientId={clientId} />
      </RequirePermission>
    );
  },
});

const clientTab = <P extends string>(path: P, Page: (props: { clientId: string }) => React.ReactNode) =>
  createRoute({
    getParentRoute: () => clientRoute,
    path,
    component: function ClientTabRoute() {
      const { clientId } = clientRoute.useParams();
      return <Page clientId={clientId} />;
    },
  });

const clientProfileRoute = clientTab('/', ProfileTab);
const clientMedicalRoute = clientTab('medical', MedicalTab);
const clientTeamRoute = clientTab('team', TeamTab);
const clientTimelineRoute = clientTab('timeline', TimelineTab);
const clientAssessmentRoute = clientTab('assessment', ClientAssessmentPage);
const clientMonitoringRoute = clientTab('monitoring', ClientMonitoringPage);
const clientConferencesRoute = clientTab('conferences', ClientConferencesPage);
const clientOutputsRoute = clientTab('outputs', ClientOutputsPage);
const clientEvacuationRoute = clientTab('evacuation', ClientEvacuationPage);
const clientPlanRoute = createRoute({
  getParentRoute: () => clientRoute,
  path: 'plan',
  validateSearch: searchValidator(z.object({ planId: z.string().max(100).optional() })),
  component: function ClientPlanRoute() {
    const { clientId } = clientRoute.useParams();
    const { planId } = clientPlanRoute.useSearch();
    const navigate = clientPlanRoute.useNavigate();
    return <ClientPlanPage clientId={clientId} planId={planId} onSelectPlan={(id) => void navigate({ search: { planId: id }, replace: true })} />;
  },
});

const adminIndexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin',
  beforeLoad: () => {
    throw redirect({ to: '/admin/users' });
  },
});

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/users',
  validateSearch: searchValidator(UserListQuerySchema),
  component: function UsersRoute() {
    const filters = usersRoute.useSearch();
    const navigate = usersRoute.useNavigate();
    return (
      <RequirePermission permission="manage:users">
        <UsersPage filters={filters} onFiltersChange={(search) => void navigate({ search })} />
      </RequirePermission>
    );
  },
});

const officesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/offices',
  validateSearch: searchValidator(OfficeListQuerySchema),
  component: function OfficesRoute() {
    const filters = officesRoute.useSearch();
    const navigate = officesRoute.useNavigate();
    return (
      <RequirePermission permission="manage:region">
        <OfficesPage filters={filters} onFiltersChange={(search) => void navigate({ search })} />
      </RequirePermission>
    );
  },
});

const organizationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/organizations',
  validateSearch: searchValidator(z.object({ q: z.string().max(100).optional() })),
  component: function OrganizationsRoute() {
    const filters = organizationsRoute.useSearch();
    const navigate = organizationsRoute.useNavigate();
    return (
      <RequirePermission permission="manage:region">
        <OrganizationsPage filters={filters} onFiltersChange={(search) => void navigate({ search })} />
      </RequirePermission>
    );
  },
});

const municipalitiesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/municipalities',
  component: function MunicipalitiesRoute() {
    return (
      <RequirePermission permission="manage:region">
        <MunicipalitiesPage />
      </RequirePermission>
    );
  },
});

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/audit',
  validateSearch: searchValidator(AuditQuerySchema),
  component: function AuditRoute() {
    const filters = auditRoute.useSearch();
    const navigate = auditRoute.useNavigate();
    return (
      <RequirePermission permission="read:audit">
        <AuditPage filters={filters} onFiltersChange={(search) => void navigate({ search })} />
      </RequirePermission>
    );
  },
});

/** Unknown paths inside the app: a 404 page within the shell. */
const notFoundRoute = createRoute({ getParentRoute: () => appRoute, path: '$', component: NotFoundPage });

const routeTree = rootRoute.addChildren([
  signInRoute,
  publicEventRoute,
  publicSurveyRoute,
  publicCancelRoute,
  appRoute.addChildren([
    homeRoute,
    accountRoute,
    twoFactorRoute,
    directoryRoute,
    directoryMatrixRoute,
    directoryWamImportRoute,
    directoryOfficeRoute,
    peopleRoute,
    personRoute,
    personEditRoute,
    casesRoute,
    caseEditRoute,
    intakeRoute,
    statsRoute,
    caseRoute,
    plansRoute,
    careScoreRoute,
    clientsRoute,
    clientRoute.addChildren([
      clientProfileRoute,
      clientMedicalRoute,
      clientTeamRoute,
      clientTimelineRoute,
      clientAssessmentRoute,
      clientPlanRoute,
      clientMonitoringRoute,
      clientConferencesRoute,
      clientOutputsRoute,
      clientEvacuationRoute,
    ]),
    evacuationRoute,
    evacuationSimulationRoute,
    evacuationRegistersRoute,
    evacuationClientRoute,
    analyticsRoute,
    analyticsTrendsRoute,
    analyticsReportsRoute,
    analyticsReportRoute,
    networkRoute.addChildren([
      eventsRoute,
      newEventRoute,
      eventRoute,
      editEventRoute,
      registrationsRoute,
      groupsRoute,
      surveysRoute,
      newSurveyRoute,
      compareRoute,
      surveyRoute,
      editSurveyRoute,
      resultsRoute,
      indicatorsRoute,
      indicatorManageRoute,
      consultationsRoute,
      newConsultationRoute,
      consultationRoute,
      knowledgeBaseRoute,
      glossaryRoute,
      newTermRoute,
      editTermRoute,
      termRoute,
    ]),
    adminIndexRoute,
    usersRoute,
    officesRoute,
    organizationsRoute,
    municipalitiesRoute,
    auditRoute,
    notFoundRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    parseSearch,
    stringifySearch,
    defaultPreload: 'intent',
    // The query cache is the data layer; the router only orders guards.
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
    defaultErrorComponent: ({ error, reset }) => <ErrorPage error={error} reset={reset} />,
    defaultPendingComponent: () => <LoadingState />,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
}
