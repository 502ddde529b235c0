// A MapLibre map of points, supplementary to a list that carries everything (for keyboard and
// screen-reader users). No tiles by default — there may be no internet — so a plain background
// with one marker per point; a tile URL may come from VITE_MAP_TILE_URL. Optionally a circle
// (drawn as a polygon) and a click handler that picks a point (e.g. the circle's centre).
// Any failure (WebGL missing, tiles unreachable) leaves a notice, never a broken page.
import { useEffect, useRef, useState } from 'react';

const TILE_URL = (import.meta.env as Record<string, string | undefined>).VITE_MAP_TILE_URL;

export interface MapPoint {
  id: string;
  lat: number;
  lon: number;
  /** Tooltip (the list holds the same text for assistive technology). */
  title: string;
  /** Short text inside the marker (e.g. a rank number). */
  text?: string;
}

export interface MapCircle {
  lat: number;
  lon: number;
  radiusKm: number;
}

export interface PointMapProps {
  points: readonly MapPoint[];
  /** The region's accessible name. */
  label: string;
  markerClassName: string;
  className?: string;
  circle?: MapCircle | null;
  onPick?: (lat: number, lon: number) => void;
  /** Shown when no point has coordinates / when the map could not start. */
  emptyText: string;
  failedText: string;
}

/** A circle as a 64-sided polygon (good enough at city scale). */
export function circlePolygon(c: MapCircle): [number, number][] {
  const ring: [number, number][] = [];
  const dLat = c.radiusKm / 111.32;
  const dLon = c.radiusKm / (111.32 * Math.cos((c.lat * Math.PI) / 180));
  for (let i = 0; i <= 64; i++) {
    const a = (i / 64) * 2 * Math.PI;
    ring.push([c.lon + dLon * Math.cos(a), c.lat + dLat * Math.sin(a)]);
  }
  return ring;
}

export function PointMap({ points, label, markerClassName, className, circle, onPick, emptyText, failedText }: PointMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<import('maplibre-gl').Map | null>(null);
  const markersRef = useRef<import('maplibre-gl').Marker[]>([]);
  const pickRef = useRef(onPick);
  pickRef.current = onPick;
  const [failed, setFailed] = useState(false);
  const [ready, setReady] = useState(false);

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
        map.on('click', (e) => pickRef.current?.(Math.round(e.lngLat.lat * 1e5) / 1e5, Math.round(e.lngLat.lng * 1e5) / 1e5));
        // The map may start hidden (a list/map toggle on a phone): follow the container's size.
        const observer = new ResizeObserver(() => map.resize());
        observer.observe(container.current);
        map.once('remove', () => observer.disconnect());
        map.once('load', () => {
          if (!cancelled) setReady(true);
        });
        mapRef.current = map;
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
    let stale = false;
    void import('maplibre-gl').then((maplibre) => {
      if (stale) return;
      for (const m of markersRef.current) m.remove();
      markersRef.current = points.map((p) => {
        const el = document.createElement('div');
        el.className = markerClassName;
        el.title = p.title;
        if (p.text) el.textContent = p.text;
        el.setAttribute('aria-hidden', 'true');
        return new maplibre.Marker({ element: el }).setLngLat([p.lon, p.lat]).addTo(map);
      });
      const data = { type: 'FeatureCollection' as const, features: circle ? [{ type: 'Feature' as const, properties: {}, geometry: { type: 'Polygon' as const, coordinates: [circlePolygon(circle)] } }] : [] };
      const source = map.getSource('circle') as import('maplibre-gl').GeoJSONSource | undefined;
      if (source) source.setData(data);
      else {
        map.addSource('circle', { type: 'geojson', data });
        map.addLayer({ id: 'circle-fill', type: 'fill', source: 'circle', paint: { 'fill-color': '#0031d8', 'fill-opacity': 0.08 } });
        map.addLayer({ id: 'circle-line', type: 'line', source: 'circle', paint: { 'line-color': '#0031d8', 'line-width': 2 } });
      }
      const b = new maplibre.LngLatBounds();
      for (const p of points) b.extend([p.lon, p.lat]);
      if (circle) for (const [lon, lat] of circlePolygon(circle)) b.extend([lon, lat]);
      if (!b.isEmpty()) map.fitBounds(b, { padding: 40, maxZoom: 13, duration: 0 });
    });
    return () => {
      stale = true;
    };
  }, [ready, points, circle, markerClassName]);

  return (
    <div className={className}>
      <div ref={container} className="point-map" role="region" aria-label={label} />
      {failed ? <p className="muted">{failedText}</p> : !points.length ? <p className="muted">{emptyText}</p> : null}
    </div>
  );
}
