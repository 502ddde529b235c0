// A work area that is not built yet: says so plainly and what it will do. Never fake data.
import { Link } from '@tanstack/react-router';
import { Alert } from '../../components/ui/alert';
import { Badge } from '../../components/ui/badge';
import { PageHeader, useDocumentTitle } from '../../components/ui/page';
import { useT } from '../../i18n/i18n';
import type { Area } from '../areas';

export function ComingSoonPage({ area }: { area: Area }) {
  const t = useT();
  const title = t(area.label);
  useDocumentTitle(`${title}（${t('common.comingSoon')}）`);
  return (
    <div className="page page--narrow">
      <PageHeader title={title} badge={<Badge tone="soon">{t('common.comingSoon')}</Badge>} />
      <Alert tone="info" role="none">
        <h2 className="alert__title alert__title--heading">{t('comingSoon.heading')}</h2>
        <p>{t('comingSoon.body')}</p>
      </Alert>
      <section className="section" aria-labelledby="coming-soon-plan">
        <h2 id="coming-soon-plan" className="section__title">
          {t('comingSoon.plan')}
        </h2>
        <p>{t(area.summary)}</p>
      </section>
      <p>
        <Link to="/">{t('common.goHome')}</Link>
      </p>
    </div>
  );
}
