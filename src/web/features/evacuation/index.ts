// Public surface of the evacuation feature (防災: 個別避難計画 and the city's outage simulation).
export { EvacuationHomePage } from './components/evacuation-home';
export { SimulationPage } from './components/simulation-page';
export { RegistersPage } from './components/registers-page';
export { CityPlanPage } from './components/city-plan-page';
export { EvacuationPlanView } from './components/plan-view';
