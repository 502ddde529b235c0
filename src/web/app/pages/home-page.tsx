// / — the signed-in home: who you are, the work areas (honestly marked 準備中), admin tools.
import { Link } from '@tanstack/react-router';
import { Alert } from '../../components/ui/alert';
import { Badge } from '../../components/ui/badge';
import { useDocumentTitle } from '../../components/ui/page';
import { hasPermission, useMe } from '../../features/auth';
import { useT } from '../../i18n/i18n';
import { ADMIN_LINKS, AREAS } from '../areas';

export function HomePage() {
  const t = useT();
  const me = useMe();
  useDocumentTitle(t('home.title'));
  const adminLinks = ADMIN_LINKS.filter((l) => hasPermission(me, l.permission));

  return (
    <div className="page">
      <div className="page-header">
        <div className="page-header__text">
          <h1 className="page-header__title">{t('home.welcome', { name: me.name })}</h1>
          <p className="page-header__lead">{t('home.intro')}</p>
        </div>
      </div>
      <dl className="summary-list summary-list--inline">
        <div>
          <dt>{t('home.yourRoles')}</dt>
          <dd>{me.roles.map((r) => t(`roles.${r}`)).join('、')}</dd>
        </div>
        {me.offices.length > 0 ? (
          <div>
            <dt>{t('home.yourOffices')}</dt>
            <dd>{me.offices.map((o) => o.name).join('、')}</dd>
          </div>
        ) : null}
      </dl>
      {!me.twoFactorEnabled ? (
        <Alert tone="warning" role="none">
          <p>{t('home.twoFactorHint')}</p>
          <p>
            <Link to="/account" hash="two-factor">
              {t('home.twoFactorLink')}
            </Link>
          </p>
        </Alert>
      ) : null}

      <section className="section" aria-labelledby="home-areas">
        <h2 id="home-areas" className="section__title">
          {t('home.areasHeading')}
        </h2>
        <ul className="card-grid">
          {AREAS.map((area) => (
            <li key={area.key} className="card">
              <h3 className="card__title">
                <Link to={area.path} className="card__link">
                  {t(area.label)}
                </Link>
                {area.status === 'planned' ? (
                  <>
                    {' '}
                    <Badge tone="soon">{t('common.comingSoon')}</Badge>
                  </>
                ) : null}
              </h3>
              <p className="card__body">{t(area.summary)}</p>
            </li>
          ))}
        </ul>
      </section>

      {adminLinks.length > 0 ? (
        <section className="section" aria-labelledby="home-admin">
          <h2 id="home-admin" className="section__title">
            {t('home.adminHeading')}
          </h2>
          <ul className="card-grid">
            {adminLinks.map((l) => (
              <li key={l.path} className="card">
                <h3 className="card__title">
                  <Link to={l.path} className="card__link">
                    {t(l.label)}
                  </Link>
                </h3>
                <p className="card__body">{t(l.summary)}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
