-- Japanese partial-match search for the directory (decision 006). Must run before the
-- directory tables: their generated column `search_bigrams` calls jp_bigrams().
--
-- The stored text is already normalised by the application (text/normalize.ts: NFKC, lower
-- case, katakana→hiragana, dash folding, no spaces; fields separated by a newline). This
-- function only cuts it into overlapping 2-character lexemes, plus the last character alone,
-- so that a GIN index answers 1- and 2-character queries, which trigrams cannot narrow:
--   2 characters  → the bigram itself;     1 character → prefix query 'x':* (any bigram
--   starting with x, or the final unigram). A strpos() recheck removes bigram false positives.
-- Built-in parsers treat a run of kanji/kana as one word, hence lexemes made here.
CREATE OR REPLACE FUNCTION jp_bigrams(s text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_to_tsvector(array(
    SELECT g FROM (
      SELECT DISTINCT substr(t, i, 2) AS g
        FROM (SELECT regexp_replace(coalesce(s, ''), '\s+', '', 'g') AS t) x,
             generate_series(1, greatest(length(t) - 1, 1)) i
      UNION
      SELECT right(regexp_replace(coalesce(s, ''), '\s+', '', 'g'), 1)
    ) y WHERE g <> ''))
$$;
