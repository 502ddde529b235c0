// The demo deployment's accounts, listed on the sign-in page (demo mode only). The list is the
// seed's own (server/demo/demo-data.ts has no server-only imports), so it cannot drift.
import { DEMO_PASSWORD, DEMO_USERS, demoEmail } from '../../../../server/demo/demo-data';
import type { Role } from '../../../../shared/contracts/auth';
import { useT } from '../../../i18n/i18n';

export function DemoAccounts({ onUse }: { onUse: (email: string, password: string) => void }) {
  const t = useT();
  return (
    <details className="demo-accounts">
      <summary className="demo-accounts__summary">{t('demo.accounts')}</summary>
      <div className="demo-accounts__body">
        <p>{t('demo.accountsIntro')}</p>
        <p>
          {t('demo.password')}: <code className="code">{DEMO_PASSWORD}</code>
        </p>
        <div className="table-scroll" role="region" aria-labelledby="demo-accounts-caption" tabIndex={0}>
          <table className="table table--compact">
            <caption id="demo-accounts-caption" className="table__caption">
              {t('demo.tableCaption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('demo.colEmail')}</th>
                <th scope="col">{t('demo.colRole')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {DEMO_USERS.map((u) => {
                const email = demoEmail(u.local);
                return (
                  <tr key={u.local}>
                    <th scope="row" className="demo-accounts__email">
                      {email}
                    </th>
                    <td>
                      {u.roles.map((r: Role) => t(`roles.${r}`)).join('・')}
                      <br />
                      <span className="muted">{u.note}</span>
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button--tertiary button--sm"
                        aria-label={t('demo.useAccountLabel', { email })}
                        onClick={() => onUse(email, DEMO_PASSWORD)}
                      >
                        {t('demo.useAccount')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </div>
    </details>
  );
}
