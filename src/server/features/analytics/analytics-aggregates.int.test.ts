// Issue #8 item 5: the trigger-maintained supply totals (analytics_supply_total,
// analytics_care_total) give the same figures as grouping the directory from scratch, after every
// kind of write the directory makes: create, edit (capacity, capabilities), vacancy, office move,
// delete, office delete (cascade), bulk insert / update / delete, truncate.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/calendar-date.js';
import { tokyoDate } from '../../../shared/dates.js';
import { office, service } from '../../db/schema/index.js';
import { seedMunicipalities } from '../../demo/seed-demo.js';
import { createTestDatabase, type TestDatabase } from '../../test/harness.js';
import { rowsOf } from '../clients/sql-rows.js';
import { createFixtureOffice } from '../directory/directory-fixtures.js';
import { deleteService, setVacancy, updateService } from '../directory/edit-listing.js';
import { refreshListingSearch } from '../directory/listing-search.js';
import { DEFAULT_DIRECTORY_SETTINGS } from '../directory/listing-view.js';
import { resolveQuery } from './area.js';
import { loadSupply, loadSupplyFromScratch } from './analytics-facts.js';

let d: TestDatabase;
const MATSUDO = '12207';
const NODA = '12208';
const KASHIWA = '12217';
const actor = { userId: 'agg-test', name: '集計テスト', roles: ['admin' as const], officeIds: [], audit: { label: 'test:aggregates' } };
const settings = DEFAULT_DIRECTORY_SETTINGS;

beforeAll(async () => {
  d = await createTestDatabase();
  await seedMunicipalities(d.db);
  await d.db.execute(sql`insert into "user" (id, name, email, role) values (${actor.userId}, ${actor.name}, 'agg-test@example.invalid', 'admin')`);
}, 120_000);
afterAll(async () => d?.drop());

type Supply = Awaited<ReturnType<typeof loadSupply>>;
const sorted = (s: Supply) => ({
  services: [...s.services].sort((a, b) => `${a.m}|${a.t}`.localeCompare(`${b.m}|${b.t}`)),
  care: [...s.care].sort((a, b) => `${a.m}|${a.t}|${a.item}`.localeCompare(`${b.m}|${b.t}|${b.item}`)),
});

/** Every area and base date the dashboard offers: the aggregates equal the recomputation. */
async function expectSameAsFromScratch() {
  const today = tokyoDate();
  for (const area of ['all', 'region', `${MATSUDO},${NODA}`])
    for (const asOf of [today, addDays(today, -1)]) {
      const r = await resolveQuery(d.db, { area, asOf });
      const agg = sorted(await loadSupply(d.db, r, 7, true));
      const scratch = sorted(await loadSupplyFromScratch(d.db, r, 7, true));
      expect(agg, `${area} ${asOf}`).toEqual(scratch);
    }
  // National areas are grouped per prefecture: the same sums as the municipalities' rows.
  const all = await resolveQuery(d.db, { area: 'all' });
  const byPref = { ...all, unit: 'prefecture' as const, units: [{ code: '12', name: '千葉県' }] };
  const perPref = sorted(await loadSupply(d.db, byPref, 7, true));
  expect(perPref).toEqual(sorted(await loadSupplyFromScratch(d.db, byPref, 7, true)));
  const perCity = await loadSupply(d.db, all, 7, true);
  const summed = new Map<string, number>();
  for (const x of perCity.services) summed.set(x.t, (summed.get(x.t) ?? 0) + x.services);
  expect(new Map(perPref.services.map((x) => [x.t, x.services]))).toEqual(summed);
  expect(perPref.services.every((x) => x.m === '12')).toBe(true);
  // The tables themselves (zero rows allowed) match a GROUP BY of the directory.
  const diff = rowsOf<{ n: number }>(
    await d.db.execute(sql`select count(*)::int n from (
      (select municipality_code, service_type, null::text, services::bigint, capacity::bigint from analytics_supply_total where services <> 0
       except select municipality_code, service_type, null::text, count(*), coalesce(sum(capacity), 0) from service group by 1, 2)
      union all
      (select municipality_code, service_type, null::text, count(*), coalesce(sum(capacity), 0) from service group by 1, 2
       except select municipality_code, service_type, null::text, services::bigint, capacity::bigint from analytics_supply_total where services <> 0)
      union all
      (select municipality_code, service_type, care_item, yes::bigint, conditional::bigint from analytics_care_total where yes <> 0 or conditional <> 0
       except select s.municipality_code, s.service_type, cc.care_item, count(*) filter (where cc.level = 'yes'), count(*) filter (where cc.level = 'conditional')
              from service s join service_care_capability cc on cc.service_id = s.id where cc.level in ('yes', 'conditional') group by 1, 2, 3)
      union all
      (select s.municipality_code, s.service_type, cc.care_item, count(*) filter (where cc.level = 'yes'), count(*) filter (where cc.level = 'conditional')
              from service s join service_care_capability cc on cc.service_id = s.id where cc.level in ('yes', 'conditional') group by 1, 2, 3
       except select municipality_code, service_type, care_item, yes::bigint, conditional::bigint from analytics_care_total where yes <> 0 or conditional <> 0)) x`),
  );
  expect(diff[0]!.n).toBe(0);
  const negative = rowsOf<{ n: number }>(await d.db.execute(sql`select (select count(*) from analytics_supply_total where services < 0 or capacity < 0) + (select count(*) from analytics_care_total where yes < 0 or conditional < 0) n`));
  expect(Number(negative[0]!.n)).toBe(0);
}

const totals = async (m: string, t: string) => {
  const r = await resolveQuery(d.db, { area: m });
  const s = await loadSupply(d.db, r, 7, true);
  return { services: s.services.find((x) => x.t === t), care: s.care.filter((x) => x.t === t) };
};

describe('supply aggregates', () => {
  it('follow creates, edits, vacancies, moves and deletes through the directory functions', async () => {
    const a = await createFixtureOffice(d.db, actor.userId, {
      name: '集計 訪問看護 A',
      nameKana: 'しゅうけい',
      sector: 'medical',
      municipalityCode: MATSUDO,
      services: [
        { serviceType: 'home_nursing', capacity: 10, capabilities: [{ careItem: 'ventilator', level: 'yes' }, { careItem: 'suction', level: 'conditional' }, { careItem: 'oxygen', level: 'no' }] },
        { serviceType: '24', capacity: 4, capabilities: [{ careItem: 'ventilator', level: 'conditional' }] },
      ],
    });
    const b = await createFixtureOffice(d.db, actor.userId, {
      name: '集計 短期入所 B',
      nameKana: 'しゅうけい',
      sector: 'welfare',
      municipalityCode: NODA,
      services: [{ serviceType: '24', capacity: 6, capabilities: [{ careItem: 'ventilator', level: 'yes' }, { careItem: 'tube_feeding', level: 'yes' }] }],
    });
    await expectSameAsFromScratch();
    expect((await totals(MATSUDO, 'home_nursing')).services).toMatchObject({ services: 1, capacity: 10 });
    expect((await totals(MATSUDO, 'home_nursing')).care).toEqual(expect.arrayContaining([expect.objectContaining({ item: 'ventilator', yes: 1, conditional: 0 }), expect.objectContaining({ item: 'suction', yes: 0, conditional: 1 })]));

    // Edit: capacity, a capability raised, one lowered to no, one back to unknown (row deleted).
    const hn = a.services.find((s) => s.serviceType === 'home_nursing')!.id;
    await updateService({ db: d.db, actor, serviceId: hn, settings, input: { capacity: 12, capabilities: [{ careItem: 'suction', level: 'yes' }, { careItem: 'ventilator', level: 'no' }, { careItem: 'oxygen', level: 'unknown' }] } });
    await setVacancy({ db: d.db, actor, serviceId: hn, settings, input: { count: 2, note: null } });
    await expectSameAsFromScratch();
    const after = await totals(MATSUDO, 'home_nursing');
    expect(after.services).toMatchObject({ services: 1, capacity: 12, vacancyServices: 1, vacancy: 2 });
    expect(after.care.find((c) => c.item === 'ventilator')).toBeUndefined();
    expect(after.care.find((c) => c.item === 'suction')).toMatchObject({ yes: 1, conditional: 0 });

    // The office moves to 柏: its services (search columns) move, with their capabilities.
    await d.db.update(office).set({ municipalityCode: KASHIWA }).where(eq(office.id, a.id));
    await refreshListingSearch(d.db, [a.id]);
    await expectSameAsFromScratch();
    expect((await totals(MATSUDO, '24')).services).toBeUndefined();
    expect((await totals(KASHIWA, '24')).care).toEqual([expect.objectContaining({ item: 'ventilator', yes: 0, conditional: 1 })]);

    // Delete one service (its capabilities go by cascade), then a whole office.
    await deleteService({ db: d.db, actor, serviceId: hn });
    await expectSameAsFromScratch();
    expect((await totals(KASHIWA, 'home_nursing')).services).toBeUndefined();
    expect((await totals(KASHIWA, 'home_nursing')).care).toEqual([]);
    await d.db.delete(office).where(eq(office.id, b.id));
    await expectSameAsFromScratch();
    expect((await totals(NODA, '24')).care).toEqual([]);
  });

  it('follow bulk statements (many rows at once) and a base date before services were created', async () => {
    const o = await createFixtureOffice(d.db, actor.userId, { name: '集計 一括', nameKana: 'いっかつ', sector: 'welfare', municipalityCode: NODA, services: [] });
    await d.db.execute(sql`insert into service (id, office_id, service_type, capacity, municipality_code, sector, created_at)
      select 'aggbulk-' || g, ${o.id}, (array['24','63','65','11','22','21'])[1 + g % 6], g % 9, (array[${MATSUDO}, ${NODA}, ${KASHIWA}])[1 + g % 3], 'welfare',
             case when g % 4 = 0 then now() - interval '3 days' else now() end
      from generate_series(1, 6) g`);
    await d.db.execute(sql`insert into service_care_capability (service_id, care_item, level)
      select s.id, i.code, (array['yes','conditional','no','unknown'])[1 + (length(s.id) + length(i.code)) % 4]
      from service s cross join (values ('ventilator'), ('suction'), ('oxygen'), ('tube_feeding')) i(code) where s.id like 'aggbulk-%'`);
    await expectSameAsFromScratch();
    // Base date 2 days ago: only the services created 3 days ago count (and their capabilities).
    const r = await resolveQuery(d.db, { area: 'all', asOf: addDays(tokyoDate(), -2) });
    expect(sorted(await loadSupply(d.db, r, 7, true))).toEqual(sorted(await loadSupplyFromScratch(d.db, r, 7, true)));
    expect((await loadSupply(d.db, r, 7, true)).services.reduce((s, x) => s + x.services, 0)).toBe(1);

    await d.db.execute(sql`update service set vacancy_count = g.n, vacancy_confirmed_at = now() - make_interval(days => g.n * 3)
      from (select id, row_number() over (order by id)::int n from service where id like 'aggbulk-%') g where g.id = service.id`);
    await expectSameAsFromScratch();
    await d.db.execute(sql`update service set capacity = coalesce(capacity, 0) + 1, service_type = case when service_type = '24' then 'medical_short_stay' else service_type end where id like 'aggbulk-%'`);
    await d.db.execute(sql`update service_care_capability set level = case level when 'yes' then 'conditional' when 'no' then 'yes' else level end where service_id like 'aggbulk-%'`);
    await expectSameAsFromScratch();
    await d.db.execute(sql`delete from service_care_capability where service_id like 'aggbulk-%' and care_item = 'oxygen'`);
    await d.db.delete(service).where(sql`${service.id} like 'aggbulk-%' and ${service.municipalityCode} = ${NODA}`);
    await expectSameAsFromScratch();
  });

  it('are emptied by a truncate of the directory', async () => {
    await d.db.execute(sql`truncate service_care_capability`);
    await expectSameAsFromScratch();
    await d.db.execute(sql`truncate service cascade`);
    await expectSameAsFromScratch();
    const left = rowsOf<{ n: number }>(await d.db.execute(sql`select (select count(*) from analytics_supply_total) + (select count(*) from analytics_care_total) n`));
    expect(Number(left[0]!.n)).toBe(0);
  });
});
