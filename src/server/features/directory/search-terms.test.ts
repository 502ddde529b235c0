import { describe, expect, it } from 'vitest';
import { normalizeForSearch } from '../../../shared/text/normalize.js';
import { detectEncoding, resolveMunicipality } from './import-wam.js';
import { ageTag, listingSearchColumns } from './listing-search.js';
import { bigramQuery, roundEstimate, searchTerms, tsLexeme } from './search-directory.js';

describe('searchTerms', () => {
  it('normalises each space-separated term (NFKC, kana folding, long vowels) and drops duplicates', () => {
    expect(searchTerms('ﾎｳﾓﾝ　カンゴ ほうもん')).toEqual(['ほうもん', 'かんご']);
    expect(searchTerms('ＮＰＯ ステーション')).toEqual(['npo', 'すてーしょん']);
    expect(searchTerms('ｽﾃｰｼｮﾝ')).toEqual(['すてーしょん']);
    expect(searchTerms('ステ－ション')).toEqual(['すてーしょん']); // full-width hyphen as a long vowel
    expect(searchTerms('   ')).toEqual([]);
    expect(searchTerms(undefined)).toEqual([]);
  });
});

describe('bigram tsquery', () => {
  it('uses a prefix query for one character and ANDed bigrams for more', () => {
    expect(bigramQuery('柏')).toBe("'柏':*");
    expect(bigramQuery('看護')).toBe("'看護'");
    expect(bigramQuery('訪問看')).toBe("'訪問' & '問看'");
  });
  it('quotes lexemes so that tsquery syntax in user input stays literal', () => {
    expect(tsLexeme("a'b")).toBe("'a''b'");
    expect(tsLexeme('a\\b')).toBe("'a\\\\b'");
    expect(bigramQuery("'&")).toBe("'''&'");
  });
});

describe('listing search columns', () => {
  const office = {
    name: 'ひだまり訪問看護ステーション',
    nameKana: 'ひだまりほうもんかんごすてーしょん',
    sector: 'medical',
    municipalityCode: '12207',
    municipalityName: '松戸市',
    prefectureName: '千葉県',
    address: '常盤平１－２',
    lat: 35.8,
    lon: 139.9,
    organizationName: 'ＮＰＯ法人ひだまり',
    organizationKana: null,
  };
  it('builds tags, the care mask and newline-separated normalised text', () => {
    const c = listingSearchColumns(office, { serviceType: 'home_nursing', name: null, ageMin: 0, ageMax: 6, openSaturday: true, openSunday: false, openHoliday: false, areasServed: ['12220'], careHandled: ['ventilator', 'suction'] });
    expect(c.tags).toEqual(expect.arrayContaining(['m:12207', 's:medical', 't:home_nursing', 'c:ventilator', 'c:suction', 'o:sat', 'a:0', 'a:3', 'a:6', 'area:12220']));
    expect(c.tags).not.toContain('a:12');
    expect(c.careMask).toBe(0b10001);
    expect(c.searchText.split('\n')).toContain('千葉県松戸市常盤平1ー2');
    expect(c.searchText).toContain('npo法人ひだまり');
    expect(c.searchText).toContain('訪問看護');
  });
  it('puts ages into bands', () => {
    expect([0, 2, 3, 5, 6, 11, 12, 17, 18, 40].map(ageTag)).toEqual(['a:0', 'a:0', 'a:3', 'a:3', 'a:6', 'a:6', 'a:12', 'a:15', 'a:18', 'a:18']);
  });
});

describe('WAM helpers', () => {
  it('detects UTF-8 (with or without BOM) and Shift_JIS', () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('utf-8-bom');
    expect(detectEncoding(Buffer.from('松戸市', 'utf8'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from('松戸市', 'utf8').subarray(0, 4))).toBe('utf-8'); // cut character
    expect(detectEncoding(new Uint8Array([0x8f, 0xbc, 0x8c, 0xcb]))).toBe('cp932'); // 松戸 in Shift_JIS
  });
  it('resolves 都道府県+市区町村 to a code, folding ヶ/ケ and falling back from wards', () => {
    const index = new Map([
      [normalizeForSearch('千葉県鎌ケ谷市'), '12224'],
      [normalizeForSearch('千葉県千葉市'), '12100'],
    ]);
    expect(resolveMunicipality(index, '千葉県鎌ヶ谷市')).toBe('12224');
    expect(resolveMunicipality(index, '千葉県千葉市中央区')).toBe('12100');
    expect(resolveMunicipality(index, '東京都千代田区')).toBeNull();
  });
  it('rounds sampled estimates to two significant digits', () => {
    expect([0, 6, 64, 99.6, 128, 1234, 19_008, 150_000].map(roundEstimate)).toEqual([0, 6, 64, 100, 130, 1200, 19_000, 150_000]);
  });
});
