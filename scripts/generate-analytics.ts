// National-scale data for the council analytics benchmark (bench/analytics.ts), on top of the
// existing generators: the directory (scripts/lib/load-directory.ts, ≈200k services with care
// capabilities) and the evacuation set (scripts/generate-evacuation.ts: 21,000 clients). This
// script adds what analytics needs beyond them, in SQL (fast, seeded with setseed):
// - medical records (care items, powered devices) for the generated clients, 2 % of them moved
//   into the 東葛 cities so the region view has data;
// - 29,000 consultants / coordinators with profiles (acceptance yes / with_backup / no, coverage);
// - a year of referral cases with offers (declines with reasons, acceptances), assignments
//   skewed so that caseloads concentrate the way the seed describes;
// - requests to service offices for those cases (1–3 per case: declined, expired, accepted,
//   completed or unanswered), for referrals.providers and the needs' 受け入れ先 columns.
// Everything is fictitious and marked 「生成」 / ids gen*. Idempotent: skips parts already present.
//
//   tsx scripts/generate-analytics.ts [--url …] [--pglite <dir>] [--offices 120000] [--consultants 29000] [--cases 25000]
import { parseArgs } from 'node:util';
import { count, like, sql } from 'drizzle-orm';
import type { Database } from '../src/server/db/client.js';
import { client, office, personProfile, referralCase } from '../src/server/db/schema/index.js';
import { rowsOf } from '../src/server/features/clients/sql-rows.js';
import { seedMunicipalities } from '../src/server/demo/seed-demo.js';
import { withSystemContext } from '../src/server/features/clients/client-access.js';
import { TOKATSU_MUNICIPALITIES } from '../src/shared/domain/municipalities.js';
import { generateEvacuationData, openTarget } from './generate-evacuation.js';
import { loadGeneratedDirectory } from './lib/load-directory.js';

export async function generateAnalyticsData(database: Database, o: { offices: number; consultants: number; cases: number; log: (s: string) => void }) {
  const { db } = database;
  await database.migrate();
  await seedMunicipalities(db);
  const t0 = performance.now();
  const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(0)} 秒`;

  const [{ n: offices } = { n: 0 }] = await db.select({ n: count() }).from(office);
  if (offices < o.offices / 2) {
    o.log(`事業所を生成します（${o.offices.toLocaleString()}）…`);
    const r = await loadGeneratedDirectory({ db, offices: o.offices, seed: 42, rebuildIndexes: offices === 0 });
    o.log(`  事業所 ${r.offices.toLocaleString()}、サービス ${r.services.toLocaleString()}（${elapsed()}）`);
  }
  const [{ n: clients } = { n: 0 }] = await withSystemContext(db, (tx) => tx.select({ n: count() }).from(client).where(like(client.id, 'gen-%')));
  if (clients === 0) await generateEvacuationData(database, { clients: 21000, ventilators: 6200, municipalities: 1741, reset: false, log: o.log });

  const tokatsu = sql.raw(`array[${TOKATSU_MUNICIPALITIES.map((m) => `'${m.code}'`).join(',')}]`);
  await withSystemContext(db, async (tx) => {
    await tx.execute(sql`select setseed(0.42)`);
    const moved = await tx.execute(sql`update client set municipality_code = (${tokatsu})[1 + floor(random() * 6)::int]
      where id like 'gen-%' and municipality_code like '9%' and random() < 0.02`);
    void moved;
    await tx.execute(sql`insert into client_medical (client_id, data)
      select c.id, jsonb_build_object(
        'careItems', coalesce((select jsonb_agg(jsonb_build_object('code', v.code, 'monitoring', 'high'))
                               from (values ('ventilator', 0.3), ('tracheostomy', 0.25), ('suction', 0.6), ('oxygen', 0.3), ('tube_feeding', 0.5), ('seizure_care', 0.2), ('intermittent_catheterization', 0.05)) v(code, p)
                               where random() < v.p and c.id is not null), '[]'::jsonb),
        'devices', case when ep.runtime_hours is not null then jsonb_build_array(jsonb_build_object('type', '人工呼吸器', 'batteryHours', 5, 'powerWatts', 60)) else '[]'::jsonb end)
      from client c left join evacuation_plan ep on ep.client_id = c.id
      where c.id like 'gen-%' and not exists (select 1 from client_medical cm where cm.client_id = c.id)`);
  });
  o.log(`  医療の記録（${elapsed()}）`);

  const [{ n: people } = { n: 0 }] = await db.select({ n: count() }).from(personProfile).where(like(personProfile.userId, 'genu-%'));
  if (people === 0) {
    await db.execute(sql`select setseed(0.43)`);
    await db.execute(sql`insert into "user" (id, name, email, role, municipality_code)
      select 'genu-' || g, '生成 相談員 ' || g, 'genu' || g || '@example.invalid', case when g % 10 = 0 then 'coordinator' else 'consultant' end,
             (select array_agg(code order by code) from municipality)[1 + floor(random() * (select count(*) from municipality))::int]
      from generate_series(1, ${o.consultants}) g`);
    await db.execute(sql`insert into person_profile (user_id, accepts_medical_care, coordinator_training_year, max_caseload, municipalities)
      select u.id, case when r < 0.25 then 'yes' when r < 0.78 then 'with_backup' else 'no' end,
             case when u.role = 'coordinator' then 2020 + floor(random() * 5)::int end, 30, array[u.municipality_code]
      from (select id, role, municipality_code, random() r from "user" where id like 'genu-%') u`);
    o.log(`  相談支援専門員・コーディネーター ${o.consultants.toLocaleString()}（${elapsed()}）`);
  }

  const [{ n: cases } = { n: 0 }] = await db.select({ n: count() }).from(referralCase).where(like(referralCase.id, 'genrc-%'));
  if (cases === 0) {
    await db.execute(sql`select setseed(0.44)`);
    // Assignment skewed (random()^3): a few consultants receive most cases — the concentration the seed warns about.
    await db.execute(sql`insert into referral_case (id, status, created_by, created_at, municipality_code, age_years, care_items, services_wanted, urgency, wishes, source,
                                  consent_obtained_on, consent_method, consent_given_by, client_name, assigned_consultant_id, assigned_at, closed_at)
      select 'genrc-' || g, x.status, 'genu-1', x.created, x.m, floor(random() * 18)::int,
             '[{"code":"ventilator","monitoring":"high"}]'::jsonb,
             jsonb_build_array(jsonb_build_object('serviceType', (array['24','63','65','11','home_nursing'])[1 + floor(random() * 5)::int])),
             (array['urgent','soon','normal'])[1 + floor(random() * 3)::int],
             '{"weekendContact":false,"consultantGender":null,"preferredDays":[],"note":""}'::jsonb, 'hospital',
             x.created::date, 'written', '生成 保護者', '生成 ' || g,
             case when x.status <> 'open' then 'genu-' || (1 + floor(power(random(), 3) * ${o.consultants})::int) end,
             case when x.status <> 'open' then x.created + make_interval(days => floor(random() * 40)::int) end,
             case when x.status = 'closed' then x.created + make_interval(days => 60) end
      from generate_series(1, ${o.cases}) g
      cross join lateral (select now() - make_interval(days => floor(random() * 365)::int) created,
                                 (select code from municipality order by random() + g * 0 limit 1) m,
                                 case when random() < 0.75 then 'assigned' when random() < 0.5 then 'open' else 'closed' end status) x`);
    await db.execute(sql`insert into referral_offer (id, case_id, candidate_id, sender_id, status, created_at, sent_at, responded_at, decline_reason)
      select 'genod-' || rc.id, rc.id, 'genu-' || (2 + floor(random() * ${o.consultants - 2})::int), 'genu-1', 'declined', rc.created_at, rc.created_at, rc.created_at + interval '2 days',
             (array['caseload_full','out_of_area','care_inexperienced','no_backup','schedule','family_wish','other'])[1 + floor(random() * 7)::int]
      from referral_case rc where rc.id like 'genrc-%' and random() < 0.4`);
    await db.execute(sql`insert into referral_offer (id, case_id, candidate_id, sender_id, status, created_at, sent_at, responded_at)
      select 'genoa-' || rc.id, rc.id, rc.assigned_consultant_id, 'genu-1', 'accepted', rc.created_at, rc.created_at + interval '3 days', rc.assigned_at
      from referral_case rc where rc.id like 'genrc-%' and rc.assigned_consultant_id is not null`);
    o.log(`  紹介ケース ${o.cases.toLocaleString()}（1年分、打診つき）（${elapsed()}）`);
  }
  // Requests to service offices (事業所への紹介): 1–3 per case × wished type, to services of that
  // type; the earlier ones declined (with a reason) or expired, the last one accepted, completed,
  // still unanswered, declined or expired. A step of its own: an existing database gets it on a rerun.
  const [{ n: serviceOffers } = { n: 0 }] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int n from referral_service_offer where id like 'genso-%'`));
  if (serviceOffers === 0) {
    await db.execute(generateServiceOffersSql);
    o.log(`  事業所への紹介（${elapsed()}）`);
  }
  await db.execute(sql.raw('analyze'));
  o.log(`完了（${elapsed()}）`);
}

/** Service-office requests for the generated cases (deterministic: hashes of the case id, no random()). */
export const generateServiceOffersSql = sql`with s as (select id, office_id, service_type, row_number() over (partition by service_type order by id) rn, count(*) over (partition by service_type) cnt from service),
    w as (select rc.id case_id, rc.created_at, sw->>'serviceType' t, 1 + abs(hashtext(rc.id)) % 3 n from referral_case rc cross join lateral jsonb_array_elements(rc.services_wanted) sw where rc.id like 'genrc-%'),
    o as (select w.*, k from w cross join lateral generate_series(1, w.n) k),
    last as (select o.*, abs(hashtext(o.case_id || 'x')) % 5 fate from o)
  insert into referral_service_offer (id, case_id, service_id, office_id, service_type, sender_id, status, created_at, sent_at, responded_at, decline_reason)
  select 'genso-' || o.case_id || '-' || o.k, o.case_id, s.id, s.office_id, s.service_type, 'genu-1',
    case when o.k < o.n then (case when o.k % 2 = 0 then 'expired' else 'declined' end) else (array['accepted','completed','sent','declined','expired'])[1 + o.fate] end,
    o.created_at + make_interval(days => o.k * 3), o.created_at + make_interval(days => o.k * 3),
    case when o.k < o.n or o.fate <> 2 then o.created_at + make_interval(days => o.k * 3 + 1 + abs(hashtext(o.case_id)) % 4) end,
    case when (o.k < o.n and o.k % 2 = 1) or (o.k = o.n and o.fate = 3) then (array['no_vacancy','care_not_supported','out_of_area','age_out_of_range','schedule','other'])[1 + abs(hashtext(o.case_id || o.k)) % 6] end
  from last o join (select service_type, max(cnt) cnt from s group by 1) c on c.service_type = o.t
  join s on s.service_type = o.t and s.rn = 1 + (abs(hashtext(o.case_id)) + o.k) % c.cnt`;

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const { values } = parseArgs({ options: { url: { type: 'string' }, pglite: { type: 'string' }, offices: { type: 'string', default: '120000' }, consultants: { type: 'string', default: '29000' }, cases: { type: 'string', default: '25000' } } });
  const database = await openTarget({ url: values.url, pglite: values.pglite });
  try {
    await generateAnalyticsData(database, { offices: Number(values.offices), consultants: Number(values.consultants), cases: Number(values.cases), log: (s) => console.log(s) });
  } finally {
    await database.close();
  }
}
