import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent } from '../../db/schema/index.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { ageService, createFixtureOffice } from './directory-fixtures.js';

let t: TestApp;
let own: { id: string; services: { id: string }[] };
let other: { id: string; services: { id: string }[] };

beforeAll(async () => {
  t = await startTestApp();
  const creator = await t.createUser({ roles: ['admin'] });
  own = await createFixtureOffice(t.db, creator.id, {
    name: 'つばさ短期入所',
    nameKana: 'つばさたんきにゅうしょ',
    sector: 'welfare',
    municipalityCode: '12217',
    services: [{ serviceType: '24', capacity: 4, vacancyCount: 1 }],
  });
  other = await createFixtureOffice(t.db, creator.id, {
    name: 'よその訪問看護',
    nameKana: 'よそのほうもんかんご',
    sector: 'medical',
    municipalityCode: '12207',
    services: [{ serviceType: 'home_nursing' }],
  });
});
afterAll(async () => t?.close());

describe('provider staff keep their own listing current', () => {
  it('edits capacity, capabilities and vacancy of their office, with history', async () => {
    const { client, user } = await t.signedIn(['provider_staff'], { officeIds: [own.id] });
    const sid = own.services[0]!.id;
    const res = await client.patch(`/api/services/${sid}`, {
      capacity: 6,
      openSaturday: true,
      capabilities: [
        { careItem: 'ventilator', level: 'conditional', note: '日中のみ' },
        { careItem: 'suction', level: 'yes' },
      ],
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const s = (await res.json()) as { capacity: number; careHandled: string[]; openSaturday: boolean };
    expect(s).toMatchObject({ capacity: 6, openSaturday: true, careHandled: ['ventilator', 'suction'] });

    const v = await client.put(`/api/services/${sid}/vacancy`, { count: 3, note: '土曜のみ' });
    expect(v.status).toBe(200);
    expect(((await v.json()) as { vacancy: { count: number; confirmedByName: string; isFresh: boolean } }).vacancy).toMatchObject({ count: 3, isFresh: true });

    // The search sees the new capabilities and vacancy at once.
    const found = (await (await client.get('/api/offices?care=ventilator&vacancy=true&open=sat')).json()) as { total: number };
    expect(found.total).toBe(1);

    const hist = (await (await client.get(`/api/offices/${own.id}/history`)).json()) as { items: { action: string; actorName: string; changes: Record<string, { from: unknown; to: unknown }> }[] };
    expect(hist.items.map((h) => h.action)).toEqual(['vacancy.update', 'service.update', 'service.create']);
    expect(hist.items[1]!.changes).toMatchObject({ capacity: { from: 4, to: 6 }, 'care.ventilator': { from: { level: 'unknown' }, to: { level: 'conditional', note: '日中のみ' } } });
    expect(hist.items[0]!.actorName).toBeTruthy();

    const [row] = await t.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'directory.vacancy.update'), eq(auditEvent.actorUserId, user.id)));
    expect(row).toBeDefined();
  });

  it('confirms "vacancy unchanged" in one click and clears the stale flag', async () => {
    const { client } = await t.signedIn(['provider_staff'], { officeIds: [own.id] });
    const sid = own.services[0]!.id;
    await ageService(t.db, sid, { listing: 45, vacancy: 30 });
    const mine = (await (await client.get('/api/directory/my-listings')).json()) as { staleServiceCount: number; offices: { id: string; services: { stale: boolean }[] }[] };
    expect(mine.staleServiceCount).toBe(1);
    expect(mine.offices.map((o) => o.id)).toEqual([own.id]);

    const res = await client.post(`/api/services/${sid}/confirm`);
    expect(res.status).toBe(200);
    const s = (await res.json()) as { stale: boolean; vacancy: { isFresh: boolean; ageDays: number } };
    expect(s).toMatchObject({ stale: false, vacancy: { isFresh: true, ageDays: 0 } });
    const after = (await (await client.get('/api/directory/my-listings')).json()) as { staleServiceCount: number };
    expect(after.staleServiceCount).toBe(0);
  });

  it('adds and removes a service of their office', async () => {
    const { client } = await t.signedIn(['provider_staff'], { officeIds: [own.id] });
    const res = await client.post(`/api/offices/${own.id}/services`, { serviceType: 'day_care_city', ageMin: 6, ageMax: 18 });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect((await client.post(`/api/offices/${own.id}/services`, { serviceType: 'day_care_city' })).status).toBe(409);
    expect((await client.post(`/api/offices/${own.id}/services`, { serviceType: '65', ageMin: 10, ageMax: 5 })).status).toBe(400);
    expect((await client.delete(`/api/services/${id}`)).status).toBe(204);
  });

  it('refuses to edit another office (403) and logs the attempt', async () => {
    const { client, user } = await t.signedIn(['provider_staff'], { officeIds: [own.id] });
    const sid = other.services[0]!.id;
    const attempts = [
      await client.patch(`/api/services/${sid}`, { capacity: 99 }),
      await client.put(`/api/services/${sid}/vacancy`, { count: 5 }),
      await client.post(`/api/services/${sid}/confirm`),
      await client.post(`/api/offices/${other.id}/services`, { serviceType: '24' }),
      await client.patch(`/api/offices/${other.id}/profile`, { phone: '000' }),
      await client.delete(`/api/services/${sid}`),
    ];
    expect(attempts.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403]);
    const denied = await t.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'access.denied'), eq(auditEvent.actorUserId, user.id)));
    expect(denied).toHaveLength(6);
    expect(denied[0]!.outcome).toBe('denied');
    const detail = (await (await client.get(`/api/offices/${other.id}`)).json()) as { canEdit: boolean; services: { capacity: number | null }[] };
    expect(detail).toMatchObject({ canEdit: false, services: [{ capacity: null }] });
  });

  it('lets coordinators edit any office and keeps consultants read-only', async () => {
    const coord = (await t.signedIn(['coordinator'])).client;
    const res = await coord.patch(`/api/offices/${other.id}/profile`, { phone: '047-000-0000', lat: 35.79, lon: 139.9 });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { phone: string; canEdit: boolean }).canEdit).toBe(true);
    const near = (await (await coord.get('/api/offices?near=35.79,139.9&radius_km=1')).json()) as { total: number };
    expect(near.total).toBe(1);

    const consultant = (await t.signedIn(['consultant'])).client;
    expect((await consultant.get('/api/offices')).status).toBe(200);
    expect((await consultant.patch(`/api/services/${other.services[0]!.id}`, { capacity: 1 })).status).toBe(403);
  });
});
