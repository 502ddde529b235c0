import { describe, it, expect } from 'vitest';
import type { CareItemCode, MonitoringLevel } from './care-items.js';
import { CARE_SCORE_BANDS, careScoreBand, careScoreBandInfo, computeCareScore, type CareScoreInput } from './care-score.js';

const score = (...items: [CareItemCode, MonitoringLevel][]) =>
  computeCareScore(items.map(([code, monitoring]) => ({ code, monitoring })));

describe('computeCareScore: each item alone', () => {
  // [high, middle, low] totals computed by hand from DOMAIN.md §3 (base + 見守り; '–' → 0).
  const expected: Record<CareItemCode, [number, number, number]> = {
    ventilator: [12, 11, 10],
    tracheostomy: [10, 8, 8],
    nasopharyngeal_airway: [6, 5, 5],
    oxygen: [9, 8, 8],
    suction: [9, 8, 8],
    nebulizer: [3, 3, 3],
    tube_feeding: [10, 8, 8],
    feeding_pump: [0, 0, 0], // add-on without its parent
    central_venous: [10, 8, 8],
    injection: [6, 5, 5],
    injection_pump: [0, 0, 0], // add-on without its parent
    blood_glucose: [4, 3, 3],
    dialysis: [10, 8, 8],
    intermittent_catheterization: [5, 5, 5],
    continuous_catheterization: [4, 3, 3],
    stoma: [6, 5, 5],
    bowel_irrigation: [5, 5, 5],
    enema: [3, 3, 3],
    seizure_care: [5, 3, 3],
  };

  for (const [code, [high, middle, low]] of Object.entries(expected) as [CareItemCode, [number, number, number]][]) {
    it(`${code}: high ${high}, middle ${middle}, low ${low}`, () => {
      expect(score([code, 'high']).total).toBe(high);
      expect(score([code, 'middle']).total).toBe(middle);
      expect(score([code, 'low']).total).toBe(low);
    });
  }

  it('scores an empty list as 0, band 0', () => {
    expect(computeCareScore([])).toEqual({ total: 0, band: 0, breakdown: [], ignoredDuplicates: [] });
  });
});

describe('computeCareScore: unavailable monitoring levels', () => {
  it('scores a level the sheet does not offer as 0 and explains why', () => {
    const result = score(['suction', 'middle']);
    expect(result.breakdown).toEqual([
      {
        code: 'suction',
        label: '吸引（口鼻腔・気管内）',
        row: 5,
        base: 8,
        monitoring: 'middle',
        monitoringScore: 0,
        subtotal: 8,
        counted: true,
        note: '見守りスコア「中」はこの項目にないため0点です。',
      },
    ]);
  });

  it('does so for ネブライザー at "high" too', () => {
    const [line] = score(['nebulizer', 'high']).breakdown;
    expect(line).toMatchObject({ base: 3, monitoringScore: 0, subtotal: 3, counted: true });
    expect(line?.note).toContain('「高」');
  });

  it('adds no note when the level exists', () => {
    expect(score(['suction', 'high']).breakdown[0]?.note).toBeUndefined();
  });
});

describe('computeCareScore: ventilator and tracheostomy', () => {
  it('does not add the tracheostomy monitoring score when a ventilator is scored', () => {
    const result = score(['ventilator', 'high'], ['tracheostomy', 'high']);
    // 10 + 2 (ventilator) + 8 (tracheostomy base only)
    expect(result.total).toBe(20);
    const trach = result.breakdown.find((l) => l.code === 'tracheostomy');
    expect(trach).toMatchObject({ base: 8, monitoringScore: 0, subtotal: 8, counted: true });
    expect(trach?.note).toBe('人工呼吸器を算定しているため、気管切開の見守りスコアは加点しません。');
  });

  it('adds it when there is no ventilator', () => {
    const result = score(['tracheostomy', 'high']);
    expect(result.total).toBe(10);
    expect(result.breakdown[0]?.note).toBeUndefined();
  });

  it('needs no note when the tracheostomy monitoring is low anyway', () => {
    const result = score(['ventilator', 'middle'], ['tracheostomy', 'low']);
    expect(result.total).toBe(11 + 8);
    expect(result.breakdown.find((l) => l.code === 'tracheostomy')?.note).toBeUndefined();
  });
});

describe('computeCareScore: add-ons', () => {
  it('adds the feeding pump on top of tube feeding', () => {
    // (8 + 2) + (3 + 1)
    expect(score(['tube_feeding', 'high'], ['feeding_pump', 'high']).total).toBe(14);
    // (8 + 0) + (3 + 0)
    expect(score(['tube_feeding', 'low'], ['feeding_pump', 'low']).total).toBe(11);
  });

  it('adds the subcutaneous pump on top of injection', () => {
    expect(score(['injection', 'high'], ['injection_pump', 'high']).total).toBe(10);
    expect(score(['injection', 'low'], ['injection_pump', 'high']).total).toBe(9);
  });

  it('scores an add-on without its parent as nothing, with a note', () => {
    const result = score(['feeding_pump', 'high'], ['oxygen', 'low']);
    expect(result.total).toBe(8);
    expect(result.breakdown.find((l) => l.code === 'feeding_pump')).toEqual({
      code: 'feeding_pump',
      label: '経管栄養（持続経管注入ポンプ使用）',
      row: 7,
      base: 0,
      monitoring: 'high',
      monitoringScore: 0,
      subtotal: 0,
      counted: false,
      note: '「経管栄養」がないため、加算しません。',
    });
    const pump = score(['injection_pump', 'low']).breakdown[0];
    expect(pump?.counted).toBe(false);
    expect(pump?.note).toBe('「その他の注射管理（皮下注射）」がないため、加算しません。');
  });

  it('does not let one parent carry the other add-on', () => {
    expect(score(['tube_feeding', 'low'], ['injection_pump', 'high']).total).toBe(8);
  });
});

describe('computeCareScore: row 12 / 13 alternatives', () => {
  it('scores only the higher 導尿 sub-item', () => {
    // 間欠的 5 vs 持続的 3 + 1 = 4 → 5
    const result = score(['continuous_catheterization', 'high'], ['intermittent_catheterization', 'low']);
    expect(result.total).toBe(5);
    const cont = result.breakdown.find((l) => l.code === 'continuous_catheterization');
    expect(cont).toMatchObject({ base: 0, monitoringScore: 0, subtotal: 0, counted: false });
    expect(cont?.note).toBe('導尿は1項目のみ算定します（「導尿（間欠的導尿）」を算定）。');
  });

  it('scores only the highest 排便管理 sub-item', () => {
    // ストーマ 5 + 1 = 6 beats 摘便・洗腸 5 and 浣腸 3
    const result = score(['enema', 'low'], ['bowel_irrigation', 'low'], ['stoma', 'high']);
    expect(result.total).toBe(6);
    expect(result.breakdown.map((l) => [l.code, l.subtotal, l.counted])).toEqual([
      ['stoma', 6, true],
      ['bowel_irrigation', 0, false],
      ['enema', 0, false],
    ]);
  });

  it('breaks a tie in favour of the earlier sub-item on the sheet', () => {
    // ストーマ low 5 vs 摘便・洗腸 5
    const result = score(['bowel_irrigation', 'low'], ['stoma', 'low']);
    expect(result.total).toBe(5);
    expect(result.breakdown.find((l) => l.counted)?.code).toBe('stoma');
  });

  it('picks 摘便・洗腸 over 浣腸', () => {
    const result = score(['enema', 'low'], ['bowel_irrigation', 'low']);
    expect(result.total).toBe(5);
    expect(result.breakdown.find((l) => l.code === 'enema')?.note).toBe(
      '排便管理は1項目のみ算定します（「排便管理（摘便・洗腸）」を算定）。',
    );
  });

  it('keeps rows 12 and 13 independent of each other', () => {
    expect(score(['intermittent_catheterization', 'low'], ['stoma', 'high']).total).toBe(11);
  });
});

describe('computeCareScore: duplicates and bad input', () => {
  it('ignores later duplicates and reports them', () => {
    const result = score(['suction', 'high'], ['suction', 'low'], ['oxygen', 'low'], ['suction', 'high']);
    expect(result.total).toBe(9 + 8);
    expect(result.breakdown.map((l) => l.code)).toEqual(['oxygen', 'suction']);
    expect(result.breakdown.find((l) => l.code === 'suction')?.monitoring).toBe('high');
    expect(result.ignoredDuplicates).toEqual(['suction']);
  });

  it('rejects unknown codes and levels', () => {
    expect(() => computeCareScore([{ code: 'oxygen_therapy' as CareItemCode, monitoring: 'low' }])).toThrow(RangeError);
    expect(() => computeCareScore([{ code: 'oxygen', monitoring: 'mid' as MonitoringLevel }])).toThrow(RangeError);
  });

  it('lists the breakdown in sheet order whatever the input order', () => {
    const result = score(['seizure_care', 'low'], ['ventilator', 'low'], ['oxygen', 'low']);
    expect(result.breakdown.map((l) => l.row)).toEqual([1, 4, 14]);
  });
});

describe('computeCareScore: bands', () => {
  it.each([
    [[], 0, 0],
    [[['enema', 'low']], 3, 3],
    [[['ventilator', 'low'], ['stoma', 'low']], 15, 3],
    [[['oxygen', 'low'], ['suction', 'low']], 16, 16],
    [[['ventilator', 'high'], ['suction', 'high'], ['tube_feeding', 'high']], 31, 16],
    [[['ventilator', 'high'], ['tube_feeding', 'high'], ['central_venous', 'high']], 32, 32],
  ] as [[CareItemCode, MonitoringLevel][], number, number][])('%j → total %i, band %i', (items, total, band) => {
    const result = score(...items);
    expect(result.total).toBe(total);
    expect(result.band).toBe(band);
  });

  it('puts the boundaries where DOMAIN.md says', () => {
    expect(careScoreBand(0)).toBe(0);
    expect(careScoreBand(2)).toBe(0);
    expect(careScoreBand(3)).toBe(3);
    expect(careScoreBand(15)).toBe(3);
    expect(careScoreBand(16)).toBe(16);
    expect(careScoreBand(31)).toBe(16);
    expect(careScoreBand(32)).toBe(32);
    expect(careScoreBand(80)).toBe(32);
  });

  it('describes each band with contiguous ranges', () => {
    expect(CARE_SCORE_BANDS.map((b) => b.band)).toEqual([0, 3, 16, 32]);
    for (let i = 1; i < CARE_SCORE_BANDS.length; i++) {
      expect(CARE_SCORE_BANDS[i]!.min).toBe(CARE_SCORE_BANDS[i - 1]!.max! + 1);
    }
    expect(careScoreBandInfo(16).label).toBe('16点以上');
    expect(careScoreBandInfo(32).max).toBeNull();
  });
});

describe('computeCareScore: worked example', () => {
  it('scores Aちゃん: ventilator high, suction high, nebulizer, tube feeding + pump high', () => {
    const input: CareScoreInput[] = [
      { code: 'ventilator', monitoring: 'high' },
      { code: 'suction', monitoring: 'high' },
      { code: 'nebulizer', monitoring: 'low' },
      { code: 'tube_feeding', monitoring: 'high' },
      { code: 'feeding_pump', monitoring: 'high' },
    ];
    const result = computeCareScore(input);
    // (10+2) + (8+1) + (3+0) + (8+2) + (3+1) = 12 + 9 + 3 + 10 + 4 = 38
    expect(result.breakdown.map((l) => [l.code, l.base, l.monitoringScore, l.subtotal])).toEqual([
      ['ventilator', 10, 2, 12],
      ['suction', 8, 1, 9],
      ['nebulizer', 3, 0, 3],
      ['tube_feeding', 8, 2, 10],
      ['feeding_pump', 3, 1, 4],
    ]);
    expect(result.total).toBe(38);
    expect(result.band).toBe(32);
    expect(result.breakdown.every((l) => l.counted && l.note === undefined)).toBe(true);
  });

  it('keeps subtotals consistent with the total for a heavy combination', () => {
    const result = score(
      ['ventilator', 'high'],
      ['tracheostomy', 'high'],
      ['oxygen', 'high'],
      ['suction', 'high'],
      ['tube_feeding', 'high'],
      ['feeding_pump', 'high'],
      ['seizure_care', 'high'],
    );
    // 12 + 8 + 9 + 9 + 10 + 4 + 5
    expect(result.total).toBe(57);
    expect(result.breakdown.reduce((s, l) => s + l.subtotal, 0)).toBe(result.total);
    for (const l of result.breakdown) expect(l.base + l.monitoringScore).toBe(l.subtotal);
  });
});
