// /directory: search the regional resources (issue #3). Free text updates the results as you
// type (debounced); filters are checkboxes with the server's facet counts; server paging; the
// list and a supplementary map side by side on wide screens, a list/map toggle on a phone.
import { Link } from '@tanstack/react-router';
import { useEffect, useMemo, useRef, useState } from 'react';
import { SECTORS } from '../../../../shared/domain/sectors';
import { CARE_ITEMS } from '../../../../shared/domain/care-items';
import { TOKATSU_MUNICIPALITIES } from '../../../../shared/domain/municipalities';
import { Badge } from '../../../components/ui/badge';
import { Button, buttonClass } from '../../../components/ui/button';
import { EraToggle } from '../../../components/ui/date-time';
import { Checkbox, CheckboxGroup, SelectField, TextField } from '../../../components/ui/fields';
import { PageHeader, useDocumentTitle } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { hasPermission, useMe } from '../../auth';
import { exportCsvUrl, useDirectorySearch, type DirectoryFilters, type DirectoryHit } from '../api/search-directory';
import { LevelBadge, VacancyText, agesText } from './labels';
import { MyListings } from './my-listings';
import { ResultsMap } from './results-map';
import { searchNotes, withCount } from '../search-notes';

export interface DirectoryPageProps {
  filters: DirectoryFilters;
  onFiltersChange: (filters: DirectoryFilters, replace?: boolean) => void;
}


/** Centre points offered for a distance search: the region's city halls (plus the browser's position). */
const CITY_HALL_POINTS = TOKATSU_MUNICIPALITIES.map((m) => ({ value: `${m.cityHall.lat},${m.cityHall.lon}`, name: m.name }));
const RADII_KM = [1, 3, 5, 10, 20, 50] as const;
const DEFAULT_RADIUS_KM = 10;

export function DirectoryPage({ filters, onFiltersChange }: DirectoryPageProps) {
  const t = useT();
  useDocumentTitle(t('dir.title'));
  const search = useDirectorySearch(filters);
  const me = useMe();
  const first = search.data?.pages[0];
  const hits = useMemo(() => search.data?.pages.flatMap((p) => p.items) ?? [], [search.data]);
  const [view, setView] = useState<'list' | 'map'>('list');
  // Filters start open on a wide screen, folded on a phone so the results come first.
  const [filtersOpen, setFiltersOpen] = useState(() => typeof window === 'undefined' || window.matchMedia('(min-width: 64rem)').matches);
  const chosen =
    (filters.municipality?.length ?? 0) + (filters.service?.length ?? 0) + (filters.care?.length ?? 0) + (filters.sector?.length ?? 0) + (filters.open?.length ?? 0) + (filters.vacancy ? 1 : 0) + (filters.age != null ? 1 : 0) + (filters.near ? 1 : 0);
  const [q, setQ] = useState(filters.q ?? '');

  // Debounce the free text: the URL (and the query) follow 300 ms after the last keystroke.
  // The latest filters, so a checkbox ticked while typing is not overwritten by the timer.
  const latest = useRef({ filters, onFiltersChange });
  useEffect(() => {
    latest.current = { filters, onFiltersChange };
  });
  useEffect(() => {
    if ((latest.current.filters.q ?? '') === q) return;
    const id = setTimeout(() => latest.current.onFiltersChange({ ...latest.current.filters, q: q || undefined }, true), 300);
    return () => clearTimeout(id);
  }, [q]);
  // Back/forward or a link changing ?q= updates the box.
  const urlQ = filters.q ?? '';
  const [lastUrlQ, setLastUrlQ] = useState(urlQ);
  if (urlQ !== lastUrlQ) {
    setLastUrlQ(urlQ);
    setQ(urlQ);
  }

  const set = <K extends keyof DirectoryFilters>(key: K, value: DirectoryFilters[K]) => {
    const next = { ...filters, [key]: Array.isArray(value) && value.length === 0 ? undefined : value };
    onFiltersChange(next);
  };
  const facets = first?.facets;
  // A broad search too costly to rank by relevance comes back in another order, and is counted
  // from a sample: the page says so (decision 006).
  const notes = searchNotes(first, filters);
  const facetCount = (list: { code: string; count: number }[] | undefined, code: string) => list?.find((f) => f.code === code)?.count ?? (list ? 0 : undefined);
  const muniOptions = (facets?.municipality ?? []).map((m) => ({ value: m.code, label: withCount(m.label, m.count, notes.facetCounting) }));
  // Keep chosen cities visible even when they have no hit now.
  for (const code of filters.municipality ?? []) if (!muniOptions.some((o) => o.value === code)) muniOptions.push({ value: code, label: withCount(code, 0) });
  const serviceOptions = (facets?.serviceType ?? []).map((s) => ({ value: s.code, label: withCount(s.label, s.count, notes.facetCounting) }));
  for (const code of filters.service ?? []) if (!serviceOptions.some((o) => o.value === code)) serviceOptions.push({ value: code, label: withCount(code, 0) });
  // Distance search: a centre (city hall or the browser's position) and a radius; choosing no
  // centre also drops the radius and a distance sort, which the API refuses without one.
  const [geoError, setGeoError] = useState<string | null>(null);
  const nearOptions = CITY_HALL_POINTS.map((p) => ({ value: p.value, label: t('dir.nearCityHall', { city: p.name }) }));
  if (filters.near && !nearOptions.some((o) => o.value === filters.near)) nearOptions.unshift({ value: filters.near, label: t('dir.nearHere') });
  const setNear = (near: string | undefined) => {
    setGeoError(null);
    if (near) onFiltersChange({ ...filters, near, radius_km: filters.radius_km ?? DEFAULT_RADIUS_KM });
    else onFiltersChange({ ...filters, near: undefined, radius_km: undefined, sort: filters.sort === 'distance' ? undefined : filters.sort });
  };
  const locateMe = () => {
    setGeoError(null);
    if (!('geolocation' in navigator)) return setGeoError(t('dir.nearGeoError'));
    navigator.geolocation.getCurrentPosition(
      (pos) => setNear(`${pos.coords.latitude.toFixed(5)},${pos.coords.longitude.toFixed(5)}`),
      () => setGeoError(t('dir.nearGeoError')),
      { timeout: 10000, maximumAge: 600000 },
    );
  };
  const sortOptions = [
    ...(filters.q ? [{ value: 'relevance', label: t('dir.sortRelevance') }] : []),
    ...(filters.near ? [{ value: 'distance', label: t('dir.sortDistance') }] : []),
    { value: 'name', label: t('dir.sortName') },
    { value: 'updated', label: t('dir.sortUpdated') },
  ];
  const sortLabel = (s: string) => sortOptions.find((o) => o.value === s)?.label ?? s;
  const careOptions = CARE_ITEMS.map((c) => ({ value: c.code, label: withCount(c.label, facetCount(facets?.careItem, c.code), notes.facetCounting) }));

  return (
    <div className="page">
      <PageHeader
        title={t('dir.title')}
        lead={t('dir.intro')}
        actions={
          <>
            <Link to="/directory/matrix" className={buttonClass('secondary', 'sm')}>
              {t('dir.matrixLink')}
            </Link>
            {hasPermission(me, 'import:directory') ? (
              <Link to="/directory/wam-import" className={buttonClass('secondary', 'sm')}>
                {t('dir.wam.link')}
              </Link>
            ) : null}
            <a href={exportCsvUrl(filters)} className={buttonClass('secondary', 'sm')} download>
              {t('dir.csv')}
            </a>
          </>
        }
      />
      <MyListings />
      <div className="dir-layout">
        <aside className="dir-filters" aria-label={t('dir.filters')}>
          <TextField label={t('dir.q')} description={t('dir.qHint')} type="search" value={q} onChange={(e) => setQ(e.currentTarget.value)} maxLength={200} />
          <details className="dir-filter-details" open={filtersOpen} onToggle={(e) => setFiltersOpen(e.currentTarget.open)}>
            <summary>{t('dir.filtersSelected', { count: chosen })}</summary>
            <div className="dir-filters__body">
          <CheckboxGroup name="municipality" label={t('dir.municipality')} options={muniOptions} value={filters.municipality ?? []} onChange={(v) => set('municipality', v)} />
          <CheckboxGroup name="service" label={t('dir.serviceType')} options={serviceOptions} value={filters.service ?? []} onChange={(v) => set('service', v)} />
          <CheckboxGroup name="care" label={t('dir.care')} description={t('dir.careHint')} options={careOptions} value={filters.care ?? []} onChange={(v) => set('care', v as DirectoryFilters['care'])} />
          <CheckboxGroup
            name="sector"
            label={t('dir.sector')}
            options={SECTORS.map((s) => ({ value: s.code, label: s.label }))}
            value={filters.sector ?? []}
            onChange={(v) => set('sector', v as DirectoryFilters['sector'])}
          />
          <CheckboxGroup
            name="open"
            label={t('dir.open')}
            options={[
              { value: 'sat', label: t('dir.openSat') },
              { value: 'sun', label: t('dir.openSun') },
              { value: 'holiday', label: t('dir.openHoliday') },
            ]}
            value={filters.open ?? []}
            onChange={(v) => set('open', v as DirectoryFilters['open'])}
          />
          <Checkbox
            label={t('dir.vacancyOnly', { days: first?.vacancyFreshDays ?? 14 })}
            checked={filters.vacancy === true}
            onChange={(e) => set('vacancy', e.currentTarget.checked ? true : undefined)}
          />
          <TextField
            label={t('dir.age')}
            type="number"
            min={0}
            max={120}
            inputMode="numeric"
            value={filters.age ?? ''}
            onChange={(e) => {
              const n = e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value);
              set('age', n != null && Number.isInteger(n) && n >= 0 && n <= 120 ? n : undefined);
            }}
          />
          <fieldset className="fieldset">
            <legend className="field__label">{t('dir.near')}</legend>
            <SelectField
              label={t('dir.nearCentre')}
              emptyOption={t('dir.nearNone')}
              options={nearOptions}
              value={filters.near ?? ''}
              onChange={(e) => setNear(e.currentTarget.value || undefined)}
              error={geoError ?? undefined}
            />
            <Button variant="secondary" size="sm" onClick={locateMe}>
              {t('dir.nearUseHere')}
            </Button>
            <SelectField
              label={t('dir.radius')}
              options={RADII_KM.map((r) => ({ value: String(r), label: t('dir.radiusKm', { km: r }) }))}
              value={String(filters.radius_km ?? DEFAULT_RADIUS_KM)}
              disabled={!filters.near}
              onChange={(e) => set('radius_km', Number(e.currentTarget.value))}
            />
          </fieldset>
          <Button
            variant="tertiary"
            size="sm"
            onClick={() => {
              setQ('');
              onFiltersChange({});
            }}
          >
            {t('dir.clear')}
          </Button>
            </div>
          </details>
        </aside>
        <div className="dir-results">
          <div className="dir-results__bar">
            <p role="status" aria-live="polite">
              {first ? (first.totalExact ? t('dir.total', { total: first.total }) : t('dir.totalApprox', { total: first.total })) : null}
              {notes.sortFallback ? <span className="dir-results__note">{t('dir.sortFallback', { actual: sortLabel(notes.sortFallback.actual), requested: sortLabel(notes.sortFallback.requested) })}</span> : null}
              {notes.facetCounting !== 'exact' ? <span className="dir-results__note">{t(notes.facetCounting === 'estimate' ? 'dir.facetsEstimated' : 'dir.facetsApprox')}</span> : null}
            </p>
            <SelectField
              className="dir-sort"
              label={t('dir.sort')}
              emptyOption={t('dir.sortDefault')}
              options={sortOptions}
              value={filters.sort && sortOptions.some((o) => o.value === filters.sort) ? filters.sort : ''}
              onChange={(e) => set('sort', (e.currentTarget.value || undefined) as DirectoryFilters['sort'])}
            />
            <div className="dir-view-toggle" role="group" aria-label={t('dir.viewToggle')}>
              <Button size="sm" variant={view === 'list' ? 'primary' : 'secondary'} aria-pressed={view === 'list'} onClick={() => setView('list')}>
                {t('dir.viewList')}
              </Button>
              <Button size="sm" variant={view === 'map' ? 'primary' : 'secondary'} aria-pressed={view === 'map'} onClick={() => setView('map')}>
                {t('dir.viewMap')}
              </Button>
            </div>
            <EraToggle />
          </div>
          <div className={`dir-split dir-split--${view}`}>
            <section className="dir-list" aria-label={t('dir.results')}>
              {search.isPending ? (
                <LoadingState />
              ) : search.error && !search.data ? (
                <ErrorState error={search.error} onRetry={() => void search.refetch()} />
              ) : hits.length === 0 ? (
                <p>{t('dir.empty')}</p>
              ) : (
                <ul className="dir-hits">
                  {hits.map((h) => (
                    <HitCard key={h.service.id} hit={h} />
                  ))}
                </ul>
              )}
              {search.hasNextPage ? (
                <Button variant="secondary" isPending={search.isFetchingNextPage} onClick={() => void search.fetchNextPage()}>
                  {t('dir.loadMore')}
                </Button>
              ) : null}
            </section>
            <div className="dir-map-col">
              <ResultsMap hits={hits} />
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}

function HitCard({ hit }: { hit: DirectoryHit }) {
  const t = useT();
  const s = hit.service;
  const handled = s.capabilities.filter((c) => c.level === 'yes' || c.level === 'conditional');
  return (
    <li className="dir-hit">
      <h3 className="dir-hit__title">
        <Link to="/directory/$officeId" params={{ officeId: hit.officeId }}>
          {hit.officeName}
        </Link>
      </h3>
      <p className="dir-hit__meta">
        <Badge tone="info">{s.serviceTypeLabel}</Badge> {hit.municipalityName}
        {hit.address ? ` ${hit.address}` : ''} ・ {agesText(t, s.ageMin, s.ageMax)}
        {hit.distanceKm != null ? ` ・ ${t('dir.distance', { km: hit.distanceKm.toFixed(1) })}` : ''}
        {s.stale ? (
          <>
            {' '}
            <Badge tone="warning">{t('dir.staleShort')}</Badge>
          </>
        ) : null}
      </p>
      <p className="dir-hit__vacancy">
        <VacancyText vacancy={s.vacancy} />
      </p>
      {handled.length ? (
        <ul className="dir-caps" aria-label={t('dir.capTable')}>
          {handled.map((c) => (
            <li key={c.careItem}>
              {c.label} <LevelBadge level={c.level} />
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
