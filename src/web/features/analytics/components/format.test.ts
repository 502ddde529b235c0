import { describe, expect, it } from 'vitest';
import { translate } from '../../../i18n/i18n';
import { chartValue, formatCell } from './format';
import { gapBand, gapColumns } from './gap-matrix';

const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('ja', key, vars);

describe('formatCell', () => {
  it('keeps the suppression marker and shows missing values as a dash', () => {
    expect(formatCell('<5', 'count', t, 'ja')).toBe('<5');
    expect(formatCell(null, 'ratio', t, 'ja')).toBe('—');
  });

  it('formats counts, shares, days and flags', () => {
    expect(formatCell(12345, 'count', t, 'ja')).toBe('12,345');
    expect(formatCell(0.4231, 'share', t, 'ja')).toBe('42.3%');
    expect(formatCell(3.25, 'days', t, 'ja')).toBe('3.3 日');
    expect(formatCell(true, 'flag', t, 'ja')).toBe('はい');
  });
});

describe('chartValue', () => {
  it('draws a suppressed cell as a gap, a share in percent', () => {
    expect(chartValue('<5', 'count')).toBeNull();
    expect(chartValue(0.5, 'share')).toBe(50);
  });
});

describe('gap matrix', () => {
  it('uses the server level when there is one, else the same thresholds', () => {
    expect(gapBand(7, 0, null, 'none')).toBe('noSupply');
    expect(gapBand(30, 2, 15)).toBe('short');
    expect(gapBand(6, 2, 3)).toBe('tight');
    expect(gapBand(2, 2, 1)).toBe('ok');
    expect(gapBand('<5', 0, null)).toBe('noSupply');
    expect(gapBand('<5', 3, null)).toBe('suppressed');
    expect(gapBand(0, 3, 0)).toBe('noDemand');
  });

  it('finds the care item, service type, city, demand and supply columns', () => {
    const cols = gapColumns([
      { key: 'careItem', label: '医療的ケア', kind: 'label' },
      { key: 'serviceType', label: 'サービスの種類', kind: 'label' },
      { key: 'municipality', label: '市区町村', kind: 'label' },
      { key: 'clients', label: '需要', kind: 'count', clientCount: true },
      { key: 'yes', label: '対応可', kind: 'count' },
      { key: 'services', label: '供給', kind: 'count' },
      { key: 'ratio', label: '比', kind: 'ratio' },
    ]);
    expect([cols?.care.key, cols?.service.key, cols?.city.key, cols?.clients.key, cols?.services.key, cols?.ratio?.key]).toEqual(['careItem', 'serviceType', 'municipality', 'clients', 'services', 'ratio']);
  });
});
