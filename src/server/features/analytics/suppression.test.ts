import { describe, expect, it } from 'vitest';
import type { Column } from '../../../shared/contracts/analytics.js';
import { cellRatio, suppressRows, suppressStat, type Row } from './suppression.js';

const columns: Column[] = [
  { key: 'municipality', label: '市区町村', kind: 'label' },
  { key: 'municipalityCode', label: 'コード', kind: 'code' },
  { key: 'clients', label: '人数', kind: 'count', clientCount: true },
  { key: 'services', label: '事業所', kind: 'count' },
  { key: 'ratio', label: '比', kind: 'ratio' },
];
const rows: Row[] = [
  { municipality: '松戸市', municipalityCode: '12207', clients: 20, services: 2 },
  { municipality: '野田市', municipalityCode: '12208', clients: 3, services: 1 },
  { municipality: '柏市', municipalityCode: '12217', clients: 0, services: 4 },
  { municipality: '地域計', municipalityCode: null, clients: 23, services: 7 },
];
const derived = { ratio: (r: Row) => cellRatio(r.clients, r.services) };

describe('suppressRows', () => {
  it('hides 1–4 clients outside the viewer’s city, keeps 0 and service counts', () => {
    const { rows: out, hasSuppressed } = suppressRows(rows, columns, { detailMunicipality: null, threshold: 5 }, { derived });
    expect(out[1]!.clients).toBe('<5');
    expect(out[1]!.services).toBe(1);
    expect(out[1]!.ratio).toBeNull();
    expect(out[2]!.clients).toBe(0);
    expect(out[0]!.ratio).toBe(10);
    expect(hasSuppressed).toBe(true);
  });
  it('withholds a total that would give back the only hidden part', () => {
    const { rows: out } = suppressRows(rows, columns, { detailMunicipality: null, threshold: 5 });
    expect(out[3]!.clients).toBeNull();
    expect(JSON.stringify(out)).not.toContain('23');
  });
  it('shows the official’s own city exactly, but not other cities', () => {
    const noda = suppressRows(rows, columns, { detailMunicipality: '12208', threshold: 5 }).rows;
    expect(noda[1]!.clients).toBe(3);
    const matsudo = suppressRows(rows, columns, { detailMunicipality: '12207', threshold: 5 }).rows;
    expect(matsudo[1]!.clients).toBe('<5');
    expect(matsudo[0]!.clients).toBe(20);
  });
  it('follows the configured threshold', () => {
    const out = suppressRows(rows, columns, { detailMunicipality: null, threshold: 21 }).rows;
    expect(out[0]!.clients).toBe('<21');
    expect(out[3]!.clients).toBe(23); // two parts hidden: the total no longer isolates one
  });
  it('handles an empty region', () => {
    expect(suppressRows([], columns, { detailMunicipality: null, threshold: 5 })).toEqual({ rows: [], hasSuppressed: false });
  });
});

describe('suppressStat', () => {
  it('hides a statistic of a small group outside the viewer’s city', () => {
    expect(suppressStat(12, 3, '12208', { detailMunicipality: null, threshold: 5 })).toBeNull();
    expect(suppressStat(12, 3, '12208', { detailMunicipality: '12208', threshold: 5 })).toBe(12);
    expect(suppressStat(12, 5, null, { detailMunicipality: null, threshold: 5 })).toBe(12);
  });
});
