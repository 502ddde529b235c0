// /evacuation/clients/$clientId — a client's plan as the city's official sees it (through the
// guardian's consent to give the plan to the city): read-only, with the approval.
import { Link } from '@tanstack/react-router';
import { PageHeader, useDocumentTitle } from '../../../components/ui/page';
import { useT } from '../../../i18n/i18n';
import { useEvacuationPlan } from '../api/get-plan';
import { EvacuationPlanView } from './plan-view';

export function CityPlanPage({ clientId }: { clientId: string }) {
  const t = useT();
  const q = useEvacuationPlan(clientId);
  const name = q.data?.body.register.name || t('evac.plan.title');
  useDocumentTitle(`${name} ${t('evac.plan.title')}`);
  return (
    <div className="page">
      <p className="breadcrumb no-print">
        <Link to="/evacuation/registers">{t('evac.reg.title')}</Link> ／ <Link to="/evacuation/simulation">{t('evac.sim.title')}</Link>
      </p>
      <PageHeader title={t('evac.plan.cityTitle', { name })} />
      <EvacuationPlanView clientId={clientId} />
    </div>
  );
}
