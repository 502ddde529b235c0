// The gap matrix: for each medical-care item × service type (rows) and city (columns), the clients
// needing that care against the services that handle it. Each cell says its band in words
// (供給なし / 不足 / やや不足 / 充足) as well as by colour, and the cells the council should discuss
// first (the server's `highlight`) are listed above as sentences and marked in the matrix.
import type { ReactNode } from 'react';
import { isSuppressed, type Cell, type Column, type Figure } from '../../../../shared/contracts/analytics';
import { useLocale, type MessageKey } from '../../../i18n/i18n';
import { formatCell } from './format';

export type GapBand = 'noSupply' | 'short' | 'tight' | 'ok' | 'noDemand' | 'suppressed';

/** Clients per service from which a cell counts as 不足 / やや不足: the server's levels (gapLevel). */
export const SHORT_RATIO = 10;
export const TIGHT_RATIO = 3;

const LEVEL_BAND: Record<string, GapBand> = { none: 'noSupply', high: 'short', medium: 'tight', low: 'ok' };

/**
 * The band of one cell: the server's `level` when it sent one, else from the client count
 * (maybe "<5"), the service count and the ratio, with the same thresholds.
 */
export function gapBand(clients: Cell | undefined, services: Cell | undefined, ratio: Cell | undefined, level?: Cell): GapBand {
  if (typeof level === 'string' && level in LEVEL_BAND) return LEVEL_BAND[level]!;
  const s = typeof services === 'number' ? services : null;
  if (isSuppressed(clients)) return s === 0 ? 'noSupply' : 'suppressed';
  const c = typeof clients === 'number' ? clients : 0;
  if (c === 0) return 'noDemand';
  if (s === 0) return 'noSupply';
  const r = typeof ratio === 'number' ? ratio : s ? c / s : null;
  if (r === null) return 'suppressed';
  return r >= SHORT_RATIO ? 'short' : r >= TIGHT_RATIO ? 'tight' : 'ok';
}

const BAND_LABEL: Record<GapBand, MessageKey> = {
  noSupply: 'an.gap.noSupply',
  short: 'an.gap.short',
  tight: 'an.gap.tight',
  ok: 'an.gap.ok',
  noDemand: 'an.gap.noDemand',
  suppressed: 'an.gap.suppressedBand',
};

interface GapColumns {
  care: Column;
  service: Column;
  city: Column;
  clients: Column;
  services: Column;
  ratio?: Column;
}

/** Finds the matrix's columns by their keys, falling back to their order. */
export function gapColumns(columns: readonly Column[]): GapColumns | null {
  const labels = columns.filter((c) => c.kind === 'label');
  const byKey = (re: RegExp, list: readonly Column[]) => list.find((c) => re.test(c.key));
  const care = byKey(/care/i, labels) ?? labels[0];
  const service = byKey(/service/i, labels) ?? labels[1];
  const city = byKey(/municipal|city/i, labels) ?? labels[2];
  const counts = columns.filter((c) => c.kind === 'count');
  const clients = counts.find((c) => c.clientCount) ?? byKey(/client|demand/i, counts);
  const services = counts.find((c) => c !== clients && /service|supply/i.test(c.key)) ?? counts.find((c) => c !== clients);
  const ratio = columns.find((c) => c.kind === 'ratio');
  if (!care || !service || !city || !clients || !services) return null;
  return { care, service, city, clients, services, ratio };
}

/** `cellAction`: an action per cell (drill-down to the persons of city × care item). */
export function GapMatrix({ figure, cellAction }: { figure: Figure; cellAction?: (row: Figure['rows'][number]) => ReactNode }) {
  const { t, locale } = useLocale();
  const cols = gapColumns(figure.columns);
  if (!cols) return null;
  const str = (v: Cell | undefined) => String(v ?? '');
  const cities = [...new Set(figure.rows.map((r) => str(r[cols.city.key])))];
  const pairs = new Map<string, { care: string; service: string; cells: Map<string, number> }>();
  figure.rows.forEach((r, i) => {
    const key = `${str(r[cols.care.key])}\u0000${str(r[cols.service.key])}`;
    if (!pairs.has(key)) pairs.set(key, { care: str(r[cols.care.key]), service: str(r[cols.service.key]), cells: new Map() });
    pairs.get(key)!.cells.set(str(r[cols.city.key]), i);
  });
  const highlighted = new Set(figure.highlight);
  const fmt = (v: Cell | undefined, c: Column) => formatCell(v, c.kind, t, locale);
  const sentence = (i: number) => {
    const r = figure.rows[i]!;
    return t('an.gap.sentence', { careItem: str(r[cols.care.key]), serviceType: str(r[cols.service.key]), city: str(r[cols.city.key]), services: fmt(r[cols.services.key], cols.services), clients: fmt(r[cols.clients.key], cols.clients) });
  };
  return (
    <>
      {figure.highlight.length > 0 ? (
        <div className="an-discuss">
          <h4 className="an-discuss__title">{t('an.gap.discussFirstList')}</h4>
          <ol className="an-discuss__list">
            {figure.highlight.map((i) => (
              <li key={i}>{sentence(i)}</li>
            ))}
          </ol>
        </div>
      ) : null}
      <GapLegend />
      <div className="table-scroll an-table" role="region" aria-label={t('an.gap.caption')} tabIndex={0}>
        <table className="table table--compact an-gap">
          <caption className="table__caption">{t('an.gap.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('an.gap.careService')}</th>
              {cities.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...pairs.values()].map((p) => (
              <tr key={`${p.care}-${p.service}`}>
                <th scope="row">
                  {p.care}
                  <span className="an-gap__service">{p.service}</span>
                </th>
                {cities.map((city) => {
                  const i = p.cells.get(city);
                  if (i === undefined) return <td key={city}>{t('an.none')}</td>;
                  const r = figure.rows[i]!;
                  const band = gapBand(r[cols.clients.key], r[cols.services.key], cols.ratio ? r[cols.ratio.key] : undefined, r.level);
                  const first = highlighted.has(i);
                  return (
                    <td key={city} className={['an-gap__cell', `an-gap__cell--${band}`, first ? 'an-gap__cell--first' : ''].filter(Boolean).join(' ')}>
                      <span className="an-gap__band">{t(BAND_LABEL[band])}</span>
                      <span className="an-gap__numbers">{t('an.gap.cell', { clients: fmt(r[cols.clients.key], cols.clients), services: fmt(r[cols.services.key], cols.services) })}</span>
                      {cols.ratio && typeof r[cols.ratio.key] === 'number' ? <span className="an-gap__ratio">{t('an.gap.ratio', { ratio: fmt(r[cols.ratio.key], cols.ratio) })}</span> : null}
                      {first ? <strong className="an-gap__first">{t('an.gap.discussFirst')}</strong> : null}
                      {cellAction ? cellAction(r) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function GapLegend() {
  const { t } = useLocale();
  const bands: GapBand[] = ['noSupply', 'short', 'tight', 'ok', 'noDemand', 'suppressed'];
  return (
    <div className="an-gap-legend">
      <p className="an-gap-legend__title">{t('an.gap.legend')}</p>
      <p className="small">{t('an.gap.legendHint', { short: SHORT_RATIO, tight: TIGHT_RATIO })}</p>
      <ul className="an-gap-legend__list">
        {bands.map((b) => (
          <li key={b} className={`an-gap__cell an-gap__cell--${b}`}>
            {t(BAND_LABEL[b])}
          </li>
        ))}
      </ul>
    </div>
  );
}
