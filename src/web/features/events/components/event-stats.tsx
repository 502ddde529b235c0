// Participants and check-ins by city (the region's cities first) and by role.
import { Section } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { useEventStats } from '../api/get-event-stats';

export function EventStats({ eventId }: { eventId: string }) {
  const t = useT();
  const stats = useEventStats(eventId);
  return (
    <Section title={t('ev.stats')}>
      {stats.isPending ? <LoadingState /> : null}
      {stats.error ? <ErrorState error={stats.error} /> : null}
      {stats.data ? (
        <>
          <p>{t('ev.statsLine', { participants: stats.data.participants, checkedIn: stats.data.checkedIn, staff: stats.data.staff, waitlisted: stats.data.waitlisted })}</p>
          <div className="two-col">
            <div className="table-scroll" role="region" aria-labelledby="stats-city" tabIndex={0}>
              <table className="table table--compact">
                <caption id="stats-city" className="table__caption">
                  {t('ev.statsByCity')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('ev.city')}</th>
                    <th scope="col" className="cell-number">
                      {t('ev.registeredCount')}
                    </th>
                    <th scope="col" className="cell-number">
                      {t('ev.checkedInCount')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {stats.data.byMunicipality.map((m) => (
                    <tr key={m.municipalityName}>
                      <th scope="row">{m.municipalityName || t('ev.unknownCity')}</th>
                      <td className="cell-number">{m.registered}</td>
                      <td className="cell-number">{m.checkedIn}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="table-scroll" role="region" aria-labelledby="stats-role" tabIndex={0}>
              <table className="table table--compact">
                <caption id="stats-role" className="table__caption">
                  {t('ev.statsByRole')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('ev.role')}</th>
                    <th scope="col" className="cell-number">
                      {t('ev.registeredCount')}
                    </th>
                    <th scope="col" className="cell-number">
                      {t('ev.checkedInCount')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {stats.data.byRole.map((r) => (
                    <tr key={r.role}>
                      <th scope="row">{r.label}</th>
                      <td className="cell-number">{r.registered}</td>
                      <td className="cell-number">{r.checkedIn}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </>
      ) : null}
    </Section>
  );
}
