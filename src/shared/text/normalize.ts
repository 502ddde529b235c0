// Search keys for Japanese text: the same function runs on stored names (a generated or
// import-time column) and on what the user types, so 'ﾎｳﾓﾝ', 'ホウモン' and 'ほうもん' meet.
// The output is a comparison key only — never display it.

// Dash and long-vowel lookalikes, as they appear *after* NFKC: '-' (from ASCII and full-width
// '－'), '~' (from '～'), ‐ ‑ ‒ – — ―, − (minus), ─ (box drawing, used as a dash in some
// names), 〜 (wave dash), and ー itself (half-width 'ｰ' is already ー after NFKC). People type
// whichever their keyboard or OCR gives, for 'ステーション' as much as for '1-2-3'; folding all of
// them to ー on both sides of the comparison makes them match. ASCII '-' and '~' are folded too,
// because the key is symmetric: '1-2-3' and '1‐2‐3' both become '1ー2ー3'.
const DASH_LIKE = /[-~\u2010-\u2015\u2212\u2500\u301c\u30fc]/g;

// \s covers ASCII space, U+3000 (ideographic space), NBSP and friends; zero-width characters
// sneak in with copy-paste from PDFs and web pages.
const SPACE_LIKE = /[\s\u200b-\u200d\u2060]+/gu;

// Katakana letters without a single precomposed hiragana counterpart.
const SPECIAL_KATAKANA: Record<string, string> = {
  // ヵ/ヶ are read か/が/こ and used in place names: 鎌ケ谷市 is officially written with a
  // full-size ケ but commonly as 鎌ヶ谷. Folding both to か/け lets either spelling match.
  '\u30f5': 'か', // ヵ
  '\u30f6': 'け', // ヶ
  '\u3095': 'か', // ゕ
  '\u3096': 'け', // ゖ
  '\u30f7': 'わ\u3099', // ヷ
  '\u30f8': 'ゐ\u3099', // ヸ
  '\u30f9': 'ゑ\u3099', // ヹ
  '\u30fa': 'を\u3099', // ヺ
  '\u30fd': '\u309d', // ヽ → ゝ
  '\u30fe': '\u309e', // ヾ → ゞ
};

/**
 * Katakana → hiragana, letter for letter, including the small kana (ァ→ぁ, ッ→っ) and ヴ→ゔ.
 * Everything else is left alone.
 */
export function katakanaToHiragana(s: string): string {
  return s.replace(/[\u3095\u3096\u30a1-\u30fa\u30fd\u30fe]/g, (ch) => {
    const special = SPECIAL_KATAKANA[ch];
    if (special !== undefined) return special;
    // ァ (U+30A1) … ヴ (U+30F4) sit exactly 0x60 above ぁ (U+3041) … ゔ (U+3094).
    return String.fromCharCode(ch.charCodeAt(0) - 0x60);
  });
}

/**
 * Key for partial-match search:
 * NFKC (full-width ASCII → ASCII, half-width katakana → full-width with dakuten composed),
 * lower case, katakana → hiragana, dash lookalikes → ー, all whitespace removed.
 *
 * @example normalizeForSearch('ﾎｳﾓﾝ ｶﾝｺﾞ') // 'ほうもんかんご'
 * @example normalizeForSearch('ＮＰＯ法人') // 'npo法人'
 */
export function normalizeForSearch(s: string): string {
  return katakanaToHiragana(s.normalize('NFKC').toLowerCase()).replace(DASH_LIKE, 'ー').replace(SPACE_LIKE, '');
}

/**
 * Escapes user input for a SQL LIKE/ILIKE pattern with backslash as the escape character
 * (PostgreSQL's default): \ % _ become \\ \% \_. Escape *before* adding your own wildcards:
 * `'%' + escapeLike(q) + '%'`.
 */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
