import { describe, it, expect } from 'vitest';
import { SHOMAN_GROUPS, SHOMAN_GROUP_CODES, findShomanGroup, isShomanGroupCode } from './shoman-groups.js';

describe('小児慢性特定疾病 groups', () => {
  it('has the 16 groups with codes 01..16 in official order', () => {
    expect(SHOMAN_GROUPS.map((g) => g.code)).toEqual([...SHOMAN_GROUP_CODES]);
    expect(SHOMAN_GROUPS.map((g) => g.label)).toEqual([
      '悪性新生物',
      '慢性腎疾患',
      '慢性呼吸器疾患',
      '慢性心疾患',
      '内分泌疾患',
      '膠原病',
      '糖尿病',
      '先天性代謝異常',
      '血液疾患',
      '免疫疾患',
      '神経・筋疾患',
      '慢性消化器疾患',
      '染色体又は遺伝子に変化を伴う症候群',
      '皮膚疾患',
      '骨系統疾患',
      '脈管系疾患',
    ]);
  });

  it('finds a group and guards codes', () => {
    expect(findShomanGroup('11')?.label).toBe('神経・筋疾患');
    expect(findShomanGroup('1')).toBeUndefined();
    expect(findShomanGroup('17')).toBeUndefined();
    expect(isShomanGroupCode('16')).toBe(true);
    expect(isShomanGroupCode('00')).toBe(false);
    expect(isShomanGroupCode(1)).toBe(false);
  });
});
