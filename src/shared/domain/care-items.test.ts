import { describe, it, expect } from 'vitest';
import {
  CARE_ITEMS,
  CARE_ITEM_CODES,
  availableMonitoringLevels,
  findCareItem,
  getCareItem,
  isCareItemCode,
  isMonitoringLevel,
} from './care-items.js';

describe('care items', () => {
  it('has exactly the 19 stable API codes, in score-sheet order', () => {
    expect(CARE_ITEM_CODES).toEqual([
      'ventilator',
      'tracheostomy',
      'nasopharyngeal_airway',
      'oxygen',
      'suction',
      'nebulizer',
      'tube_feeding',
      'feeding_pump',
      'central_venous',
      'injection',
      'injection_pump',
      'blood_glucose',
      'dialysis',
      'intermittent_catheterization',
      'continuous_catheterization',
      'stoma',
      'bowel_irrigation',
      'enema',
      'seizure_care',
    ]);
    expect(CARE_ITEMS.map((i) => i.code)).toEqual([...CARE_ITEM_CODES]);
  });

  it('covers rows 1–14 in ascending order', () => {
    const rows = CARE_ITEMS.map((i) => i.row);
    expect(new Set(rows)).toEqual(new Set(Array.from({ length: 14 }, (_, i) => i + 1)));
    expect([...rows].sort((a, b) => a - b)).toEqual(rows);
  });

  it('matches the DOMAIN.md §3 table row by row', () => {
    const table = Object.fromEntries(
      CARE_ITEMS.map((i) => [i.code, [i.row, i.baseScore, i.monitoringScores.high, i.monitoringScores.middle, i.monitoringScores.low]]),
    );
    expect(table).toEqual({
      ventilator: [1, 10, 2, 1, 0],
      tracheostomy: [2, 8, 2, null, 0],
      nasopharyngeal_airway: [3, 5, 1, null, 0],
      oxygen: [4, 8, 1, null, 0],
      suction: [5, 8, 1, null, 0],
      nebulizer: [6, 3, null, null, 0],
      tube_feeding: [7, 8, 2, null, 0],
      feeding_pump: [7, 3, 1, null, 0],
      central_venous: [8, 8, 2, null, 0],
      injection: [9, 5, 1, null, 0],
      injection_pump: [9, 3, 1, null, 0],
      blood_glucose: [10, 3, 1, null, 0],
      dialysis: [11, 8, 2, null, 0],
      intermittent_catheterization: [12, 5, null, null, 0],
      continuous_catheterization: [12, 3, 1, null, 0],
      stoma: [13, 5, 1, null, 0],
      bowel_irrigation: [13, 5, null, null, 0],
      enema: [13, 3, null, null, 0],
      seizure_care: [14, 3, 2, null, 0],
    });
  });

  it('marks the two add-ons and the row 12/13 alternatives', () => {
    expect(CARE_ITEMS.filter((i) => i.addOnTo).map((i) => [i.code, i.addOnTo])).toEqual([
      ['feeding_pump', 'tube_feeding'],
      ['injection_pump', 'injection'],
    ]);
    expect(CARE_ITEMS.filter((i) => i.group === 'urinary_catheterization').map((i) => i.code)).toEqual([
      'intermittent_catheterization',
      'continuous_catheterization',
    ]);
    expect(CARE_ITEMS.filter((i) => i.group === 'bowel_management').map((i) => i.code)).toEqual([
      'stoma',
      'bowel_irrigation',
      'enema',
    ]);
  });

  it('gives every item a Japanese label and a plain description', () => {
    for (const item of CARE_ITEMS) {
      expect(item.label).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(item.description.length).toBeGreaterThan(5);
    }
    expect(getCareItem('suction').label).toBe('吸引（口鼻腔・気管内）');
  });

  it('looks items up and guards codes and levels', () => {
    expect(findCareItem('oxygen')?.label).toBe('酸素療法');
    expect(findCareItem('oxygen_therapy')).toBeUndefined();
    expect(isCareItemCode('enema')).toBe(true);
    expect(isCareItemCode('Enema')).toBe(false);
    expect(isMonitoringLevel('middle')).toBe(true);
    expect(isMonitoringLevel('mid')).toBe(false);
    expect(() => getCareItem('nope' as never)).toThrow(RangeError);
  });

  it('lists the monitoring levels a form may offer', () => {
    expect(availableMonitoringLevels('ventilator')).toEqual(['high', 'middle', 'low']);
    expect(availableMonitoringLevels('suction')).toEqual(['high', 'low']);
    expect(availableMonitoringLevels('nebulizer')).toEqual(['low']);
    expect(availableMonitoringLevels('intermittent_catheterization')).toEqual(['low']);
    expect(availableMonitoringLevels('continuous_catheterization')).toEqual(['high', 'low']);
  });
});
