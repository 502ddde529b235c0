// Public surface of the surveys feature (surveys, results, indicators), for the router.
export { SurveysPage, type SurveyPermissions } from './components/surveys-page';
export { SurveyBuilderPage } from './components/survey-builder-page';
export { SurveyAnswerPage } from './components/survey-answer-page';
export { PublicSurveyPage } from './components/public-survey-page';
export { SurveyResultsPage } from './components/survey-results-page';
export { ComparePage } from './components/compare-page';
export { IndicatorsPage, type IndicatorsSearch } from './components/indicators-page';
export { IndicatorManagePage } from './components/indicator-manage-page';
export type { SurveyListFilters } from './api/list-surveys';
export type { ResultsFilters } from './api/get-results';
export type { CompareFilters } from './api/compare-surveys';
