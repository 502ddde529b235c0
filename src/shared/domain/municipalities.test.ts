import { describe, it, expect } from 'vitest';
import {
  PREFECTURES,
  TOKATSU_MUNICIPALITIES,
  findPrefecture,
  findTokatsuMunicipality,
  isValidLgCode,
  municipalityCheckDigit,
  toLgCode,
} from './municipalities.js';

describe('municipalityCheckDigit (JIS X 0402)', () => {
  it('matches the six 東葛 6-digit codes from DOMAIN.md §9', () => {
    expect(municipalityCheckDigit('12207')).toBe('6'); // 6+10+8+0+14=38, 38%11=5, 11-5=6
    expect(municipalityCheckDigit('12217')).toBe('3'); // 41%11=8 → 3
    expect(municipalityCheckDigit('12220')).toBe('3'); // 30%11=8 → 3
    expect(municipalityCheckDigit('12208')).toBe('4'); // 40%11=7 → 4
    expect(municipalityCheckDigit('12222')).toBe('0'); // 34%11=1 → 10 → 0
    expect(municipalityCheckDigit('12224')).toBe('6'); // 38%11=5 → 6
  });

  it('takes the last digit of 11 when the remainder is 0 (埼玉県 110001)', () => {
    expect(municipalityCheckDigit('11000')).toBe('1'); // 6+5=11, 11%11=0 → 11 → 1
    expect(municipalityCheckDigit('13101')).toBe('6'); // 千代田区 131016
    expect(municipalityCheckDigit('01100')).toBe('2'); // 札幌市 011002
  });

  it('rejects malformed input', () => {
    expect(() => municipalityCheckDigit('1220')).toThrow(RangeError);
    expect(() => municipalityCheckDigit('12a07')).toThrow(RangeError);
  });

  it('validates and builds 6-digit codes', () => {
    expect(toLgCode('12207')).toBe('122076');
    expect(isValidLgCode('122076')).toBe(true);
    expect(isValidLgCode('122077')).toBe(false);
    expect(isValidLgCode('12207')).toBe(false);
  });
});

describe('PREFECTURES', () => {
  it('lists the 47 prefectures in JIS order with unique codes', () => {
    expect(PREFECTURES).toHaveLength(47);
    expect(PREFECTURES.map((p) => p.code)).toEqual(
      Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
    expect(new Set(PREFECTURES.map((p) => p.name)).size).toBe(47);
  });

  it('gives hiragana readings', () => {
    for (const p of PREFECTURES) expect(p.kana).toMatch(/^[\u3041-\u309f]+$/);
  });

  it('derives the prefecture-level 6-digit code and short name', () => {
    expect(findPrefecture('12')).toMatchObject({ name: '千葉県', shortName: '千葉', kana: 'ちばけん', lgCode: '120006' });
    expect(findPrefecture('01')).toMatchObject({ name: '北海道', shortName: '北海道', lgCode: '010006' });
    expect(findPrefecture('13')).toMatchObject({ name: '東京都', shortName: '東京', lgCode: '130001' });
    expect(findPrefecture('11')?.lgCode).toBe('110001');
    expect(findPrefecture('27')?.shortName).toBe('大阪');
    expect(findPrefecture('47')?.name).toBe('沖縄県');
  });

  it('finds by number, 2-digit, 5-digit and 6-digit codes', () => {
    expect(findPrefecture(12)?.name).toBe('千葉県');
    expect(findPrefecture(1)?.name).toBe('北海道');
    expect(findPrefecture('12207')?.name).toBe('千葉県');
    expect(findPrefecture('122076')?.name).toBe('千葉県');
    expect(findPrefecture('12000')?.name).toBe('千葉県');
    expect(findPrefecture('48')).toBeUndefined();
    expect(findPrefecture('00')).toBeUndefined();
    expect(findPrefecture(0)).toBeUndefined();
    expect(findPrefecture('chiba')).toBeUndefined();
  });
});

describe('TOKATSU_MUNICIPALITIES', () => {
  it('lists the six cities of DOMAIN.md §9', () => {
    expect(TOKATSU_MUNICIPALITIES.map((m) => m.name).sort()).toEqual(
      ['松戸市', '柏市', '流山市', '野田市', '我孫子市', '鎌ケ谷市'].sort(),
    );
  });

  it('has 6-digit codes whose check digit is right and which extend the 5-digit code', () => {
    for (const m of TOKATSU_MUNICIPALITIES) {
      expect(m.lgCode.slice(0, 5)).toBe(m.code);
      expect(isValidLgCode(m.lgCode)).toBe(true);
      expect(m.prefectureCode).toBe('12');
      expect(m.kana).toMatch(/^[\u3041-\u309f]+し$/);
    }
  });

  it('records readings, regions and the 中核市', () => {
    expect(findTokatsuMunicipality('12207')).toMatchObject({ kana: 'まつどし', welfareRegion: '松戸', population2022: 497_000 });
    expect(findTokatsuMunicipality('12217')).toMatchObject({ name: '柏市', kana: 'かしわし', isCoreCity: true });
    expect(findTokatsuMunicipality('12220')).toMatchObject({ kana: 'ながれやまし', welfareRegion: '松戸' });
    expect(findTokatsuMunicipality('12208')).toMatchObject({ kana: 'のだし', welfareRegion: '野田' });
    expect(findTokatsuMunicipality('12222')).toMatchObject({ kana: 'あびこし', welfareRegion: '松戸' });
    expect(findTokatsuMunicipality('12224')).toMatchObject({ kana: 'かまがやし', welfareRegion: '習志野' });
    expect(TOKATSU_MUNICIPALITIES.filter((m) => m.isCoreCity).map((m) => m.name)).toEqual(['柏市']);
  });

  it('places every city hall inside the 東葛 area', () => {
    for (const m of TOKATSU_MUNICIPALITIES) {
      expect(m.cityHall.lat).toBeGreaterThan(35.7);
      expect(m.cityHall.lat).toBeLessThan(36.0);
      expect(m.cityHall.lon).toBeGreaterThan(139.8);
      expect(m.cityHall.lon).toBeLessThan(140.1);
    }
  });

  it('finds by 6-digit code only with the right check digit', () => {
    expect(findTokatsuMunicipality('122076')?.name).toBe('松戸市');
    expect(findTokatsuMunicipality('122077')).toBeUndefined();
    expect(findTokatsuMunicipality('13101')).toBeUndefined();
  });
});
