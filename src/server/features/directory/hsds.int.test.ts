import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { createFixtureOffice } from './directory-fixtures.js';
import { CARE_TAXONOMY, careTerm } from './hsds.js';

const SCHEMA_DIR = path.resolve(process.cwd(), '../shared/reference/hsds/schema');
const BASE = 'https://hsds.example/schema/';
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;

/** Like HSDS's own CI: unknown properties are errors, so a misspelt field cannot pass. */
function closeObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closeObjects);
  if (node && typeof node === 'object') {
    const o = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, closeObjects(v)]));
    if ('properties' in o && !('additionalProperties' in o)) o.additionalProperties = false;
    return o;
  }
  return node;
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
for (const f of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.json') && f !== 'openapi.json'))
  ajv.addSchema(closeObjects(JSON.parse(readFileSync(path.join(SCHEMA_DIR, f), 'utf8'))) as object, BASE + f);
const validator = (name: string) => ajv.getSchema(BASE + name) as ValidateFunction;

function expectValid(name: string, doc: unknown) {
  const v = validator(name);
  const ok = v(doc);
  expect(ok, `${name}: ${JSON.stringify(v.errors?.slice(0, 5))}`).toBe(true);
}

interface Page { total_items: number; total_pages: number; page_number: number; size: number; first_page: boolean; last_page: boolean; empty: boolean; contents: Record<string, unknown>[] }

let t: TestApp;
let client: TestClient;
let withOrg: { id: string; services: { id: string }[] };
let standalone: { id: string; services: { id: string }[] };

beforeAll(async () => {
  t = await startTestApp();
  const creator = await t.createUser({ roles: ['admin'] });
  const admin = (await t.signedIn(['admin'])).client;
  const org = (await (await admin.post('/api/admin/organizations', { name: '社会福祉法人テスト会', nameKana: 'しゃかいふくしほうじんてすとかい', corporateNumber: '1234567890123' })).json()) as { id: string };
  withOrg = await createFixtureOffice(t.db, creator.id, {
    name: 'テスト短期入所',
    nameKana: 'てすとたんきにゅうしょ',
    sector: 'welfare',
    municipalityCode: '12207',
    lat: 35.79,
    lon: 139.9,
    address: '松戸1-1',
    organizationId: org.id,
    services: [
      {
        serviceType: '24',
        capacity: 6,
        vacancyCount: 2,
        ageMin: 0,
        ageMax: 18,
        openSaturday: true,
        openHoliday: true,
        hours: { weekday: '9:00～18:00', saturday: '9:00～17:00', holiday: '10:00～16:00' },
        areasServed: ['12207', '12220'],
        capabilities: [
          { careItem: 'ventilator', level: 'conditional', note: '要事前面談' },
          { careItem: 'suction', level: 'yes' },
          { careItem: 'dialysis', level: 'no' },
        ],
      },
      { serviceType: '65' },
    ],
  });
  standalone = await createFixtureOffice(t.db, creator.id, {
    name: '柏市 障害福祉課',
    nameKana: 'かしわししょうがいふくしか',
    sector: 'administration',
    municipalityCode: '12217',
    services: [{ serviceType: 'admin_desk' }],
  });
  client = (await t.signedIn(['viewer'])).client;
});
afterAll(async () => t?.close());

async function get<T>(p: string): Promise<T> {
  const res = await client.get(`/api/hsds${p}`);
  expect(res.status, `${p}: ${await res.clone().text()}`).toBe(200);
  return (await res.json()) as T;
}

function expectPage(p: Page, total: number) {
  expect(p).toMatchObject({ total_items: total, page_number: 1, first_page: true, empty: total === 0 });
  expect(p.size).toBe(p.contents.length);
}

describe('HSDS 3.1 export', () => {
  it('lists services valid against service.json, with care capabilities as attributes', async () => {
    const page = await get<Page>('/services');
    expectPage(page, 3);
    for (const s of page.contents) expectValid('service.json', s);
    const shortStay = page.contents.find((s) => s.id === withOrg.services[0]!.id) as { attributes: { value: string; label?: string; taxonomy_term: { code: string; taxonomy: string } }[]; capacities: { available: number; maximum: number }[]; service_areas: { name: string }[] };
    const care = shortStay.attributes.filter((a) => a.taxonomy_term.taxonomy === CARE_TAXONOMY);
    expect(care.map((a) => [a.taxonomy_term.code, a.value, a.label ?? null])).toEqual([
      ['ventilator', 'conditional', '要事前面談'],
      ['suction', 'yes', null],
      ['dialysis', 'no', null],
    ]);
    expect(shortStay.capacities[0]).toMatchObject({ available: 2, maximum: 6 });
    expect(shortStay.service_areas.map((a) => a.name)).toEqual(['松戸市', '流山市']);
  });

  it('returns a fully nested service valid against service.json', async () => {
    const s = await get<Record<string, unknown>>(`/services/${withOrg.services[0]!.id}`);
    expectValid('service.json', s);
    expect(s).toMatchObject({ organization: { name: '社会福祉法人テスト会' }, service_at_locations: [{ location: { latitude: 35.79, addresses: [{ city: '松戸市', country: 'JP' }] } }] });
    // The validator is real: a wrong type fails.
    expect(validator('service.json')({ ...s, id: 123 })).toBe(false);
  });

  it('lists and returns organizations, including an office without a 法人', async () => {
    const page = await get<Page>('/organizations');
    expectPage(page, 2);
    for (const o of page.contents) expectValid('organization.json', o);
    for (const o of page.contents) expectValid('organization.json', await get(`/organizations/${o.id as string}`));
    const alone = page.contents.find((o) => o.name === '柏市 障害福祉課')!;
    const services = await get<Page>(`/services?organization_id=${alone.id as string}`);
    expect(services.contents.map((s) => s.id)).toEqual([standalone.services[0]!.id]);
  });

  it('lists and returns service_at_locations', async () => {
    const page = await get<Page>('/service_at_locations?full=true');
    expectPage(page, 3);
    for (const sal of page.contents) expectValid('service_at_location.json', sal);
    const one = await get<Record<string, unknown>>(`/service_at_locations/${page.contents[0]!.id as string}`);
    expectValid('service_at_location.json', one);
  });

  it('publishes our taxonomies and filters services by a care term', async () => {
    const tax = await get<Page>('/taxonomies');
    for (const x of tax.contents) expectValid('taxonomy.json', x);
    const terms = await get<Page>('/taxonomy_terms');
    expect(terms.total_items).toBeGreaterThan(19);
    for (const x of terms.contents) expectValid('taxonomy_term.json', x);
    const byTerm = await get<Page>(`/services?taxonomy_term_id=${careTerm('ventilator').id}`);
    expect(byTerm.contents.map((s) => s.id)).toEqual([withOrg.services[0]!.id]);
  });

  it('pages with page and per_page', async () => {
    const p1 = await get<Page>('/services?per_page=2&page=1');
    const p2 = await get<Page>('/services?per_page=2&page=2');
    expect(p1).toMatchObject({ total_pages: 2, size: 2, last_page: false });
    expect(p2).toMatchObject({ page_number: 2, size: 1, last_page: true, first_page: false });
    expect(new Set([...p1.contents, ...p2.contents].map((s) => s.id)).size).toBe(3);
  });

  it('answers 404 for unknown ids and needs authentication', async () => {
    expect((await client.get('/api/hsds/services/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await t.client().get('/api/hsds/services')).status).toBe(401);
  });
});
