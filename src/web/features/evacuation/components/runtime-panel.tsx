// How many hours the essential devices run without mains power, computed live in the browser
// with the same shared model the server stores (src/shared/domain/power-runtime.ts): the
// figure, warnings (a modified-sine source is unusable), the per-device timeline, the
// step-by-step explanation in Japanese, manual alternatives and what would extend it.
import { POWER_ASSUMPTIONS, formatHours } from '../../../../shared/domain/power-runtime';
import type { RuntimeResult } from '../api/get-plan';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Section } from '../../../components/ui/page';
import { useT, type MessageKey } from '../../../i18n/i18n';

const PROBLEM_KEYS: Record<NonNullable<RuntimeResult['sources'][number]['problem']>, MessageKey> = {
  modified_sine: 'evac.runtime.problem.modified_sine',
  overload: 'evac.runtime.problem.overload',
  no_capacity: 'evac.runtime.problem.no_capacity',
};

const hours = (h: number | null) => (h == null ? '—' : formatHours(h));

export function RuntimeFigure({ runtime }: { runtime: Pick<RuntimeResult, 'runtimeHours' | 'meetsTarget'> }) {
  const t = useT();
  if (runtime.runtimeHours == null) return <p className="evac-runtime__figure">{t('evac.runtime.none')}</p>;
  return (
    <p className="evac-runtime__figure">
      <span className="evac-runtime__label">{t('evac.runtime.figureLabel')}</span>
      <strong className="evac-runtime__hours" data-testid="runtime-hours">
        {t('evac.runtime.about', { hours: formatHours(runtime.runtimeHours) })}
      </strong>{' '}
      {runtime.meetsTarget ? <Badge tone="success">{t('evac.runtime.meets', { target: POWER_ASSUMPTIONS.targetHours })}</Badge> : <Badge tone="warning">{t('evac.runtime.short', { target: POWER_ASSUMPTIONS.targetHours })}</Badge>}
    </p>
  );
}

export function RuntimePanel({ runtime, live }: { runtime: RuntimeResult; live: boolean }) {
  const t = useT();
  return (
    <Section title={t('evac.runtime.title')} id="runtime">
      <div className="evac-runtime" aria-live="polite" aria-atomic="false">
        <RuntimeFigure runtime={runtime} />
        {live ? <p className="muted">{t('evac.runtime.liveNote')}</p> : null}
        {runtime.firstStop.length ? <p>{t('evac.runtime.firstStop', { devices: runtime.firstStop.map((f) => f.label).join('、') })}</p> : null}
      </div>
      {runtime.warnings.length ? (
        <Alert tone="warning" title={t('evac.runtime.warnings')}>
          <ul>
            {runtime.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </Alert>
      ) : null}

      {runtime.devices.length ? (
        <div className="table-scroll" role="region" aria-labelledby="evac-devtable-caption" tabIndex={0}>
          <table className="table">
            <caption id="evac-devtable-caption" className="table__caption">{t('evac.runtime.deviceTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('evac.runtime.col.device')}</th>
                <th scope="col">{t('evac.runtime.col.watts')}</th>
                <th scope="col">{t('evac.runtime.col.own')}</th>
                <th scope="col">{t('evac.runtime.col.shared')}</th>
                <th scope="col">{t('evac.runtime.col.stops')}</th>
              </tr>
            </thead>
            <tbody>
              {runtime.devices.map((d) => (
                <tr key={d.index}>
                  <th scope="row">
                    {d.label}
                    {!d.essential ? <> <Badge tone="neutral">{t('evac.runtime.nonEssential')}</Badge></> : null}
                  </th>
                  <td>
                    {d.watts}W{d.averageWatts !== d.watts ? t('evac.runtime.average', { w: Number(d.averageWatts.toFixed(1)) }) : ''}
                  </td>
                  <td>{hours(d.ownHours)}</td>
                  <td>{hours(d.sharedFromHours)}</td>
                  <td>
                    {hours(d.stopsAtHours)}
                    {d.stopsFirst ? <> <Badge tone="danger">{t('evac.runtime.stopsFirst')}</Badge></> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {runtime.sources.length ? (
        <>
          <h3>{t('evac.runtime.sources')}</h3>
          <ul className="evac-list">
            {runtime.sources.map((s) => (
              <li key={s.index}>
                {s.label}: {s.usable ? t('evac.runtime.sourceUsable', { wh: s.usableWh == null ? '—' : Math.round(s.usableWh), from: hours(s.usedFromHours), until: hours(s.usedUntilHours) }) : <Badge tone="danger">{t(PROBLEM_KEYS[s.problem ?? 'no_capacity'])}</Badge>}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {runtime.timeline.length ? (
        <>
          <h3>{t('evac.runtime.timeline')}</h3>
          <ol className="evac-list">
            {runtime.timeline.map((e, i) => (
              <li key={i}>{e.text}</li>
            ))}
          </ol>
        </>
      ) : null}

      {runtime.manualAlternatives.length ? (
        <>
          <h3>{t('evac.runtime.manual')}</h3>
          <ul className="evac-list">
            {runtime.manualAlternatives.map((m, i) => (
              <li key={i}>{m.text}</li>
            ))}
          </ul>
        </>
      ) : null}

      {runtime.suggestions.length ? (
        <>
          <h3>{t('evac.runtime.suggestions')}</h3>
          <ul className="evac-list">
            {runtime.suggestions.map((s) => (
              <li key={s.code + s.text}>{s.text}</li>
            ))}
          </ul>
        </>
      ) : null}

      <details className="evac-explanation">
        <summary>{t('evac.runtime.explanation')}</summary>
        <ol>
          {runtime.explanation.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ol>
      </details>
    </Section>
  );
}
