// Typed factories for directory integration tests (STYLE.md habit 7): offices with services
// built through the real service functions, so search columns are computed as in production.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateServiceSchema } from '../../../shared/contracts/directory.js';
import type { Db } from '../../db/client.js';
import { office, service } from '../../db/schema/index.js';
import { createOffice } from '../admin/offices.js';
import { createService } from './edit-listing.js';
import { refreshListingSearch } from './listing-search.js';
import { DEFAULT_DIRECTORY_SETTINGS } from './listing-view.js';

export interface FixtureOffice {
  name: string;
  nameKana: string;
  sector: 'medical' | 'welfare' | 'administration' | 'education';
  municipalityCode: string;
  lat?: number;
  lon?: number;
  address?: string;
  organizationId?: string | null;
  services: z.input<typeof CreateServiceSchema>[];
}

export async function createFixtureOffice(db: Db, actorUserId: string, f: FixtureOffice) {
  const actor = { userId: actorUserId, name: 'テスト作成者', roles: ['admin' as const], officeIds: [], audit: { label: 'test:fixture' } };
  const o = await createOffice({
    db,
    audit: actor.audit,
    input: { name: f.name, nameKana: f.nameKana, sector: f.sector, municipalityCode: f.municipalityCode, organizationId: f.organizationId ?? null },
  });
  await db.update(office).set({ lat: f.lat ?? null, lon: f.lon ?? null, address: f.address ?? null }).where(eq(office.id, o.id));
  const services: { id: string; serviceType: string }[] = [];
  for (const s of f.services) {
    const created = await createService({ db, actor, officeId: o.id, input: s as z.infer<typeof CreateServiceSchema>, settings: DEFAULT_DIRECTORY_SETTINGS });
    services.push({ id: created.id, serviceType: created.serviceType });
  }
  // createService computed the search columns before lat/lon were set: recompute.
  await refreshListingSearch(db, [o.id]);
  return { id: o.id, name: o.name, services };
}

/** Moves a service's confirmation times into the past (stale listings, old vacancies). */
export async function ageService(db: Db, serviceId: string, days: { listing?: number; vacancy?: number }) {
  const ago = (d: number) => new Date(Date.now() - d * 86_400_000);
  await db
    .update(service)
    .set({
      ...(days.listing !== undefined ? { listingConfirmedAt: ago(days.listing) } : {}),
      ...(days.vacancy !== undefined ? { vacancyConfirmedAt: ago(days.vacancy) } : {}),
    })
    .where(eq(service.id, serviceId));
}
