// Finds glossary terms in free text (consultations, later record notes) and cuts the text into
// segments, so the web can link each term to its plain-language explanation.
//
// Matching: every surface form (term, aliases, and readings of 3+ characters) compared after
// per-character folding (NFKC, lower case, katakana → hiragana), so 'ＮＰＰＶ', 'nppv' and
// 'NPPV' all match; longest form first at each position, so 医療的ケア児等コーディネーター wins over
// 医療的ケア児 and 医療的ケア. Latin forms only match as whole words ('PEG' not in 'PEGASUS').
import { katakanaToHiragana } from '../../../shared/text/normalize.js';

export interface LinkableTerm {
  id: string;
  term: string;
  reading?: string;
  aliases?: string[];
}

export interface Segment {
  text: string;
  termId?: string;
  term?: string;
}

const foldChar = (ch: string) => katakanaToHiragana(ch.normalize('NFKC').toLowerCase());
const isWordChar = (ch: string | undefined) => ch !== undefined && /[a-z0-9]/i.test(ch.normalize('NFKC'));

export interface TermMatcher {
  forms: { folded: string; termId: string; term: string; latin: boolean }[];
}

/** Prepare once per term list (cheap: a few hundred strings). */
export function buildMatcher(terms: readonly LinkableTerm[]): TermMatcher {
  const forms: TermMatcher['forms'] = [];
  const seen = new Set<string>();
  for (const t of terms) {
    const candidates = [t.term, ...(t.aliases ?? []), ...(t.reading && [...t.reading].length >= 3 ? [t.reading] : [])];
    for (const f of candidates) {
      const folded = [...f.trim()].map(foldChar).join('');
      // A one-character form (吸) would link everywhere; require two.
      if ([...folded].length < 2 || seen.has(folded)) continue;
      seen.add(folded);
      forms.push({ folded, termId: t.id, term: t.term, latin: /^[a-z0-9]/.test(folded) });
    }
  }
  forms.sort((a, b) => b.folded.length - a.folded.length);
  return { forms };
}

/**
 * @example linkGlossaryTerms('胃ろうからの注入', matcher)
 * // [{ text: '胃ろう', termId: '…', term: '胃瘻' }, { text: 'からの' }, { text: '注入', termId: '…', term: '経管栄養' }]
 */
export function linkGlossaryTerms(text: string, matcher: TermMatcher): Segment[] {
  const chars = [...text];
  // Folded form of each original character, with its index, so matches map back to the original text.
  const folded = chars.map(foldChar);
  const segments: Segment[] = [];
  let plain = '';
  let i = 0;
  outer: while (i < chars.length) {
    for (const f of matcher.forms) {
      // Compare character by character against the folded original.
      let j = i;
      let k = 0;
      while (k < f.folded.length && j < chars.length) {
        const piece = folded[j]!;
        if (!piece || f.folded.slice(k, k + piece.length) !== piece) break;
        k += piece.length;
        j++;
      }
      if (k !== f.folded.length) continue;
      if (f.latin && (isWordChar(chars[i - 1]) || isWordChar(chars[j]))) continue;
      if (plain) segments.push({ text: plain });
      plain = '';
      segments.push({ text: chars.slice(i, j).join(''), termId: f.termId, term: f.term });
      i = j;
      continue outer;
    }
    plain += chars[i];
    i++;
  }
  if (plain) segments.push({ text: plain });
  return segments;
}
