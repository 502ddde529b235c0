import { describe, it, expect } from 'vitest';
import {
  OTHER_SERVICE_TYPE_CODES,
  SERVICE_TYPES,
  SERVICE_TYPE_CODES,
  WAM_SERVICE_TYPE_CODES,
  findServiceType,
  getServiceType,
  isServiceTypeCode,
  isWamServiceTypeCode,
  serviceTypeLabel,
  serviceTypesBySector,
  serviceTypesForAdults,
  serviceTypesForChildren,
} from './service-types.js';

describe('service types', () => {
  it('has the 16 WAM types of DOMAIN.md §7 with their NN codes and labels', () => {
    const wam = Object.fromEntries(SERVICE_TYPES.filter((t) => t.isWam).map((t) => [t.code, t.label]));
    expect(wam).toEqual({
      '11': '居宅介護',
      '12': '重度訪問介護',
      '13': '行動援護',
      '15': '同行援護',
      '21': '療養介護',
      '22': '生活介護',
      '24': '短期入所',
      '33': '共同生活援助',
      '46': '就労継続支援B型',
      '52': '計画相談支援',
      '63': '児童発達支援',
      '64': '医療型児童発達支援',
      '65': '放課後等デイサービス',
      '66': '居宅訪問型児童発達支援',
      '67': '保育所等訪問支援',
      '70': '障害児相談支援',
    });
    expect(SERVICE_TYPES.filter((t) => t.isWam).map((t) => t.code)).toEqual([...WAM_SERVICE_TYPE_CODES]);
  });

  it('has every non-WAM type once, and codes are unique overall', () => {
    expect(SERVICE_TYPES.filter((t) => !t.isWam).map((t) => t.code).sort()).toEqual([...OTHER_SERVICE_TYPE_CODES].sort());
    expect(new Set(SERVICE_TYPE_CODES).size).toBe(SERVICE_TYPES.length);
    expect(SERVICE_TYPES).toHaveLength(16 + 18);
  });

  it('uses the short names people say', () => {
    expect(getServiceType('63').shortLabel).toBe('児発');
    expect(getServiceType('65').shortLabel).toBe('放デイ');
    expect(getServiceType('24').shortLabel).toBe('短期入所');
    expect(getServiceType('home_nursing').label).toBe('訪問看護');
    expect(serviceTypeLabel('medical_short_stay')).toBe('医療型短期入所');
  });

  it('places types in the sectors of the seed report', () => {
    expect(serviceTypesBySector('medical').map((t) => t.code)).toEqual([
      'home_nursing',
      'home_medical',
      'home_rehab',
      'home_pharmacy',
      'home_dental',
      'hospital',
      'medical_short_stay',
      'child_development_center',
    ]);
    expect(serviceTypesBySector('administration').map((t) => t.code)).toEqual([
      'admin_desk',
      'health_center',
      'child_family_center',
    ]);
    expect(serviceTypesBySector('education').map((t) => t.code)).toEqual([
      'special_school',
      'board_of_education',
      'school_social_worker',
    ]);
    expect(serviceTypesBySector('welfare').every((t) => t.isWam || t.code.length > 2)).toBe(true);
    expect(getServiceType('core_consultation_center').sector).toBe('welfare');
  });

  it('records the 2024 merge of 医療型児発 into 児発', () => {
    expect(getServiceType('64').mergedInto).toBe('63');
    expect(SERVICE_TYPES.filter((t) => t.mergedInto).map((t) => t.code)).toEqual(['64']);
  });

  it('separates children-only and adults-only types', () => {
    const children = serviceTypesForChildren().map((t) => t.code);
    const adults = serviceTypesForAdults().map((t) => t.code);
    expect(children).toContain('65');
    expect(children).toContain('24'); // both ages
    expect(children).not.toContain('22');
    expect(children).not.toContain('52');
    expect(adults).toContain('52');
    expect(adults).toContain('24');
    expect(adults).not.toContain('70');
    expect(adults).not.toContain('65');
  });

  it('guards codes', () => {
    expect(isServiceTypeCode('65')).toBe(true);
    expect(isServiceTypeCode('home_nursing')).toBe(true);
    expect(isServiceTypeCode(65)).toBe(false);
    expect(isServiceTypeCode('99')).toBe(false);
    expect(isServiceTypeCode('wam_65')).toBe(false);
    expect(isWamServiceTypeCode('65')).toBe(true);
    expect(isWamServiceTypeCode('hospital')).toBe(false);
    expect(findServiceType('70')?.label).toBe('障害児相談支援');
    expect(findServiceType('nope')).toBeUndefined();
    expect(() => getServiceType('nope' as never)).toThrow(RangeError);
  });
});
