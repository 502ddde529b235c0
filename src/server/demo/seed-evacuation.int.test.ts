import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson, startTestApp, type TestApp, type TestClient } from '../test/harness.js';
import { DEMO_PASSWORD, demoEmail } from './demo-data.js';
import { seedDemo } from './seed-demo.js';

let t: TestApp;
let city: TestClient;
let suzuki: TestClient;
beforeAll(async () => {
  t = await startTestApp({ AUTH_IP_MAX_SIGNIN_PER_MINUTE: '1000' });
  await seedDemo(t.db);
  city = await t.signIn(demoEmail('official.matsudo'), DEMO_PASSWORD);
  suzuki = await t.signIn(demoEmail('consult.suzuki'), DEMO_PASSWORD);
});
afterAll(async () => t?.close());

type Row = { name: string; runtimeHours: number; firstStop: string[]; destination: { kindLabel: string }; supporters: unknown[] };

describe('demo evacuation plans', () => {
  it('has Aちゃん’s plan approved by the 松戸 official, with her devices, portable power and a 福祉避難所', async () => {
    const list = await readJson<{ items: { id: string; name: string }[] }>(await suzuki.get('/api/clients?q=青木'));
    const a = list.items.find((c) => c.name === '青木 あかり')!;
    const plan = await readJson<{ status: string; approvedByName: string; body: { devices: { kind: string }[]; backups: { pureSine: boolean }[]; supporters: unknown[]; destination: { kind: string } }; runtime: { runtimeHours: number; firstStop: { label: string }[] } }>(
      await suzuki.get(`/api/clients/${a.id}/evacuation-plan`),
    );
    expect(plan).toMatchObject({ status: 'approved', approvedByName: '松戸 市子' });
    expect(plan.body.devices.map((d) => d.kind)).toEqual(['ventilator', 'suction', 'feeding_pump', 'pulse_oximeter']);
    expect(plan.body.backups[0]!.pureSine).toBe(true);
    expect(plan.body.supporters.length).toBeGreaterThanOrEqual(2);
    expect(plan.body.destination.kind).toBe('welfare_shelter');
    // 12 h on the ventilator's own batteries, then the portable power station: ≈ 22.6 h
    expect(plan.runtime.runtimeHours).toBeGreaterThan(20);
    expect(plan.runtime.runtimeHours).toBeLessThan(24);
  });

  it('gives the 松戸 official a simulation and a register with varied runtimes and statuses', async () => {
    const r = await readJson<{ rows: Row[]; counts: { affectedWithoutConsent: number } }>(await city.get('/api/evacuation/simulation?outageHours=24'));
    expect(r.rows.map((x) => x.name)).toEqual(['森 ゆうと', '青木 あかり']);
    const reg = await readJson<{ summary: { total: number; approved: number; reviewDue: number; draft: number; none: number }; items: { name: string; status: string }[] }>(await city.get('/api/evacuation/registers'));
    expect(reg.summary).toMatchObject({ approved: 1, reviewDue: 1, draft: 1 });
    expect(reg.items.map((i) => [i.name, i.status])).toEqual([
      ['青木 あかり', 'approved'],
      ['松本 そら', 'review_due'],
      ['森 ゆうと', 'draft'],
    ]);
  });
});
