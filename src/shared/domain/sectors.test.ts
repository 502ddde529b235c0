import { describe, it, expect } from 'vitest';
import { SECTORS, SECTOR_CODES, isSector, sectorLabel } from './sectors.js';

describe('sectors', () => {
  it('lists the four sectors in the seed report order with Japanese labels', () => {
    expect(SECTORS.map((s) => [s.code, s.label])).toEqual([
      ['medical', '医療'],
      ['welfare', '福祉・療育'],
      ['administration', '行政'],
      ['education', '教育'],
    ]);
    expect(SECTORS.map((s) => s.code)).toEqual([...SECTOR_CODES]);
  });

  it('recognises sector codes', () => {
    expect(isSector('medical')).toBe(true);
    expect(isSector('Medical')).toBe(false);
    expect(isSector('医療')).toBe(false);
    expect(isSector(undefined)).toBe(false);
  });

  it('returns the label for a code', () => {
    expect(sectorLabel('welfare')).toBe('福祉・療育');
    expect(sectorLabel('education')).toBe('教育');
  });
});
