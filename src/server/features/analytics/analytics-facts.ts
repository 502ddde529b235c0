// The aggregate queries behind every figure (issue #8). Each returns counts per group and
// never a client id, name or date of birth: "only aggregates leave the client records".
//
// Client tables are guarded by row-level security (decision 010). The aggregates need every
// client of the area, so this module — and only this module — reads them in the system
// context (withSystemContext: tsunagu.system = on), with queries that GROUP BY and return
// counts. Suppression of small cells then happens per viewer (suppression.ts). Decision 013.
import { sql, type SQL } from 'drizzle-orm';
import { addDays, type IsoDate } from '../../../shared/calendar-date.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { rowsOf } from '../clients/sql-rows.js';
import { withSystemContext } from '../clients/client-access.js';
import { SERVICE_DECLINE_REASONS } from '../../../shared/contracts/referrals.js';
import { SERVICE_TYPES } from '../../../shared/domain/service-types.js';
import type { ResolvedQuery } from './area.js';

/** The area filter; the whole database ('all') needs none (a 1,741-value IN list costs more than it filters). */
const inArea = (col: SQL, r: ResolvedQuery) => (r.area.area === 'all' ? sql`true` : inCodes(col, r.codes));
const inCodes = (col: SQL, codes: string[]) => (codes.length ? sql`${col} in (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})` : sql`false`);
/**
 * The row's unit for a municipality column: the municipality itself, or its prefecture when the
 * area is national (ResolvedQuery.unit). Additive queries are grouped per municipality first and
 * then summed per unit (byUnit).
 */
const unitOf = (col: SQL, r: ResolvedQuery) => (r.unit === 'prefecture' ? sql`(select mu.prefecture_code from municipality mu where mu.code = ${col})` : col);
/** Sums per-municipality rows (column m) per unit; `keys` are the other grouping columns, `sums` the additive ones. */
const byUnit = (inner: SQL, r: ResolvedQuery, keys: string[], sums: string[]) =>
  r.unit === 'municipality'
    ? inner
    : sql`select mu.prefecture_code m${sql.raw(keys.map((k) => `, x.${k}`).join(''))}${sql.raw(sums.map((k) => `, sum(x."${k}")::int "${k}"`).join(''))}
          from (${inner}) x join municipality mu on mu.code = x.m group by 1${sql.raw(keys.map((_, i) => `, ${i + 2}`).join(''))}`;

/** End of the base date in Tokyo, as a timestamp. */
const endOf = (d: IsoDate) => sql`((${addDays(d, 1)}::date)::timestamp at time zone 'Asia/Tokyo')`;
const startOf = (d: IsoDate) => sql`((${d}::date)::timestamp at time zone 'Asia/Tokyo')`;

async function q<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

/**
 * Life stage of a birth date on the base date, in SQL, mirroring shared/domain/life-stage.ts
 * (乳児 until the first birthday, 幼児 until 就学 on April 1 of cohort + 7, 小 / 中 / 高 by school
 * year, 青年・成人期 from April 1 of cohort + 19). Cohort = birth year, minus 1 for Jan 1 – Apr 1.
 */
const lifeStageSql = (b: SQL, asOf: IsoDate) => sql`(case
  when ${asOf}::date < (case when to_char(${b}, 'MM-DD') = '02-29' then ${b} + interval '1 year' + interval '1 day' else ${b} + interval '1 year' end)::date then 'infant'
  when ${asOf}::date < make_date(extract(year from ${b})::int - (case when extract(month from ${b}) < 4 or (extract(month from ${b}) = 4 and extract(day from ${b}) = 1) then 1 else 0 end) + 7, 4, 1) then 'preschool'
  when ${asOf}::date < make_date(extract(year from ${b})::int - (case when extract(month from ${b}) < 4 or (extract(month from ${b}) = 4 and extract(day from ${b}) = 1) then 1 else 0 end) + 13, 4, 1) then 'elementary'
  when ${asOf}::date < make_date(extract(year from ${b})::int - (case when extract(month from ${b}) < 4 or (extract(month from ${b}) = 4 and extract(day from ${b}) = 1) then 1 else 0 end) + 16, 4, 1) then 'junior_high'
  when ${asOf}::date < make_date(extract(year from ${b})::int - (case when extract(month from ${b}) < 4 or (extract(month from ${b}) = 4 and extract(day from ${b}) = 1) then 1 else 0 end) + 19, 4, 1) then 'high_school'
  else 'adult' end)`;

/** Clients counted: active records of the area registered by the base date. */
const activeClients = (r: ResolvedQuery) => sql`c.status = 'active' and ${inArea(sql`c.municipality_code`, r)} and c.birth_date <= ${r.asOf}::date and c.created_at < ${endOf(r.asOf)}`;

/** A client is power-dependent when a device with a recorded power draw, or a ventilator, is on the record. */
const powerDependent = sql`(exists (select 1 from jsonb_array_elements(coalesce(cm.data->'devices', '[]'::jsonb)) d where coalesce(nullif(d->>'powerWatts', ''), '0')::numeric > 0)
  or exists (select 1 from jsonb_array_elements(coalesce(cm.data->'careItems', '[]'::jsonb)) e where e->>'code' = 'ventilator'))`;

export interface ClientCell {
  m: string;
  stage: string;
  /** null = all clients of the stage (a client with several care items is counted once). */
  item: string | null;
  n: number;
}
export interface NeedCell {
  m: string;
  t: string;
  planned: number;
  unmet: number;
  requested: number;
  waiting: number;
}
export interface PowerCell {
  m: string;
  powerDependent: number;
  withPlan: number;
  approved: number;
}

/** Client-side aggregates (system context, counts only). */
export async function loadClientFacts(db: Db, r: ResolvedQuery, parts: { clients?: boolean; needs?: boolean; power?: boolean }) {
  return withSystemContext(db, async (tx) => {
    const clients = parts.clients
      ? await q<ClientCell>(
          tx,
          byUnit(sql`with c as (
                select c.id, c.municipality_code m, ${lifeStageSql(sql`c.birth_date`, r.asOf)} stage, cm.data md
                from client c left join client_medical cm on cm.client_id = c.id
                where ${activeClients(r)})
              select m, stage, null::text item, count(*)::int n from c group by m, stage
              union all
              select m, stage, i.code item, count(*)::int n
              from c cross join lateral (select distinct e->>'code' code from jsonb_array_elements(coalesce(c.md->'careItems', '[]'::jsonb)) e) i
              group by m, stage, i.code`, r, ['stage', 'item'], ['n']),
        )
      : [];
    const planNeeds = parts.needs
      ? await q<{ m: string; t: string; planned: number; unmet: number }>(
          tx,
          byUnit(sql`select c.municipality_code m, s->>'serviceType' t,
                count(distinct c.id)::int planned,
                count(distinct c.id) filter (where coalesce(s->>'officeId', '') = '' and coalesce(s->>'officeName', '') = '')::int unmet
              from care_plan p join client c on c.id = p.client_id
              cross join lateral jsonb_array_elements(coalesce(p.needs, '[]'::jsonb)) n
              cross join lateral jsonb_array_elements(coalesce(n->'services', '[]'::jsonb)) s
              where p.status = 'agreed' and ${activeClients(r)} and coalesce(s->>'serviceType', '') <> ''
              group by 1, 2`, r, ['t'], ['planned', 'unmet']),
        )
      : [];
    const power = parts.power
      ? await q<PowerCell>(
          tx,
          byUnit(sql`select c.municipality_code m, count(*)::int "powerDependent",
                count(ep.id) filter (where ep.created_at < ${endOf(r.asOf)})::int "withPlan",
                count(ep.id) filter (where ep.approved_at is not null and ep.approved_at < ${endOf(r.asOf)})::int approved
              from client c join client_medical cm on cm.client_id = c.id
              left join evacuation_plan ep on ep.client_id = c.id
              where ${activeClients(r)} and ${powerDependent}
              group by 1`, r, [], ['powerDependent', 'withPlan', 'approved']),
        )
      : [];
    return { clients, planNeeds, power };
  });
}

export interface ReferralNeedCell {
  m: string;
  t: string;
  requested: number;
  waiting: number;
  providerSent: number;
  providerFound: number;
  providerWaiting: number;
}

/** Merged service types (医療型児発 → 児発): a case wanting the old code is served by an offer of the new one. */
const canonicalTypeSql = (t: SQL) => {
  const merged = SERVICE_TYPES.filter((x) => x.mergedInto);
  return merged.length ? sql`(case ${t} ${sql.join(merged.map((x) => sql`when ${x.code} then ${x.mergedInto!}`), sql` `)} else ${t} end)` : t;
};

/**
 * Service needs from referrals, per municipality × wished service type: requested in the period
 * and waiting for a consultant on the base date (referral_case.services_wanted); and from the
 * requests to service offices (referral_service_offer): case × type requests sent in the period,
 * cases of the period whose wished type found an office by the base date (accepted / completed,
 * answered by then), and cases open on the base date whose wished type has none yet. At most one
 * offer per case and type is accepted (referral_service_offer_accepted_uq), so the left join adds
 * no rows; count(distinct case) as before (a type wished twice counts once). The wished types are
 * unnested from an array (the planner expects 10 per case, not jsonb_array_elements' 100): the
 * national estimate then stays under PostgreSQL's JIT optimisation threshold, which alone cost
 * ~800 ms here for a query that runs in ~250 ms.
 */
export async function loadReferralNeeds(db: DbOrTx, r: ResolvedQuery) {
  const end = endOf(r.asOf);
  const inPeriod = (col: SQL) => sql`${col} >= ${startOf(r.from)} and ${col} < ${endOf(r.to)}`;
  const openAt = (t: SQL) => sql`(rc.closed_at is null or rc.closed_at >= ${t})`;
  return q<ReferralNeedCell>(
    db,
    byUnit(sql`with needs as (
          select rc.municipality_code m, sw.t,
            count(distinct rc.id) filter (where ${inPeriod(sql`rc.created_at`)})::int requested,
            count(distinct rc.id) filter (where rc.created_at < ${end} and (rc.assigned_at is null or rc.assigned_at >= ${end}) and ${openAt(end)})::int waiting,
            count(distinct rc.id) filter (where ${inPeriod(sql`rc.created_at`)} and so.id is not null)::int "providerFound",
            count(distinct rc.id) filter (where rc.created_at < ${end} and ${openAt(end)} and so.id is null)::int "providerWaiting"
          from referral_case rc cross join lateral unnest(array(select e->>'serviceType' from jsonb_array_elements(coalesce(rc.services_wanted, '[]'::jsonb)) e)) sw(t)
          left join referral_service_offer so on so.case_id = rc.id and so.service_type = ${canonicalTypeSql(sql`sw.t`)}
            and so.status in ('accepted', 'completed') and coalesce(so.responded_at, so.completed_at, so.created_at) < ${end}
          where ${inArea(sql`rc.municipality_code`, r)} and coalesce(sw.t, '') <> ''
          group by 1, 2),
        sent as (
          select rc.municipality_code m, so.service_type t, count(distinct so.case_id)::int n
          from referral_service_offer so join referral_case rc on rc.id = so.case_id
          where ${inArea(sql`rc.municipality_code`, r)} and ${inPeriod(sql`so.sent_at`)}
          group by 1, 2)
        select coalesce(needs.m, sent.m) m, coalesce(needs.t, sent.t) t,
          coalesce(needs.requested, 0)::int requested, coalesce(needs.waiting, 0)::int waiting,
          coalesce(sent.n, 0)::int "providerSent", coalesce(needs."providerFound", 0)::int "providerFound", coalesce(needs."providerWaiting", 0)::int "providerWaiting"
        from needs full join sent on sent.m = needs.m and sent.t = needs.t`, r, ['t'], ['requested', 'waiting', 'providerSent', 'providerFound', 'providerWaiting']),
  );
}

export interface SupplyCell {
  m: string;
  t: string;
  services: number;
  capacity: number;
  vacancyServices: number;
  vacancy: number;
}
export interface CareSupplyCell {
  m: string;
  t: string;
  item: string;
  yes: number;
  conditional: number;
}

/**
 * Directory supply: services, capacity, fresh vacancy, care-item capability (yes / conditional).
 * Services and capabilities come from the trigger-maintained totals (analytics_supply_total,
 * analytics_care_total: every service whatever its created_at) minus the services created after
 * the base date (index service_created_idx; none when the base date is today). Fresh vacancy is
 * read from the services directly through the partial index service_vacancy_idx (few rows).
 * Equal to loadSupplyFromScratch (tested).
 */
export async function loadSupply(db: DbOrTx, r: ResolvedQuery, freshDays: number, withCare: boolean, only?: { careTypes: readonly string[] }) {
  const end = endOf(r.asOf);
  const freshSince = sql`(${end} - make_interval(days => ${freshDays}))`;
  // The gap matrix alone needs only the capabilities of its service types.
  const careTypes = (col: SQL) => (only ? inCodes(col, [...only.careTypes]) : sql`true`);
  const services = only ? [] : await q<SupplyCell>(
    db,
    byUnit(sql`with later as (
          select municipality_code m, service_type t, count(*) n, coalesce(sum(capacity), 0) c
          from service where created_at >= ${end} and ${inArea(sql`municipality_code`, r)} group by 1, 2),
        vac as (
          select municipality_code m, service_type t, count(*) n, sum(vacancy_count) v
          from service where vacancy_count > 0 and vacancy_confirmed_at >= ${freshSince} and vacancy_confirmed_at < ${end}
            and created_at < ${end} and ${inArea(sql`municipality_code`, r)} group by 1, 2)
        select a.municipality_code m, a.service_type t, (a.services - coalesce(later.n, 0))::int services, (a.capacity - coalesce(later.c, 0))::int capacity,
          coalesce(vac.n, 0)::int "vacancyServices", coalesce(vac.v, 0)::int vacancy
        from analytics_supply_total a
        left join later on later.m = a.municipality_code and later.t = a.service_type
        left join vac on vac.m = a.municipality_code and vac.t = a.service_type
        where ${inArea(sql`a.municipality_code`, r)} and a.services - coalesce(later.n, 0) > 0`, r, ['t'], ['services', 'capacity', 'vacancyServices', 'vacancy']),
  );
  const care = withCare
    ? await q<CareSupplyCell>(
        db,
        byUnit(sql`with later as (
              select s.municipality_code m, s.service_type t, cc.care_item item,
                count(*) filter (where cc.level = 'yes') yes, count(*) filter (where cc.level = 'conditional') conditional
              from service s join service_care_capability cc on cc.service_id = s.id
              where s.created_at >= ${end} and ${inArea(sql`s.municipality_code`, r)} and cc.level in ('yes', 'conditional') and ${careTypes(sql`s.service_type`)}
              group by 1, 2, 3)
            select m, t, item, yes, conditional from (
              select a.municipality_code m, a.service_type t, a.care_item item,
                (a.yes - coalesce(later.yes, 0))::int yes, (a.conditional - coalesce(later.conditional, 0))::int conditional
              from analytics_care_total a
              left join later on later.m = a.municipality_code and later.t = a.service_type and later.item = a.care_item
              where ${inArea(sql`a.municipality_code`, r)} and ${careTypes(sql`a.service_type`)}) x
            where yes > 0 or conditional > 0`, r, ['t', 'item'], ['yes', 'conditional']),
      )
    : [];
  return { services, care };
}

/** The same figures as loadSupply, grouped from the directory tables (the aggregates' test oracle and the bench's comparison). */
export async function loadSupplyFromScratch(db: DbOrTx, r: ResolvedQuery, freshDays: number, withCare: boolean) {
  const freshSince = sql`(${endOf(r.asOf)} - make_interval(days => ${freshDays}))`;
  const services = await q<SupplyCell>(
    db,
    byUnit(sql`select municipality_code m, service_type t, count(*)::int services, coalesce(sum(capacity), 0)::int capacity,
          count(*) filter (where vacancy_count > 0 and vacancy_confirmed_at >= ${freshSince} and vacancy_confirmed_at < ${endOf(r.asOf)})::int "vacancyServices",
          coalesce(sum(vacancy_count) filter (where vacancy_count > 0 and vacancy_confirmed_at >= ${freshSince} and vacancy_confirmed_at < ${endOf(r.asOf)}), 0)::int vacancy
        from service where ${inArea(sql`municipality_code`, r)} and created_at < ${endOf(r.asOf)}
        group by 1, 2`, r, ['t'], ['services', 'capacity', 'vacancyServices', 'vacancy']),
  );
  const care = withCare
    ? await q<CareSupplyCell>(
        db,
        byUnit(sql`select s.municipality_code m, s.service_type t, cc.care_item item,
              count(*) filter (where cc.level = 'yes')::int yes, count(*) filter (where cc.level = 'conditional')::int conditional
            from service s join service_care_capability cc on cc.service_id = s.id
            where ${inArea(sql`s.municipality_code`, r)} and s.created_at < ${endOf(r.asOf)} and cc.level in ('yes', 'conditional')
            group by 1, 2, 3`, r, ['t', 'item'], ['yes', 'conditional']),
      )
    : [];
  return { services, care };
}

/** People registry: acceptance per city covered, coordinators, and caseload per person of the area. */
export async function loadPeople(db: DbOrTx, r: ResolvedQuery) {
  const acceptance = await q<{ m: string; a: string; n: number; coordinators: number }>(
    db,
    r.unit === 'municipality'
      ? sql`select m, pp.accepts_medical_care a, count(*)::int n, count(*) filter (where pp.coordinator_training_year is not null)::int coordinators
          from person_profile pp cross join lateral unnest(pp.municipalities) m
          where ${inArea(sql`m`, r)}
          group by 1, 2`
      : // A person covering two municipalities of one prefecture counts once there.
        sql`select mu.prefecture_code m, pp.accepts_medical_care a, count(distinct pp.user_id)::int n,
            count(distinct pp.user_id) filter (where pp.coordinator_training_year is not null)::int coordinators
          from person_profile pp cross join lateral unnest(pp.municipalities) x join municipality mu on mu.code = x
          where ${inArea(sql`x`, r)}
          group by 1, 2`,
  );
  // Cases held per person in one pass over the cases (not one lookup per person).
  const caseloads = await q<{ n: number }>(
    db,
    sql`with held as (
          select rc.assigned_consultant_id u, count(*) filter (where rc.assigned_at < ${endOf(r.asOf)} and (rc.closed_at is null or rc.closed_at >= ${endOf(r.asOf)}))::int n
          from referral_case rc where rc.assigned_consultant_id is not null group by 1)
        select coalesce(held.n, 0)::int n
        from person_profile pp left join held on held.u = pp.user_id
        where (pp.accepts_medical_care <> 'no' or held.u is not null)
          and ${r.area.area === 'all' ? sql`cardinality(pp.municipalities) > 0` : sql`pp.municipalities && ${sql.raw(`array[${r.codes.map((c) => `'${c.replace(/'/g, "''")}'`).join(',') || "''"}]::text[]`)}`}`,
  );
  return { acceptance, caseloads: caseloads.map((c) => c.n) };
}

/** Requests to service offices of one type (m null = all units of the area). */
export interface ProviderCell {
  m: string | null;
  t: string;
  sent: number;
  accepted: number;
  declined: number;
  expired: number;
  /** Accepted or declined by the office (expired is no answer): the median's group. */
  responded: number;
  medianDays: number | null;
  /** Declines per reason code (SERVICE_DECLINE_REASONS). */
  reasons: Record<string, number>;
}

export interface FunnelCell {
  m: string | null;
  intake: number;
  sent: number;
  accepted: number;
  assigned: number;
  median: number | null;
  p90: number | null;
}

/** Referral cases opened in the period: funnel, time to assignment (days), per city and for the whole area. */
export async function loadReferrals(db: DbOrTx, r: ResolvedQuery) {
  const inPeriod = sql`rc.created_at >= ${startOf(r.from)} and rc.created_at < ${endOf(r.to)}`;
  const funnel = await q<FunnelCell>(
    db,
    sql`select rc.um m, count(*)::int intake,
          count(*) filter (where exists (select 1 from referral_offer o where o.case_id = rc.id and o.sent_at is not null))::int sent,
          count(*) filter (where rc.assigned_at is not null or exists (select 1 from referral_offer o where o.case_id = rc.id and o.status in ('accepted', 'completed')))::int accepted,
          count(*) filter (where rc.assigned_at is not null)::int assigned,
          percentile_cont(0.5) within group (order by extract(epoch from rc.assigned_at - rc.created_at) / 86400.0) filter (where rc.assigned_at is not null) median,
          percentile_cont(0.9) within group (order by extract(epoch from rc.assigned_at - rc.created_at) / 86400.0) filter (where rc.assigned_at is not null) p90
        from (select rc.id, rc.created_at, rc.assigned_at, ${unitOf(sql`rc.municipality_code`, r)} um from referral_case rc
              where ${inArea(sql`rc.municipality_code`, r)} and ${inPeriod}) rc
        group by grouping sets ((rc.um), ())`,
  );
  const declines = await q<{ m: string; reason: string; n: number }>(
    db,
    sql`select ${unitOf(sql`rc.municipality_code`, r)} m, coalesce(o.decline_reason, 'other') reason, count(*)::int n
        from referral_offer o join referral_case rc on rc.id = o.case_id
        where o.status = 'declined' and ${inArea(sql`rc.municipality_code`, r)}
          and o.responded_at >= ${startOf(r.from)} and o.responded_at < ${endOf(r.to)}
        group by 1, 2`,
  );
  const waiting = await q<{ m: string; urgency: string; n: number; maxDays: number | null }>(
    db,
    sql`select ${unitOf(sql`rc.municipality_code`, r)} m, rc.urgency, count(*)::int n,
          max(extract(epoch from ${endOf(r.asOf)} - rc.created_at) / 86400.0)::float8 "maxDays"
        from referral_case rc
        where ${inArea(sql`rc.municipality_code`, r)}
          and rc.created_at < ${endOf(addDays(r.asOf, -r.waitingDays))}
          and (rc.assigned_at is null or rc.assigned_at >= ${endOf(r.asOf)})
          and (rc.closed_at is null or rc.closed_at >= ${endOf(r.asOf)})
        group by 1, 2`,
  );
  // Requests to service offices sent in the period, by type: their answers as of the base date.
  // Unknown reason codes count as その他 (the form only offers the list).
  const answered = sql`so.responded_at is not null and so.responded_at < ${endOf(r.asOf)}`;
  const reasonCols = SERVICE_DECLINE_REASONS.map((code) => sql`, count(*) filter (where x.reason = ${code})::int ${sql.identifier(`reason_${code}`)}`);
  // The cases of the area with their unit, hash-joined to the offers (not one lookup per offer).
  const cases =
    r.unit === 'prefecture'
      ? sql`select rc.id, mu.prefecture_code um from referral_case rc join municipality mu on mu.code = rc.municipality_code where ${inArea(sql`rc.municipality_code`, r)}`
      : sql`select rc.id, rc.municipality_code um from referral_case rc where ${inArea(sql`rc.municipality_code`, r)}`;
  const providerRows = await q<Omit<ProviderCell, 'reasons' | 'medianDays'> & { medianDays: number | string | null } & Record<string, unknown>>(
    db,
    sql`select x.um m, x.t, count(*)::int sent,
          count(*) filter (where x.outcome = 'accepted')::int accepted,
          count(*) filter (where x.outcome = 'declined')::int declined,
          count(*) filter (where x.outcome = 'expired')::int expired,
          count(*) filter (where x.outcome in ('accepted', 'declined'))::int responded,
          percentile_cont(0.5) within group (order by x.days) filter (where x.outcome in ('accepted', 'declined')) "medianDays"
          ${sql.join(reasonCols, sql``)}
        from (select c.um, so.service_type t,
                case when not (${answered}) then null when so.status in ('accepted', 'completed') then 'accepted' when so.status in ('declined', 'expired') then so.status end outcome,
                extract(epoch from so.responded_at - so.sent_at) / 86400.0 days,
                case when so.status = 'declined' and ${answered} then (case when so.decline_reason in (${sql.join(SERVICE_DECLINE_REASONS.map((c) => sql`${c}`), sql`, `)}) then so.decline_reason else 'other' end) end reason
              from referral_service_offer so join (${cases}) c on c.id = so.case_id
              where so.sent_at >= ${startOf(r.from)} and so.sent_at < ${endOf(r.to)}) x
        group by grouping sets ((x.um, x.t), (x.t))`,
  );
  const providers: ProviderCell[] = providerRows.map((x) => ({
    m: x.m,
    t: x.t,
    sent: x.sent,
    accepted: x.accepted,
    declined: x.declined,
    expired: x.expired,
    responded: x.responded,
    medianDays: x.medianDays === null ? null : Number(x.medianDays),
    reasons: Object.fromEntries(SERVICE_DECLINE_REASONS.map((c) => [c, Number(x[`reason_${c}`] ?? 0)])),
  }));
  return { funnel: funnel.map((f) => ({ ...f, median: f.median === null ? null : Number(f.median), p90: f.p90 === null ? null : Number(f.p90) })), declines, waiting, providers };
}

/** Training attendance in the period by the participant's city and role (network feature's registrations). */
export async function loadAttendance(db: DbOrTx, r: ResolvedQuery) {
  return q<{ m: string; role: string; registered: number; attended: number }>(
    db,
    sql`select ${unitOf(sql`reg.municipality_code`, r)} m, reg.participant_role role, count(*)::int registered, count(*) filter (where reg.checked_in_at is not null)::int attended
        from event_registration reg join event e on e.id = reg.event_id
        where e.kind = 'training' and e.status = 'scheduled' and reg.status = 'registered'
          and e.starts_at >= ${startOf(r.from)} and e.starts_at < ${endOf(r.to)}
          and reg.municipality_code is not null and ${inArea(sql`reg.municipality_code`, r)}
        group by 1, 2`,
  );
}
