// /evacuation — the area's front page: for the city's officials, the outage simulation and the
// registers; for the support team, where plans are made (each client's record, tab 個別避難計画).
import { Link } from '@tanstack/react-router';
import { buttonClass } from '../../../components/ui/button';
import { PageHeader, Section, useDocumentTitle } from '../../../components/ui/page';
import { hasPermission, useMe } from '../../auth';
import { useT } from '../../../i18n/i18n';

export function EvacuationHomePage() {
  const t = useT();
  const me = useMe();
  useDocumentTitle(t('area.evacuation'));
  const city = hasPermission(me, 'simulate:evacuation');
  const team = hasPermission(me, 'update:evacuation-plan');
  return (
    <div className="page">
      <PageHeader title={t('area.evacuation')} lead={t('area.evacuation.summary')} />
      {city ? (
        <Section title={t('evac.home.city')}>
          <ul className="evac-cards">
            <li className="evac-card">
              <h3>
                <Link to="/evacuation/simulation">{t('evac.sim.title')}</Link>
              </h3>
              <p>{t('evac.home.simSummary')}</p>
            </li>
            <li className="evac-card">
              <h3>
                <Link to="/evacuation/registers">{t('evac.reg.title')}</Link>
              </h3>
              <p>{t('evac.home.regSummary')}</p>
            </li>
          </ul>
        </Section>
      ) : null}
      {team ? (
        <Section title={t('evac.home.team')}>
          <p>{t('evac.home.teamBody')}</p>
          <p>
            <Link to="/clients" className={buttonClass('secondary', 'sm')}>
              {t('evac.home.toClients')}
            </Link>
          </p>
        </Section>
      ) : null}
      {!city && !team ? <p>{t('evac.home.nothing')}</p> : null}
      <Section title={t('evac.home.how')}>
        <p>{t('evac.home.howBody')}</p>
      </Section>
    </div>
  );
}
