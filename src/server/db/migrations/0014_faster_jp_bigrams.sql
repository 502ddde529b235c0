-- Directory search (decision 006, update 2026-11-25): a cheaper jp_bigrams(). The first version
-- stripped whitespace with regexp_replace (twice), de-duplicated with DISTINCT and UNION and
-- cost ~3 ms a call on PostgreSQL 15: every row a 1–2-character query reads outside the index
-- (page in reading order, rechecks) paid it. This one only cuts overlapping 2-character
-- substrings plus the last character (array_to_tsvector removes duplicates): ~0.2 ms a call.
--
-- Results are unchanged: the index only narrows, strpos(search_text, term) decides. Stored text
-- is normalised (no spaces); fields are separated by '\n', which now forms bigrams too
-- ('x\n', '\ny') — extra lexemes no normalised query term contains, and a 1-character term
-- 'x':* still finds an x at the end of a field. Cost is declared so the planner evaluates
-- strpos() first when it filters rows.
CREATE OR REPLACE FUNCTION jp_bigrams(s text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 200 AS $$
  SELECT array_to_tsvector(array(
    SELECT g FROM (
      SELECT substr(s, i, 2) AS g FROM generate_series(1, length(s) - 1) i
      UNION ALL
      SELECT right(s, 1)
    ) x WHERE g <> ''))
$$;--> statement-breakpoint
REINDEX INDEX service_search_bigrams;
