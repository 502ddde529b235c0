import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../test/harness.js';
import { DEMO_PASSWORD, demoEmail } from './demo-data.js';
import { seedDemo } from './seed-demo.js';
import { demoTrainingIds } from './seed-network.js';

let t: TestApp;
let coord: TestClient;
beforeAll(async () => {
  t = await startTestApp({ AUTH_IP_MAX_SIGNIN_PER_MINUTE: '1000' });
  await seedDemo(t.db);
  coord = await t.signIn(demoEmail('coord.sato'), DEMO_PASSWORD);
});
afterAll(async () => t?.close());

describe('demo history of the network (the seed report)', () => {
  it('has the year of meetings, two trainings with 23 and 33 participants, and the council', async () => {
    const list = (await (await coord.get('/api/events?from=2025-01-01&to=2026-03-31&limit=50')).json()) as { items: { kind: string; title: string }[] };
    expect(list.items.filter((e) => e.kind === 'coordinator_meeting')).toHaveLength(8);
    expect(list.items.filter((e) => e.kind === 'training')).toHaveLength(2);
    expect(list.items.filter((e) => e.kind === 'council')).toHaveLength(1);
    const ids = await demoTrainingIds(t.db);
    const s1 = (await (await coord.get(`/api/events/${ids['第一回 医療的ケア児者支援研修会']}/stats`)).json()) as { participants: number; byMunicipality: { municipalityName: string }[] };
    const s2 = (await (await coord.get(`/api/events/${ids['第二回 医療的ケア児者支援研修会']}/stats`)).json()) as { participants: number; byMunicipality: { municipalityName: string }[] };
    expect(s1.participants).toBe(23);
    expect(s1.byMunicipality.map((m) => m.municipalityName)).toEqual(['松戸市', '柏市', '流山市', '千葉市']);
    expect(s2.participants).toBe(33);
    expect(s2.byMunicipality.map((m) => m.municipalityName)).toEqual(['松戸市', '野田市', '柏市', '流山市', '我孫子市']);
  });

  it('has the surveys with 6 and 20 responses and the acceptance answers 3 / 2 / 1', async () => {
    const surveys = (await (await coord.get('/api/surveys')).json()) as { items: { id: string; title: string; responseCount: number }[] };
    const first = surveys.items.find((s) => s.title.startsWith('第一回'))!;
    const second = surveys.items.find((s) => s.title.startsWith('第二回'))!;
    expect([first.responseCount, second.responseCount]).toEqual([6, 20]);
    const r1 = (await (await coord.get(`/api/surveys/${first.id}/results`)).json()) as { questions: { type: string; options: { count: number }[]; texts: unknown[] }[] };
    expect(r1.questions[2]!.options.map((o) => o.count)).toEqual([3, 2, 1]);
    expect(r1.questions[1]!.texts).toHaveLength(6);
    const indicators = (await (await coord.get('/api/indicators')).json()) as { items: { id: string; key: string }[] };
    const accept = indicators.items.find((i) => i.key === 'acceptance')!;
    const trend = (await (await coord.get(`/api/indicators/${accept.id}/trend`)).json()) as { points: { responses: number; distribution: { count: number }[] }[] };
    expect(trend.points.map((p) => p.responses)).toEqual([6, 20]);
    expect(trend.points[0]!.distribution.map((d) => d.count)).toEqual([3, 2, 0, 1]);
  });

  it('has a knowledge base of resolved questions', async () => {
    const kb = (await (await coord.get('/api/knowledge-base')).json()) as { total: number };
    expect(kb.total).toBe(3);
  });
});
