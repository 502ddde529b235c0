import { describe, expect, it } from 'vitest';
import { boxOf, haversineKm, orderSimulationRows } from './simulate-outage.js';

describe('simulation ordering', () => {
  it('puts whoever runs out first on top, ties by reading then id, and ranks from 1', () => {
    const rows = [
      { clientId: 'c', nameKana: 'うえだ', runtimeHours: 5 },
      { clientId: 'b', nameKana: 'あおき', runtimeHours: 0 },
      { clientId: 'z', nameKana: 'いしい', runtimeHours: 5 },
      { clientId: 'a', nameKana: 'いしい', runtimeHours: 5 },
      { clientId: 'd', nameKana: 'えもと', runtimeHours: 2.5 },
    ];
    expect(orderSimulationRows(rows).map((r) => [r.rank, r.clientId])).toEqual([
      [1, 'b'],
      [2, 'd'],
      [3, 'a'],
      [4, 'z'],
      [5, 'c'],
    ]);
  });
});

describe('circle on the map', () => {
  it('measures great-circle distance (松戸市役所 → 柏市役所 ≈ 11 km)', () => {
    expect(haversineKm({ lat: 35.7876, lon: 139.9032 }, { lat: 35.8676, lon: 139.9756 })).toBeCloseTo(11, 0);
  });

  it('builds a lat/lon box that contains the whole circle', () => {
    const c = { lat: 35.78, lon: 139.9, radiusKm: 5 };
    const b = boxOf(c);
    for (const bearing of [0, 45, 90, 135, 180, 225, 270, 315]) {
      const rad = (bearing * Math.PI) / 180;
      const p = { lat: c.lat + (4.99 / 111.2) * Math.cos(rad), lon: c.lon + ((4.99 / 111.2) * Math.sin(rad)) / Math.cos((c.lat * Math.PI) / 180) };
      expect(haversineKm(c, p)).toBeLessThanOrEqual(5);
      expect(p.lat >= b.minLat && p.lat <= b.maxLat && p.lon >= b.minLon && p.lon <= b.maxLon).toBe(true);
    }
  });
});
