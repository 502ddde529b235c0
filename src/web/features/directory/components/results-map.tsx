// The map beside the results: supplementary (the list carries everything, for keyboard and
// screen-reader users). No tiles by default — there may be no internet — so a plain background
// with one marker per result that has coordinates. A tile URL may come from VITE_MAP_TILE_URL.
// Any failure (WebGL missing, tiles unreachable) leaves a notice, never a broken page.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DirectoryHit } from '../api/search-directory';
import { useT } from '../../../i18n/i18n';

const TILE_URL = (import.meta.env as Record<string, string | undefined>).VITE_MAP_TILE_URL;

export function ResultsMap({ hits }: { hits: DirectoryHit[] }) {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<import('maplibre-gl').Map | null>(null);
  const markersRef = useRef<import('maplibre-gl').Marker[]>([]);
  const [failed, setFailed] = useState(false);
  const [ready, setReady] = useState(false);
  const points = useMemo(() => hits.filter((h) => h.lat != null && h.lon != null), [hits]);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const [maplibre, worker] = await Promise.all([import('maplibre-gl'), import('maplibre-gl/dist/maplibre-gl-worker.mjs?url')]);
        // The worker is a separate file that the bundler emits; tell MapLibre where it is.
        maplibre.setWorkerUrl(worker.default);
        await import('maplibre-gl/dist/maplibre-gl.css');
        if (cancelled || !container.current) return;
        const map = new maplibre.Map({
          container: container.current,
          style: {
            version: 8,
            sources: TILE_URL ? { tiles: { type: 'raster', tiles: [TILE_URL], tileSize: 256 } } : {},
            layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#eef2f5' } }, ...(TILE_URL ? [{ id: 'tiles', type: 'raster' as const, source: 'tiles' }] : [])],
          },
          center: [139.95, 35.85],
          zoom: 9.5,
          attributionControl: false,
        });
        map.on('error', () => undefined); // a failing tile must not break anything
        // The map may start hidden (the list/map toggle on a phone): follow the container's size.
        const observer = new ResizeObserver(() => map.resize());
        observer.observe(container.current);
        map.once('remove', () => observer.disconnect());
        mapRef.current = map;
        setReady(true);
      } catch {
        if (!cancelled) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      mapRef.current?.remove();
      mapRef.current = null;
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    void import('maplibre-gl').then((maplibre) => {
      for (const m of markersRef.current) m.remove();
      markersRef.current = points.map((h) => {
        const el = document.createElement('div');
        el.className = 'dir-marker';
        el.title = `${h.officeName}（${h.service.serviceTypeShortLabel}）`;
        el.setAttribute('aria-hidden', 'true');
        return new maplibre.Marker({ element: el }).setLngLat([h.lon!, h.lat!]).addTo(map);
      });
      if (points.length) {
        const b = new maplibre.LngLatBounds();
        for (const h of points) b.extend([h.lon!, h.lat!]);
        map.fitBounds(b, { padding: 40, maxZoom: 13, duration: 0 });
      }
    });
  }, [ready, points]);

  return (
    <div className="dir-map-wrap">
      <div ref={container} className="dir-map" role="region" aria-label={t('dir.map')} />
      {failed ? <p className="muted">{t('dir.mapFailed')}</p> : !points.length ? <p className="muted">{t('dir.mapNoCoords')}</p> : null}
    </div>
  );
}
