// The map beside the results: supplementary (the list carries everything, for keyboard and
// screen-reader users). The shared PointMap: no tiles by default, one marker per result that
// has coordinates.
import { useMemo } from 'react';
import type { DirectoryHit } from '../api/search-directory';
import { PointMap } from '../../../components/ui/point-map';
import { useT } from '../../../i18n/i18n';

export function ResultsMap({ hits }: { hits: DirectoryHit[] }) {
  const t = useT();
  const points = useMemo(
    () => hits.filter((h) => h.lat != null && h.lon != null).map((h, i) => ({ id: `${i}`, lat: h.lat!, lon: h.lon!, title: `${h.officeName}（${h.service.serviceTypeShortLabel}）` })),
    [hits],
  );
  return <PointMap className="dir-map-wrap" points={points} label={t('dir.map')} markerClassName="dir-marker" emptyText={t('dir.mapNoCoords')} failedText={t('dir.mapFailed')} />;
}
