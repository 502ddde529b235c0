import { describe, it, expect } from 'vitest';
import { escapeLike, katakanaToHiragana, normalizeForSearch } from './normalize.js';

describe('normalizeForSearch', () => {
  it('turns half-width katakana into hiragana', () => {
    expect(normalizeForSearch('ﾎｳﾓﾝ')).toBe('ほうもん');
    expect(normalizeForSearch('ﾎｳﾓﾝｶﾝｺﾞ')).toBe('ほうもんかんご'); // ｺﾞ composes to ゴ
  });

  it('keeps kanji and folds katakana with the long vowel mark', () => {
    expect(normalizeForSearch('訪問看護ステーション')).toBe('訪問看護すてーしょん');
    expect(normalizeForSearch('ﾃﾞｲｻｰﾋﾞｽ')).toBe('でいさーびす');
  });

  it('folds full-width Latin letters and digits and lower-cases them', () => {
    expect(normalizeForSearch('ＮＰＯ法人')).toBe('npo法人');
    expect(normalizeForSearch('０４７－３６６－１１１１')).toBe('047ー366ー1111');
    expect(normalizeForSearch('Ｂ型')).toBe('b型');
  });

  it('maps ヴ to ゔ, including the half-width form', () => {
    expect(normalizeForSearch('ヴ')).toBe('ゔ');
    expect(normalizeForSearch('ｳﾞｧｲｵﾘﾝ')).toBe('ゔぁいおりん');
  });

  it('maps the small kana to small hiragana', () => {
    expect(normalizeForSearch('ァィゥェォッャュョヮ')).toBe('ぁぃぅぇぉっゃゅょゎ');
    expect(normalizeForSearch('ｧｨｩｪｫｯｬｭｮ')).toBe('ぁぃぅぇぉっゃゅょ');
  });

  it('lets 鎌ケ谷 and 鎌ヶ谷 match', () => {
    expect(normalizeForSearch('鎌ケ谷市')).toBe('鎌け谷市');
    expect(normalizeForSearch('鎌ヶ谷市')).toBe('鎌け谷市');
  });

  it('removes every kind of whitespace', () => {
    expect(normalizeForSearch('まつど　訪問 看護\tステーション\n')).toBe('まつど訪問看護すてーしょん');
    expect(normalizeForSearch('柏\u00a0市\u200b')).toBe('柏市');
    expect(normalizeForSearch('   ')).toBe('');
  });

  it('folds dash and long-vowel lookalikes to ー', () => {
    const variants = [
      'ステーション', // U+30FC
      'ｽﾃｰｼｮﾝ', // half-width ｰ
      'ステ‐ション', // U+2010 hyphen
      'ステ–ション', // U+2013 en dash
      'ステ—ション', // U+2014 em dash
      'ステ―ション', // U+2015 horizontal bar
      'ステ−ション', // U+2212 minus
      'ステ-ション', // ASCII hyphen-minus
      'ステ－ション', // full-width hyphen-minus
      'ステ～ション', // full-width tilde
      'ステ〜ション', // wave dash
    ];
    for (const v of variants) expect(normalizeForSearch(v)).toBe('すてーしょん');
  });

  it('is idempotent', () => {
    for (const s of ['ﾎｳﾓﾝ ｶﾝｺﾞ', 'ＮＰＯ法人ひまわり', 'ヴィラ鎌ヶ谷', 'ステ−ション']) {
      expect(normalizeForSearch(normalizeForSearch(s))).toBe(normalizeForSearch(s));
    }
  });
});

describe('katakanaToHiragana', () => {
  it('converts only katakana', () => {
    expect(katakanaToHiragana('アイウエオ漢字ABCあ')).toBe('あいうえお漢字ABCあ');
    expect(katakanaToHiragana('ヷヽヾ')).toBe('わ\u3099ゝゞ');
  });
});

describe('escapeLike', () => {
  it('escapes backslash, percent and underscore', () => {
    expect(escapeLike('100%')).toBe('100\\%');
    expect(escapeLike('a_b')).toBe('a\\_b');
    expect(escapeLike('C:\\path')).toBe('C:\\\\path');
    expect(escapeLike('%_\\')).toBe('\\%\\_\\\\');
  });

  it('leaves other text alone', () => {
    expect(escapeLike('訪問看護')).toBe('訪問看護');
    expect(escapeLike('')).toBe('');
  });
});
