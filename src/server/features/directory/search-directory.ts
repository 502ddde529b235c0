// GET /api/offices: the directory search. One hit = one service of one office. Every filter is
// answered by an index on the service table (decision 006, docs/performance.md):
//   tags GIN (municipality, sector, type, care items, open days, age band) · trigram GIN
//   (terms of ≥3 characters) · bigram tsvector GIN (1–2 characters) · GiST on point(lon, lat)
//   (bounding box, then exact haversine) · partial btree on vacancy_confirmed_at.
// Total and facets come from one grouped query (GROUPING SETS) over the same conditions.
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { defaultSearchSort, type DirectorySearchQuery, type SearchSort } from '../../../shared/contracts/directory.js';
import { CARE_ITEM_CODES, getCareItem } from '../../../shared/domain/care-items.js';
import { findServiceType } from '../../../shared/domain/service-types.js';
import { escapeLike, normalizeForSearch } from '../../../shared/text/normalize.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { municipality, office, organization, service, serviceCareCapability } from '../../db/schema/index.js';
import { AppError } from '../../lib/errors.js';
import { decodeCursor, encodeCursor } from '../../lib/pagination.js';
import { ageTag, careBit } from './listing-search.js';
import { DEFAULT_COUNT_CAP, toServiceView, type DirectorySettings } from './listing-view.js';

export const DEFAULT_RADIUS_KM = 10;
const MAX_TERMS = 8;
const MUNICIPALITY_FACET_LIMIT = 100;
const EARTH_RADIUS_KM = 6371.0088;

/** Splits a query on spaces, normalises each term (normalizeForSearch), drops duplicates. */
export function searchTerms(q: string | undefined): string[] {
  if (!q) return [];
  const terms = q
    .split(/[\s\u3000]+/u)
    .map((t) => normalizeForSearch(t))
    .filter((t) => t.length > 0);
  return [...new Set(terms)].slice(0, MAX_TERMS);
}

/** A tsquery lexeme literal: quotes doubled, backslashes escaped (tsquery input syntax). */
export function tsLexeme(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** tsquery for a 1–2 character term against jp_bigrams(): the bigram, or 'x':* for one character. */
export function bigramQuery(term: string): string {
  const chars = [...term];
  if (chars.length === 1) return `${tsLexeme(term)}:*`;
  const grams: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) grams.push(tsLexeme(chars[i]! + chars[i + 1]!));
  return grams.join(' & ');
}

/**
 * The condition for one term. 3+ characters: LIKE, answered by the trigram index. 1–2
 * characters: the bigram index (`index` form) — for such a term, a bigram lexeme (or, for one
 * character, a lexeme starting with it) exists exactly when the text contains the term, so the
 * index condition is the whole condition and the planner's estimate is the index's own. The
 * `walk` form says the same with `strpos`, which is cheap per row: it is used where the rows
 * come in index order (reading order, updated) and are filtered one by one, where computing
 * `jp_bigrams()` per row would cost ~0.2 ms each.
 */
function termCondition(term: string, form: 'index' | 'walk'): SQL {
  const len = [...term].length;
  if (len >= 3) return sql`${service.searchText} like ${`%${escapeLike(term)}%`}`;
  if (form === 'walk') return sql`strpos(${service.searchText}, ${term}) > 0`;
  return sql`jp_bigrams(${service.searchText}) @@ ${bigramQuery(term)}::tsquery`;
}

function parseNear(near: string | undefined) {
  if (!near) return undefined;
  const [lat, lon] = near.split(',').map((v) => Number(v.trim())) as [number, number];
  if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180))
    throw new AppError('VALIDATION_FAILED', '中心地点の緯度・経度が範囲外です。', {
      fields: [{ field: 'near', label: '中心地点', message: '中心地点: 緯度は -90〜90、経度は -180〜180 です' }],
    });
  return { lat, lon };
}

const distanceExpr = (p: { lat: number; lon: number }) =>
  sql<number>`(${2 * EARTH_RADIUS_KM} * asin(sqrt(power(sin(radians(${service.lat} - ${p.lat}::float8) / 2), 2) + cos(radians(${p.lat}::float8)) * cos(radians(${service.lat})) * power(sin(radians(${service.lon} - ${p.lon}::float8) / 2), 2))))`;

export interface SearchPlan {
  where: SQL;
  /**
   * The same conditions as cheap per-row filters — 1–2-character terms as `strpos` (see
   * termCondition), the distance without its box — for pages read in an index's order.
   */
  walkWhere: SQL;
  /** Near searches: `where` and `walkWhere` without the distance conditions. */
  baseWhere: SQL;
  walkBaseWhere: SQL;
  /** The distance conditions alone (`true` without near). */
  geoWhere: SQL;
  /**
   * The search's conditions for the directory sample (countSample): over the columns of
   * service_sample_idx — codes, care mask, open days, ages, vacancy — so a filter-only search
   * reads the sample by an index-only scan; text terms as `strpos` on each sampled row. Null
   * for a near search (sized from the density around its point instead).
   */
  sampleFilter: SQL | null;
  /**
   * The planner's row estimate may be far off: filters combined (it multiplies their shares as
   * if they were independent; care items are not) or a one-character term (a prefix over every
   * bigram starting with it: 2,824 expected for 結, 8,375 real). Two-character terms are exact
   * lexemes with their own statistics, and longer terms' trigram estimates hold when broad.
   */
  roughEstimate: boolean;
  terms: string[];
  near?: { lat: number; lon: number; radiusKm: number };
}

/** The WHERE clause of a search — shared by the page, the counts and the CSV export. */
export function buildSearchConditions(query: DirectorySearchQuery, settings: DirectorySettings): SearchPlan {
  const conds: SQL[] = [];
  const all: string[] = [];
  // The same conditions over the sample's columns (tags are not in the sample index).
  const scalar: SQL[] = [];
  const terms = searchTerms(query.q);
  const anyOf = (prefix: string, column: PgColumn, values: string[] | undefined) => {
    if (!values?.length) return;
    const distinct = [...new Set(values)];
    const tags = distinct.map((v) => `${prefix}:${v}`);
    if (tags.length === 1) all.push(tags[0]!);
    else conds.push(sql`${service.tags} && ${textArrayParam(tags)}`);
    scalar.push(distinct.length === 1 ? sql`${column} = ${distinct[0]}` : sql`${column} = any(${textArrayParam(distinct)})`);
  };
  anyOf('m', service.municipalityCode, query.municipality);
  anyOf('s', service.sector, query.sector);
  anyOf('t', service.serviceType, query.service);
  let careBits = 0;
  for (const c of new Set(query.care ?? [])) {
    all.push(`c:${c}`);
    careBits |= careBit(c);
  }
  if (careBits) scalar.push(sql`(${service.careMask} & ${careBits}::int) = ${careBits}::int`);
  // Open days and age bands match a quarter to half of all services: as index conditions they
  // cost a long GIN posting list each (o:sat 92,000 entries, ~15 ms to intersect) and narrow
  // little. With a selective condition beside them they are checked per row instead; alone,
  // they stay index conditions so that no search needs a sequential scan.
  const selective = Boolean(
    query.municipality?.length || query.sector?.length || query.service?.length || query.care?.length || terms.length || query.vacancy === true || query.near,
  );
  const openColumn = { sat: service.openSaturday, sun: service.openSunday, holiday: service.openHoliday } as const;
  for (const d of new Set(query.open ?? [])) {
    if (selective) conds.push(sql`${openColumn[d]}`);
    else all.push(`o:${d}`);
    scalar.push(sql`${openColumn[d]}`);
  }
  if (query.age !== undefined) {
    if (!selective) all.push(ageTag(query.age));
    const ages = sql`(${service.ageMin} is null or ${service.ageMin} <= ${query.age}) and (${service.ageMax} is null or ${service.ageMax} >= ${query.age})`;
    conds.push(ages);
    scalar.push(ages);
  }
  if (all.length) conds.unshift(sql`${service.tags} @> ${textArrayParam(all)}`);
  if (query.vacancy === true) {
    const fresh = sql`${service.vacancyCount} > 0 and ${service.vacancyConfirmedAt} >= now() - make_interval(days => ${settings.vacancyFreshDays})`;
    conds.push(fresh);
    scalar.push(fresh);
  }
  const walkConds = [...conds];
  for (const t of terms) {
    conds.push(termCondition(t, 'index'));
    walkConds.push(termCondition(t, 'walk'));
  }
  const walkBase = [...walkConds];
  const geo: SQL[] = [];
  let near: SearchPlan['near'];
  const p = parseNear(query.near);
  if (p) {
    const radiusKm = query.radius_km ?? DEFAULT_RADIUS_KM;
    const dLat = radiusKm / 111.2;
    const dLon = radiusKm / (111.2 * Math.max(0.01, Math.cos((p.lat * Math.PI) / 180)));
    geo.push(
      sql`point(${service.lon}, ${service.lat}) <@ box(point(${p.lon - dLon}::float8, ${p.lat - dLat}::float8), point(${p.lon + dLon}::float8, ${p.lat + dLat}::float8))`,
    );
    geo.push(sql`${distanceExpr(p)} <= ${radiusKm}::float8`);
    // walk form: the distance alone, a cheap per-row filter (the box would draw the planner to
    // the GiST index, whose row estimate for a box is a fixed guess far below a city's count).
    walkConds.push(geo[1]!);
    near = { ...p, radiusKm };
  } else if (query.radius_km !== undefined) {
    throw new AppError('VALIDATION_FAILED', '半径は中心地点（near）と一緒に指定してください。', {
      fields: [{ field: 'radius_km', label: '半径（km）', message: '半径（km）: near と一緒に指定してください' }],
    });
  }
  const and = (xs: SQL[]) => (xs.length ? sql.join(xs, sql` and `) : sql`true`);
  return {
    where: and([...conds, ...geo]),
    walkWhere: and(walkConds),
    baseWhere: and(conds),
    walkBaseWhere: and(walkBase),
    geoWhere: and(geo),
    sampleFilter: near ? null : and([...scalar, ...terms.map((t) => sql`strpos(${service.searchText}, ${t}) > 0`)]),
    // Each tag (a care item, a code), each term and each other condition counts as one filter.
    roughEstimate: all.length + conds.length - (all.length ? 1 : 0) > 1 || terms.some((t) => [...t].length === 1),
    terms,
    near,
  };
}

/**
 * A text array as ONE parameter (an array literal, every element quoted): tags, codes, ids — an
 * `array[$1, …, $n]` of 21–100 parameters costs more to plan than the lookup it serves.
 */
const textArrayParam = (values: string[]) => sql`${`{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`}::text[]`;

function scoreExpr(terms: string[]): SQL<number> {
  if (!terms.length) return sql<number>`0`;
  const parts = terms.map(
    (t) => sql`(case when left(${service.searchName}, ${[...t].length}) = ${t} then 3 when strpos(${service.searchName}, ${t}) > 0 then 2 else 1 end)`,
  );
  return sql<number>`(${sql.join(parts, sql` + `)})::int`;
}

type Sort = SearchSort;

function resolveSort(query: DirectorySearchQuery, plan: SearchPlan): Sort {
  const sort = defaultSearchSort({ sort: query.sort, hasTerms: plan.terms.length > 0, hasNear: Boolean(plan.near) });
  if (sort === 'distance' && !plan.near)
    throw new AppError('VALIDATION_FAILED', '距離順には中心地点（near）が必要です。', {
      fields: [{ field: 'sort', label: '並び順', message: '並び順: distance には near が必要です' }],
    });
  return sort;
}

/**
 * One page of hits from `from` (rows named like the service table) in the order's sort, as
 * `p` (id, score, dist, sortKana, updated). The cursor's timestamp text is made only for the
 * page's rows, after the top-N sort (not for every match it ranked).
 */
const pageRows = (ord: { score: SQL; dist: SQL; orderBy: SQL }, from: SQL, where: SQL, limit: number) => sql`
  select p.id, p.score, p.dist, p."sortKana", to_char(p.updated at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as updated
  from (select ${service.id} as id, ${ord.score} as score, ${ord.dist} as dist, ${service.sortKana} as "sortKana", ${service.updatedAt} as updated
        from ${from} where ${where} order by ${ord.orderBy} limit ${limit}) p`;

/** ORDER BY and keyset condition for each sort; the cursor is the last row's key. */
function ordering(sort: Sort, plan: SearchPlan, cursor: unknown[] | undefined) {
  const score = scoreExpr(plan.terms);
  const dist = plan.near ? distanceExpr(plan.near) : sql<number>`null::float8`;
  const bad = () =>
    new AppError('VALIDATION_FAILED', 'カーソルが正しくありません。', { fields: [{ field: 'cursor', label: 'カーソル', message: 'カーソル: 値が正しくありません' }] });
  const str = (v: unknown) => {
    if (typeof v !== 'string') throw bad();
    return v;
  };
  const num = (v: unknown) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw bad();
    return v;
  };
  switch (sort) {
    case 'relevance':
      return {
        orderBy: sql`${score} desc, ${service.sortKana} asc, ${service.id} asc`,
        after: cursor
          ? sql`(${score} < ${num(cursor[0])} or (${score} = ${num(cursor[0])} and (${service.sortKana}, ${service.id}) > (${str(cursor[1])}, ${str(cursor[2])})))`
          : undefined,
        key: (r: PageRow) => [r.score, r.sortKana, r.id],
        /** The same order over the page's own columns (a page row `p`). */
        pageOrder: sql`p.score desc, p."sortKana", p.id`,
        score,
        dist,
      };
    case 'distance':
      return {
        orderBy: sql`${dist} asc, ${service.id} asc`,
        after: cursor ? sql`(${dist}, ${service.id}) > (${num(cursor[0])}::float8, ${str(cursor[1])})` : undefined,
        key: (r: PageRow) => [r.dist, r.id],
        /** The same order over the page's own columns (a page row `p`). */
        pageOrder: sql`p.dist, p.id`,
        score,
        dist,
      };
    case 'updated':
      return {
        orderBy: sql`${service.updatedAt} desc, ${service.id} desc`,
        after: cursor ? sql`(${service.updatedAt}, ${service.id}) < (${str(cursor[0])}::timestamptz, ${str(cursor[1])})` : undefined,
        key: (r: PageRow) => [r.updated, r.id],
        /** The same order over the page's own columns (a page row `p`). */
        pageOrder: sql`p.updated desc, p.id desc`,
        score,
        dist,
      };
    case 'name':
      return {
        orderBy: sql`${service.sortKana} asc, ${service.id} asc`,
        after: cursor ? sql`(${service.sortKana}, ${service.id}) > (${str(cursor[0])}, ${str(cursor[1])})` : undefined,
        key: (r: PageRow) => [r.sortKana, r.id],
        /** The same order over the page's own columns (a page row `p`). */
        pageOrder: sql`p."sortKana", p.id`,
        score,
        dist,
      };
  }
}

interface PageRow {
  id: string;
  score: number;
  dist: number | null;
  sortKana: string;
  updated: string;
}

const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[]));

export async function searchDirectory(opts: {
  db: Db;
  query: DirectorySearchQuery;
  limit: number;
  cursor?: string;
  settings: DirectorySettings;
  /** Skip total and facets (internal paging, e.g. the CSV export). */
  skipCount?: boolean;
  /** When given, the plan (EXPLAIN) of each count and page statement is appended (bench). */
  plans?: string[];
  /** With `plans`: EXPLAIN ANALYZE (each statement then runs twice). */
  analyze?: boolean;
}) {
  const { query, settings } = opts;
  const plan = buildSearchConditions(query, settings);
  const requested = resolveSort(query, plan);
  const decoded = decodeCursor(opts.cursor);
  const cap = settings.countCap ?? DEFAULT_COUNT_CAP;
  const wantFacets = query.facets !== false;

  // One read-only transaction (count and page see the same snapshot). No plan hints: the work
  // is shaped by the planner's own row estimate (decision 006). An estimated-narrow search
  // (≤ cap) reads its matches once: count, facets and the page come from one statement over
  // the materialised matches. A search that may be broad is sized from the directory sample
  // (countSample: 1 service in 64; index-only for filters, each sampled row's text tested for
  // terms). A broad search's total and facets are the sample's estimates, and its page
  // walks an index in the order asked for — update order when relevance was asked — with cheap
  // per-row filters (walkWhere). A near search is sized from the density around its point (the
  // planner cannot estimate a distance); a broad one reads the matches nearest the point
  // through the GiST index's distance order, and its distance-sorted page comes from them when
  // it provably can (nearSampleBounds).
  return opts.db.transaction(async (tx) => {
    // No parallel workers for a search (decision 006): a statement reads a few thousand rows at
    // most; starting workers costs more than it saves on a 2-core machine shared with the app.
    // PGlite has none (settings.embedded), so both databases run the same plans.
    if (!settings.embedded) await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
    const exec = async (stmt: SQL) => {
      if (opts.plans) opts.plans.push(planText(await tx.execute(opts.analyze ? sql`explain (analyze, timing off, summary off) ${stmt}` : sql`explain ${stmt}`)));
      return tx.execute(stmt);
    };
    // The cursor carries the sort it was made with, so later pages never switch order.
    const fromCursor = typeof decoded?.[0] === 'string' && (SEARCH_SORT_KEYS as readonly string[]).includes(decoded[0]) ? (decoded[0] as Sort) : undefined;
    if (fromCursor === 'distance' && !plan.near) badCursor();
    const cursorKey = fromCursor ? decoded!.slice(1) : decoded && decoded.length ? badCursor() : undefined;
    const finish = async (sort: Sort, pageRows: PageRow[], counts: { total: number; totalExact: boolean; facets: Facets | null }) => {
      const hasMore = pageRows.length > opts.limit;
      const page = hasMore ? pageRows.slice(0, opts.limit) : pageRows;
      const last = page[page.length - 1];
      const nextCursor = hasMore && last ? encodeCursor([sort, ...ordering(sort, plan, undefined).key(last)]) : null;
      return {
        items: await hitsFor(tx, page, settings),
        total: counts.total,
        totalExact: counts.totalExact,
        sort,
        nextCursor,
        facets: counts.facets,
        vacancyFreshDays: settings.vacancyFreshDays,
        staleDays: settings.staleDays,
      };
    };
    // A page read from the service table. Beyond the cap, relevance (which means scoring every
    // match) gives way to reading order, walked through its index until the page is full.
    const pageFromTable = async (sort: Sort, exact: boolean) => {
      const ord = ordering(sort, plan, cursorKey);
      // Distance order has no index walk: it keeps the index conditions (box, bigrams).
      if (exact || sort === 'distance') {
        const where = ord.after ? sql`${plan.where} and ${ord.after}` : plan.where;
        return rowsOf<PageRow>(await exec(sql`${pageRows(ord, sql`${service}`, where, opts.limit + 1)} order by ${ord.pageOrder}`));
      }
      // A broad search's page in reading/update order: walk that index with cheap per-row
      // filters, but at most WALK_LIMIT rows (settings.walkLimit) — matches can cluster in that order (an office name
      // word sorts together), and an unbounded walk would then cross most of the table. If the
      // bounded walk does not fill the page, the matches are read through their own indexes
      // (materialised, so the planner cannot turn it back into the walk) and sorted.
      const walked = rowsOf<PageRow>(
        await exec(sql`${pageRows(ord, sql`(select * from ${service}${ord.after ? sql` where ${ord.after}` : sql``} order by ${ord.orderBy} limit ${settings.walkLimit ?? WALK_LIMIT}) as ${service}`, plan.walkWhere, opts.limit + 1)} order by ${ord.pageOrder}`),
      );
      if (walked.length > opts.limit) return walked;
      return rowsOf<PageRow>(
        await exec(sql`with m as materialized (select ${matchColumns(plan)} from ${service} where ${ord.after ? sql`${plan.where} and ${ord.after}` : plan.where})
          ${pageRows(ord, sql`m as ${service}`, sql`true`, opts.limit + 1)} order by ${ord.pageOrder}`),
      );
    };

    if (opts.skipCount) {
      const sort = fromCursor ?? requested;
      return finish(sort, await pageFromTable(sort, true), { total: -1, totalExact: true, facets: null });
    }
    const facetsOfSet = (r: { summary: FacetSummary; complete: boolean; scale?: number }) => (wantFacets ? facetsOf(r.summary, r.complete, r.scale) : null);
    const sort = fromCursor ?? requested;
    // A search too broad to rank by relevance (ranking reads every match) is answered in update
    // order: its index walk fills a page after a few hundred rows whatever the term, where reading
    // order can meet a term's matches only after tens of thousands of rows — office-name words
    // (「ひだまり」) sort together. The answer's `sort` says which order it took.
    const whenBroad: Sort = fromCursor ?? (requested === 'relevance' ? 'updated' : requested);
    let estimate: number | undefined;
    if (plan.near) {
      // The planner cannot estimate a distance condition (a fixed guess), so a near search is
      // sized from the density of services around the point instead (nearSampleBounds).
      const near = plan.near;
      const point = sql`point(${near.lon}::float8, ${near.lat}::float8)`;
      const pd = sql`point(${service.lon}, ${service.lat}) <-> ${point}`;
      const limit = Math.min(cap, BROAD_SAMPLE);
      const [probe] = rowsOf<{ pd: number }>(await exec(sql`select ${pd} as pd from ${service} order by ${pd} offset ${limit} limit 1`));
      if (probe) {
        const all = nearSampleBounds(near, limit, Number(probe.pd));
        const share = (await estimateRows(tx, plan.baseWhere)) / Math.max(1, await estimateRows(tx, sql`true`));
        estimate = Math.round(all.estimate * Math.min(1, share));
      } else estimate = limit; // the whole directory has at most `limit` (≤ cap) services
      // Half the cap: the density of the nearest services under-states a radius that reaches
      // into denser parts (a city hall at the edge of a metropolis), and an overflowing exact
      // count costs more than the sample.
      if (estimate !== undefined && estimate > cap / 2) {
        // Broad: the nearest `limit` + 1 matches of the other conditions (the GiST index in
        // distance order, cheap per-row filters), then those within the radius.
        const source = {
          with: sql`s as materialized (select ${matchColumns(plan)}, ${pd} as pd from ${service} where ${plan.walkBaseWhere} order by ${pd} limit ${limit + 1}),
            m as materialized (select * from s as ${service} where ${plan.geoWhere})`,
          // Fewer than limit + 1 rows: the other conditions ran out, so nothing is left out.
          edge: sql`(select case when count(*) <= ${limit} then 'Infinity'::float8 else max(pd) end from s)`,
        };
        const r = await countAndPage(exec, source, { limit }, ordering(sort, plan, cursorKey), opts.limit, { withFacets: wantFacets, guarded: false });
        const b = nearSampleBounds(near, limit, r.edge ?? 0);
        if (b.safeKm >= near.radiusKm) return finish(sort, r.page, { total: r.n, totalExact: true, facets: facetsOfSet({ summary: r.summary, complete: true }) });
        const counts = { total: Math.max(r.n + 1, b.estimate), totalExact: false, facets: facetsOfSet({ summary: r.summary, complete: false }) };
        const last = r.page[opts.limit];
        if (whenBroad === 'distance' && last && (last.dist ?? Infinity) < b.safeKm) return finish('distance', r.page, counts);
        return finish(whenBroad, await pageFromTable(whenBroad, false), counts);
      }
    }
    estimate ??= await estimateRows(tx, plan.where);
    if (plan.sampleFilter && (estimate > cap || (plan.roughEstimate && estimate > cap / SAMPLE_PROBE_SHARE))) {
      // A filter-only search that may be broad is sized from the directory sample: the planner
      // multiplies the shares of combined filters as if they were independent, and care items
      // are not (ventilator + suction: 1,746 expected, 7,172 real), so it would read cap + 1
      // rows only to learn the search is broad. The sample's count answers that for 3,170 index
      // entries, and a broad search's facets come from it too. One filter's estimate comes from
      // the planner's per-value statistics and is trusted (SearchPlan.roughEstimate). A text
      // search that may be broad is checked in the sample too (each sampled row read, its text tested with
      // strpos): ~10 ms on PGlite where the first 1,001 matches through the bigram index cost
      // 16–25 ms (a one-character prefix merges every bigram starting with it), and the total
      // becomes a sample estimate instead of the planner's guess for a text condition.
      const sampled = await countSample(exec, plan.sampleFilter, wantFacets, settings.sampleShare);
      if (sampled.estimate > cap) {
        // Facets as estimates: the sampled matches are a uniform share of all matches, so each
        // count scales by total ÷ matches counted.
        const scale = sampled.estimate / Math.max(1, sampled.summary.total);
        const counts = { total: sampled.estimate, totalExact: false, facets: facetsOfSet({ summary: sampled.summary, complete: false, scale }) };
        return finish(whenBroad, await pageFromTable(whenBroad, false), counts);
      }
      estimate = sampled.estimate;
    }
    // Estimated narrow (a search beyond the cap was answered above: a near one from its nearest
    // matches, any other from the sample): the count reads every match, so the page is taken
    // from the same read (a top-N sort of at most cap rows) instead of a second statement.
    const bound = { limit: cap };
    const source = { with: sql`m as materialized (${boundedRows(matchColumns(plan), plan.where, bound)})` };
    const r = await countAndPage(exec, source, bound, ordering(sort, plan, cursorKey), opts.limit, { withFacets: wantFacets, guarded: true });
    const counts = { total: r.complete ? r.n : Math.max(cap + 1, estimate), totalExact: r.complete, facets: facetsOfSet(r) };
    if (r.complete) return finish(sort, r.page, counts);
    // More matches than estimated: the page cannot come from the truncated set.
    return finish(whenBroad, await pageFromTable(whenBroad, false), counts);
  });
}

const SEARCH_SORT_KEYS = ['relevance', 'distance', 'updated', 'name'] as const;
function badCursor(): never {
  throw new AppError('VALIDATION_FAILED', 'カーソルが正しくありません。', { fields: [{ field: 'cursor', label: 'カーソル', message: 'カーソル: 値が正しくありません' }] });
}

/** A broad search's reading-order page walks at most this many rows before it sorts the matches instead. */
const WALK_LIMIT = 10_000;

/** Estimated-broad searches count a sample of this many matches (decision 006). */
export const BROAD_SAMPLE = 1_000;

/** The planner's row estimate for a search (EXPLAIN: planning only, nothing is read). */
export async function estimateRows(db: DbOrTx, where: SQL): Promise<number> {
  const r = rowsOf<Record<string, unknown>>(await db.execute(sql`explain (format json) select 1 from ${service} where ${where}`));
  const raw = Object.values(r[0] ?? {})[0];
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: { 'Plan Rows': number } }[];
  return Math.round(plan[0]?.Plan['Plan Rows'] ?? 0);
}

const planText = (r: unknown) => rowsOf<Record<string, string>>(r).map((x) => Object.values(x)[0]).join('\n');

/** How many matches a count reads: `limit` + 1 at most (more means the set is incomplete). */
export interface CountBound {
  limit: number;
}

type Exec = (stmt: SQL) => Promise<unknown>;

const boundedRows = (select: SQL, where: SQL, bound: CountBound) => sql`select ${select} from ${service} where ${where} limit ${bound.limit + 1}`;

/**
 * The directory sample: the services whose id hashes to 0 mod SAMPLE_SHARE — a fixed, uniform
 * 1/64 of the directory (ids are random UUIDs, and the hash spreads any id scheme), kept
 * current by the partial index service_sample_idx, which holds every column a filter-only
 * search tests or counts. Reading it is an index-only scan of ~N/64 narrow entries (3,170 at
 * 202,901 services): no heap page, whatever the filter.
 */
export const SAMPLE_SHARE = 64;
const inSample = (share: number) => (share <= 1 ? sql`true` : sql`(hashtext(${service.id}) & ${sql.raw(String(share - 1))}) = 0`);
/** A search whose estimate is rough (SearchPlan.roughEstimate) and exceeds cap ÷ this is sized from the sample first. */
const SAMPLE_PROBE_SHARE = 8;

/**
 * A search counted in the directory sample: the total its matches imply (matches ×
 * SAMPLE_SHARE; standard error √matches × 64 — ±8 % at the default cap) and facets (lower
 * bounds) from the first BROAD_SAMPLE of them, like a broad text search's.
 */
export async function countSample(exec: Exec, filter: SQL, withFacets: boolean, share = SAMPLE_SHARE) {
  const [row] = rowsOf<{ n: number; f: unknown }>(
    await exec(sql`with s as materialized (select ${facetKeys}, ${service.careMask} from ${service} where ${inSample(share)} and ${filter}),
      m as (select * from s limit ${BROAD_SAMPLE}), ${facetGroups(withFacets)}
      select (select count(*) from s)::int as n, ${facetSummary} as f`),
  );
  return { summary: parseJson<FacetSummary>(row?.f), estimate: Number(row?.n ?? 0) * share };
}

/** The facet keys, in byte order: codes need no linguistic collation to be grouped (cheaper sorts). */
const facetKeys = sql`${service.municipalityCode} collate "C" as municipality_code, ${service.serviceType} collate "C" as service_type`;

/** The counts of a set of matches (facetSummary): municipalities as [code, count, name] (top 100), types as [code, count]. */
type FacetSummary = { total: number; care: number[] | null; municipality: [string, number, string | null][] | null; serviceType: [string, number][] | null };

/**
 * The CTE `g`: total and all three facets over the rows of `m` (columns municipality_code,
 * service_type, care_mask) — GROUPING SETS over municipality and type, and the care-item
 * counts as bit tests on care_mask in the grand-total row (no unnest). `withFacets` false:
 * the grand total only.
 */
function facetGroups(withFacets: boolean) {
  if (!withFacets) return sql`g as (select 1 as gm, 1 as gt, null::text as m, null::text as t, count(*)::int as n, null::int[] as care from m)`;
  const careCounts = CARE_ITEM_CODES.map((_, i) => sql`count(*) filter (where m.care_mask & ${1 << i} <> 0)::int`);
  return sql`g as (select grouping(m.municipality_code)::int as gm, grouping(m.service_type)::int as gt,
             m.municipality_code as m, m.service_type as t, count(*)::int as n,
             case when grouping(m.municipality_code) = 1 and grouping(m.service_type) = 1
                  then array[${sql.join(careCounts, sql`, `)}] end as care
      from m group by grouping sets ((m.municipality_code), (m.service_type), ()))`;
}

/**
 * The groups of `g` as one JSON value (FacetSummary): the top municipalities already named and
 * cut to MUNICIPALITY_FACET_LIMIT in the database — a national search has ~1,000 municipality
 * groups, and on PGlite each row returned costs more than its grouping.
 */
const facetSummary = sql`json_build_object(
  'total', (select n from g where gm = 1 and gt = 1),
  'care', (select care from g where gm = 1 and gt = 1),
  'municipality', (select json_agg(json_build_array(x.m, x.n, mu.name) order by x.n desc, x.m)
                     from (select m, n from g where gm = 0 order by n desc, m limit ${MUNICIPALITY_FACET_LIMIT}) x
                     left join ${municipality} mu on mu.code = x.m),
  'serviceType', (select json_agg(json_build_array(t, n)) from g where gt = 0))`;

export type Facets = ReturnType<typeof facetsOf>;

/** An estimate to two significant digits (1,234 → 1,200; 64 → 64): no more precision than it has. */
export function roundEstimate(x: number): number {
  if (x < 100) return Math.round(x);
  const unit = 10 ** (Math.floor(Math.log10(x)) - 1);
  return Math.round(x / unit) * unit;
}

/**
 * The facet lists of a summary: municipalities (top 100, named), service types, care items.
 * Not exact: lower bounds (counted from part of the matches), or — given `scale`, when the part
 * is a uniform sample — estimates of the full counts (each count × scale).
 */
function facetsOf(f: FacetSummary, exact: boolean, scale?: number) {
  const n = scale === undefined ? (c: number) => c : (c: number) => roundEstimate(c * scale);
  const types = (f.serviceType ?? []).filter(([code]) => code !== null).map(([code, count]) => ({ code, count: n(count) }));
  types.sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  const care = f.care ?? [];
  return {
    exact,
    estimated: !exact && scale !== undefined,
    municipality: (f.municipality ?? []).map(([code, count, name]) => ({ code, count: n(count), label: name ?? code })),
    serviceType: types.map((t) => ({ ...t, label: findServiceType(t.code)?.label ?? t.code })),
    careItem: CARE_ITEM_CODES.map((code, i) => ({ code, label: getCareItem(code).label, count: n(Number(care[i] ?? 0)) })).filter((c) => c.count > 0),
  };
}

const parseJson = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

/**
 * Count, facets and a page in one statement, reading the matches once: `source.with` defines
 * `m`, the materialised matches (at most bound.limit + 1 of them), and both the grouping and the
 * page are taken from that set; `source.edge` is returned as `edge` (the near sample's reach). The page names the service table's columns, so the set is read under the name
 * `service`. `guarded`: the page is only computed when the set is complete — it could not
 * stand otherwise.
 */
async function countAndPage(
  exec: Exec,
  source: { with: SQL; edge?: SQL },
  bound: CountBound,
  ord: ReturnType<typeof ordering>,
  pageSize: number,
  opts: { withFacets: boolean; guarded: boolean },
) {
  const [row] = rowsOf<{ f: unknown; page: unknown; edge: number | null }>(
    await exec(sql`
      with ${source.with}, ${facetGroups(opts.withFacets)}
      select ${facetSummary} as f,
             (select coalesce(json_agg(p order by ${ord.pageOrder}), '[]'::json)
                from (${pageRows(ord, sql`m as ${service}`, sql`${opts.guarded ? sql`(select count(*) from m) <= ${bound.limit}` : sql`true`}${ord.after ? sql` and ${ord.after}` : sql``}`, pageSize + 1)}) p) as page,
             ${source.edge ?? sql`null::float8`} as edge`),
  );
  const summary = parseJson<FacetSummary>(row?.f);
  const n = summary.total;
  return { summary, n, complete: n <= bound.limit, page: parseJson<PageRow[]>(row?.page), edge: row?.edge === null || row?.edge === undefined ? null : Number(row.edge) };
}

/** The columns of the materialised matches: what the grouping, the page's sort and its key read. */
function matchColumns(plan: SearchPlan) {
  return sql.join(
    [
      sql`${service.id}, ${facetKeys}, ${service.careMask}, ${service.sortKana}, ${service.updatedAt}`,
      ...(plan.terms.length ? [sql`${service.searchName}`] : []),
      ...(plan.near ? [sql`${service.lat}, ${service.lon}`] : []),
    ],
    sql`, `,
  );
}

/**
 * What the `sample` nearest services (or matches) around a point say about a near search, given
 * `edgeDeg`, the plane distance (degrees, what the GiST index orders by) of the farthest of them:
 * - `estimate`: how many lie within the radius, if the density of the sample holds across the
 *   search area (an ellipse in plane degrees);
 * - `safeKm`: every service left out of the sample is at least this far away — plane distance
 *   shrinks longitudes by at most cos φ of the farthest latitude of the search box; 5 % margin
 *   for the sphere. A radius ≤ safeKm means the sample holds every match; a distance-sorted
 *   page ending closer than safeKm is exact.
 */
export function nearSampleBounds(near: { lat: number; lon: number; radiusKm: number }, sample: number, edgeDeg: number) {
  const dLat = near.radiusKm / 111.2;
  const farLat = Math.min(90, Math.abs(near.lat) + dLat);
  const cosFar = Math.cos((farLat * Math.PI) / 180);
  const cos0 = Math.max(0.01, Math.cos((near.lat * Math.PI) / 180));
  const searchArea = (Math.PI * dLat * dLat) / cos0; // the radius in plane degrees: an ellipse
  const sampleArea = Math.PI * edgeDeg * edgeDeg;
  return {
    safeKm: 0.95 * 111.2 * Math.max(0, cosFar) * edgeDeg,
    estimate: Math.round((sample * searchArea) / Math.max(sampleArea, 1e-12)),
  };
}

type HitJson = {
  s: Record<string, unknown>;
  officeName: string;
  officeKana: string;
  sector: (typeof office.$inferSelect)['sector'];
  municipalityName: string;
  prefectureName: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
  phone: string | null;
  organizationId: string | null;
  organizationName: string | null;
  caps: [string, string, string | null][];
};

/** A service row from its JSON form (column names → properties, driver values mapped as drizzle would). */
const SERVICE_COLUMNS = Object.entries(getTableColumns(service));
/**
 * The JSON form of a service row `s` without its search columns, column by column: converting
 * the whole row (`to_jsonb(s)`) and dropping the search columns after cost ~4 ms a page on
 * PGlite — the search text and tags are most of a row.
 */
const SEARCH_ONLY_COLUMNS = new Set([service.searchText.name, service.searchName.name, service.tags.name]);
const serviceJson = sql.raw(
  `json_build_object(${SERVICE_COLUMNS.filter(([, c]) => !SEARCH_ONLY_COLUMNS.has(c.name))
    .map(([, c]) => `'${c.name}', s."${c.name}"`)
    .join(', ')})`,
);

function serviceFromJson(json: Record<string, unknown>): typeof service.$inferSelect {
  return Object.fromEntries(
    SERVICE_COLUMNS.map(([key, col]) => {
      const v = json[col.name];
      return [key, v === null || v === undefined ? null : col.mapFromDriverValue(v)];
    }),
  ) as typeof service.$inferSelect;
}

/**
 * Office + service details of one page of hits, in page order. One statement that returns one
 * JSON value (the rows without their search columns, the care capabilities as an array per row): a page
 * costs one round trip and no per-column decoding in the driver — on PGlite every statement
 * and every decoded field has a fixed cost of its own (decision 006).
 */
export async function hitsFor(db: DbOrTx, page: { id: string; score?: number; dist?: number | null }[], settings: DirectorySettings) {
  if (page.length === 0) return [];
  const ids = page.map((p) => p.id);
  const [row] = rowsOf<{ hits: unknown }>(
    await db.execute(sql`
      select coalesce(json_agg(json_build_object(
               's', ${serviceJson}, 'officeName', o.name, 'officeKana', o.name_kana, 'sector', o.sector,
               'municipalityName', m.name, 'prefectureName', m.prefecture_name, 'address', o.address,
               'lat', o.lat, 'lon', o.lon, 'phone', o.phone, 'organizationId', o.organization_id, 'organizationName', g.name,
               'caps', (select coalesce(json_agg(json_build_array(c.care_item, c.level, c.note)), '[]'::json)
                          from ${serviceCareCapability} c where c.service_id = s.id))), '[]'::json) as hits
      from ${service} s
      join ${office} o on o.id = s.office_id
      join ${municipality} m on m.code = o.municipality_code
      left join ${organization} g on g.id = o.organization_id
      where s.id = any(${textArrayParam(ids)})`),
  );
  const rows = parseJson<HitJson[]>(row?.hits ?? '[]');
  const byId = new Map(rows.map((r) => [r.s.id as string, r]));
  const now = Date.now();
  return page.flatMap((p) => {
    const r = byId.get(p.id);
    if (!r) return [];
    const s = serviceFromJson(r.s);
    const caps = r.caps.map(([careItem, level, note]) => ({ serviceId: s.id, careItem, level, note }));
    return [
      {
        officeId: s.officeId,
        officeName: r.officeName,
        officeKana: r.officeKana,
        sector: r.sector,
        municipalityCode: s.municipalityCode,
        municipalityName: r.municipalityName,
        prefectureName: r.prefectureName,
        address: r.address,
        lat: r.lat,
        lon: r.lon,
        phone: r.phone,
        organizationId: r.organizationId,
        organizationName: r.organizationName,
        service: toServiceView(s, caps, settings, now),
        distanceKm: p.dist === null || p.dist === undefined ? null : Math.round(p.dist * 1000) / 1000,
        score: p.score ? p.score : null,
      },
    ];
  });
}

/** Every hit of a search, in pages, for the CSV export (capped). */
export async function* allHits(opts: { db: Db; query: DirectorySearchQuery; settings: DirectorySettings; max: number }) {
  let cursor: string | undefined;
  let n = 0;
  do {
    const r = await searchDirectory({ db: opts.db, query: opts.query, limit: 500, cursor, settings: opts.settings, skipCount: true });
    for (const item of r.items) {
      if (n++ >= opts.max) return;
      yield item;
    }
    cursor = r.nextCursor ?? undefined;
  } while (cursor);
}
