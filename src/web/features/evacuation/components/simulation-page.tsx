// /evacuation/simulation — the city's outage simulation: choose the area (the municipality, or
// a circle on the map) and how long the power is out (3/12/24/72 h or any length), and get the
// clients whose essential devices stop before power returns, earliest first, with their
// supporters and destination, a map of points, CSV and an A4 print for the disaster response.
import { Link } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { formatHours } from '../../../../shared/domain/power-runtime';
import { Alert } from '../../../components/ui/alert';
import { Button, buttonClass } from '../../../components/ui/button';
import { CheckboxGroup, RadioGroup } from '../../../components/ui/fields';
import { PageHeader, Section, useDocumentTitle } from '../../../components/ui/page';
import { PointMap, type MapCircle } from '../../../components/ui/point-map';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useMe } from '../../auth';
import { useT } from '../../../i18n/i18n';
import { simulationExportUrl, useRegisters, useSimulation, type SimulationParams, type SimulationRow } from '../api/city';
import { NumField } from './num-field';
import { PlanStatusBadge } from './plan-view';
import { PLAN_STATUS_LABELS } from '../../../../shared/contracts/evacuation';

const PRESETS = ['3', '12', '24', '72'] as const;

export function SimulationPage() {
  const t = useT();
  const me = useMe();
  useDocumentTitle(t('evac.sim.title'));
  const register = useRegisters();
  const muniName = register.data?.pages[0]?.summary.municipalityName ?? me.municipalityCode ?? '';
  const [preset, setPreset] = useState<string>('12');
  const [custom, setCustom] = useState<number | null>(null);
  const [mode, setMode] = useState<'municipality' | 'circle'>('municipality');
  const [codes, setCodes] = useState<string[]>(me.municipalityCode ? [me.municipalityCode] : []);
  const [circle, setCircle] = useState<{ lat: number | null; lon: number | null; radiusKm: number | null }>({ lat: 35.787, lon: 139.903, radiusKm: 3 });
  const [params, setParams] = useState<SimulationParams | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const sim = useSimulation(params);

  const run = () => {
    const outageHours = preset === 'custom' ? custom : Number(preset);
    if (outageHours == null || !(outageHours >= 0.5 && outageHours <= 720)) return setFormError(t('evac.sim.errHours'));
    if (mode === 'circle') {
      if (circle.lat == null || circle.lon == null || circle.radiusKm == null) return setFormError(t('evac.sim.errCircle'));
      setFormError(null);
      return setParams({ outageHours, lat: circle.lat, lon: circle.lon, radiusKm: circle.radiusKm });
    }
    if (!codes.length) return setFormError(t('evac.sim.errMunicipality'));
    setFormError(null);
    setParams({ outageHours, municipalityCodes: codes });
  };

  const drawnCircle: MapCircle | null = mode === 'circle' && circle.lat != null && circle.lon != null && circle.radiusKm ? { lat: circle.lat, lon: circle.lon, radiusKm: circle.radiusKm } : null;
  const rows = sim.data?.rows;
  const points = useMemo(() => (rows ?? []).filter((r) => r.lat != null && r.lon != null).map((r) => ({ id: r.clientId, lat: r.lat!, lon: r.lon!, title: `${r.rank}. ${r.name}（${formatHours(r.runtimeHours)}）`, text: String(r.rank) })), [rows]);

  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/evacuation">{t('area.evacuation')}</Link>
      </p>
      <PageHeader title={t('evac.sim.title')} lead={t('evac.sim.lead')} />
      <form
        className="evac-sim-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          run();
        }}
      >
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <RadioGroup
          name="outage"
          label={t('evac.sim.hours')}
          options={[...PRESETS.map((h) => ({ value: h, label: t('evac.sim.hoursN', { n: h }) })), { value: 'custom', label: t('evac.sim.custom') }]}
          value={preset}
          onChange={setPreset}
        />
        {preset === 'custom' ? <NumField label={t('evac.sim.customHours')} unit={t('evac.unit.hours')} value={custom} onChange={setCustom} /> : null}
        <RadioGroup
          name="area"
          label={t('evac.sim.area')}
          options={[
            { value: 'municipality', label: t('evac.sim.byMunicipality') },
            { value: 'circle', label: t('evac.sim.byCircle') },
          ]}
          value={mode}
          onChange={(v) => setMode(v as 'municipality' | 'circle')}
        />
        {mode === 'municipality' ? (
          <CheckboxGroup name="municipality" label={t('evac.sim.municipalities')} description={t('evac.sim.ownOnly')} options={me.municipalityCode ? [{ value: me.municipalityCode, label: muniName }] : []} value={codes} onChange={setCodes} />
        ) : (
          <div>
            <div className="evac-grid">
              <NumField label={t('evac.sim.lat')} value={circle.lat} onChange={(v) => setCircle({ ...circle, lat: v })} />
              <NumField label={t('evac.sim.lon')} value={circle.lon} onChange={(v) => setCircle({ ...circle, lon: v })} />
              <NumField label={t('evac.sim.radius')} unit="km" value={circle.radiusKm} onChange={(v) => setCircle({ ...circle, radiusKm: v })} />
            </div>
            <p className="field__hint">{t('evac.sim.mapHint')}</p>
          </div>
        )}
        <Button type="submit" isPending={sim.isFetching}>
          {t('evac.sim.run')}
        </Button>
      </form>

      <div className="evac-sim-split">
        <div>
          {!params ? null : sim.isPending ? (
            <LoadingState />
          ) : sim.error ? (
            <ErrorState error={sim.error} onRetry={() => void sim.refetch()} />
          ) : (
            <Section
              title={t('evac.sim.results', { hours: sim.data.outageHours })}
              id="results"
              actions={
                <>
                  <a className={buttonClass('secondary', 'sm')} href={simulationExportUrl(params, 'csv')} download>
                    {t('evac.sim.csv')}
                  </a>
                  <a className={buttonClass('secondary', 'sm')} href={simulationExportUrl(params, 'pdf')} target="_blank" rel="noreferrer">
                    {t('evac.sim.pdf')}
                  </a>
                </>
              }
            >
              <p role="status">
                {t('evac.sim.counts', { affected: sim.data.counts.affected, plans: sim.data.counts.plansInArea })}
                {sim.data.counts.affectedWithoutConsent ? <> {t('evac.sim.withoutConsent', { n: sim.data.counts.affectedWithoutConsent })}</> : null}
                {sim.data.circle && sim.data.counts.withoutLocation ? <> {t('evac.sim.withoutLocation', { n: sim.data.counts.withoutLocation })}</> : null}
              </p>
              <p className="muted">{t('evac.sim.exportNote')}</p>
              <ResultTable rows={sim.data.rows} />
            </Section>
          )}
        </div>
        <PointMap
          className="evac-map-wrap"
          points={points}
          circle={drawnCircle}
          onPick={mode === 'circle' ? (lat, lon) => setCircle((c) => ({ ...c, lat, lon })) : undefined}
          label={t('evac.sim.map')}
          markerClassName="evac-marker"
          emptyText={t('evac.sim.mapEmpty')}
          failedText={t('evac.sim.mapFailed')}
        />
      </div>
    </div>
  );
}

function ResultTable({ rows }: { rows: SimulationRow[] }) {
  const t = useT();
  if (!rows.length) return <p>{t('evac.sim.empty')}</p>;
  return (
    <div className="table-scroll" role="region" aria-labelledby="evac-sim-caption" tabIndex={0}>
      <table className="table">
        <caption id="evac-sim-caption" className="table__caption">
          {t('evac.sim.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('evac.sim.col.rank')}</th>
            <th scope="col">{t('evac.sim.col.name')}</th>
            <th scope="col">{t('evac.sim.col.runtime')}</th>
            <th scope="col">{t('evac.sim.col.supporters')}</th>
            <th scope="col">{t('evac.sim.col.destination')}</th>
            <th scope="col">{t('evac.sim.col.contact')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.clientId}>
              <td>{r.rank}</td>
              <th scope="row">
                <Link to="/evacuation/clients/$clientId" params={{ clientId: r.clientId }}>
                  {r.name}
                </Link>
                <br />
                <span className="muted">{r.nameKana}</span> <PlanStatusBadge status={r.status} label={PLAN_STATUS_LABELS[r.status]} />
              </th>
              <td>
                <strong>{formatHours(r.runtimeHours)}</strong>
                <br />
                {t('evac.sim.shortfall', { hours: formatHours(r.shortfallHours) })}
                <br />
                {t('evac.sim.firstStop', { devices: r.firstStop.join('、') })}
                {r.hasManualAlternative ? (
                  <>
                    <br />
                    {t('evac.sim.manual')}
                  </>
                ) : null}
              </td>
              <td>
                <ul className="evac-list evac-list--plain">
                  {r.supporters.map((s, i) => (
                    <li key={i}>
                      {s.name}（{s.relation}） {s.phone}
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                {r.destination.kindLabel}
                {r.destination.name ? `: ${r.destination.name}` : ''}
                {r.destination.transport.length ? (
                  <>
                    <br />
                    {r.destination.transport.join('、')}
                  </>
                ) : null}
              </td>
              <td>
                {r.address}
                <br />
                {r.phone}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
