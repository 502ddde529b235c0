import { describe, expect, it } from 'vitest';
import { INITIAL_TERMS } from './glossary-initial.js';
import { buildMatcher, linkGlossaryTerms } from './link-terms.js';

const matcher = buildMatcher([
  { id: 'a', term: '医療的ケア', reading: 'いりょうてきけあ', aliases: ['医ケア'] },
  { id: 'b', term: '医療的ケア児', aliases: ['医ケア児'] },
  { id: 'c', term: '医療的ケア児等コーディネーター', aliases: ['医ケアコーディネーター'] },
  { id: 'd', term: '胃瘻', reading: 'いろう', aliases: ['胃ろう', 'PEG'] },
  { id: 'e', term: 'NPPV' },
  { id: 'f', term: '小慢', aliases: ['小児慢性特定疾病'] },
  { id: 'g', term: '吸引', reading: 'きゅういん' },
]);

describe('linkGlossaryTerms', () => {
  it('links the longest term first', () => {
    const s = linkGlossaryTerms('医療的ケア児等コーディネーターに医療的ケア児の相談', matcher);
    expect(s).toEqual([
      { text: '医療的ケア児等コーディネーター', termId: 'c', term: '医療的ケア児等コーディネーター' },
      { text: 'に' },
      { text: '医療的ケア児', termId: 'b', term: '医療的ケア児' },
      { text: 'の相談' },
    ]);
  });

  it('matches aliases, readings, full-width and case variants, keeping the original text', () => {
    const s = linkGlossaryTerms('胃ろうとＮＰＰＶとnppv、キュウインも', matcher);
    expect(s.filter((x) => x.termId).map((x) => [x.text, x.termId])).toEqual([
      ['胃ろう', 'd'],
      ['ＮＰＰＶ', 'e'],
      ['nppv', 'e'],
      ['キュウイン', 'g'],
    ]);
    expect(s.map((x) => x.text).join('')).toBe('胃ろうとＮＰＰＶとnppv、キュウインも');
  });

  it('does not link Latin forms inside other words', () => {
    expect(linkGlossaryTerms('PEGASUS と PEG', matcher).filter((x) => x.termId).map((x) => x.text)).toEqual(['PEG']);
  });

  it('returns plain text unchanged, including HTML, and handles empty text', () => {
    expect(linkGlossaryTerms('<b>こんにちは</b>', matcher)).toEqual([{ text: '<b>こんにちは</b>' }]);
    expect(linkGlossaryTerms('', matcher)).toEqual([]);
    expect(linkGlossaryTerms('小慢の申請 😀', matcher)).toEqual([{ text: '小慢', termId: 'f', term: '小慢' }, { text: 'の申請 😀' }]);
  });

  it('links the initial glossary entries in a record note (経過記録)', () => {
    const initial = buildMatcher(INITIAL_TERMS.map((t) => ({ id: t.term, term: t.term, reading: t.reading, aliases: t.aliases })));
    // 注入 is an alias of 経管栄養.
    const note = '夜間の吸引が増えたため、胃瘻からの注入を減らした。NPPV は継続。次回のレスパイトは未定。';
    const s = linkGlossaryTerms(note, initial);
    expect(s.filter((x) => x.termId).map((x) => x.term)).toEqual(['吸引', '胃瘻', '経管栄養', 'NPPV', 'レスパイト']);
    expect(s.map((x) => x.text).join('')).toBe(note);
  });
});
