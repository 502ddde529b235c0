import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { UpsertMunicipalitySchema } from '../../../shared/contracts/region.js';
import type { Db } from '../../db/client.js';
import { municipality } from '../../db/schema/index.js';
import { writeAudit, type AuditContext } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';

const PREFECTURE_OF_CODE = (code: string) => code.slice(0, 2);

export async function listMunicipalities(opts: { db: Db }) {
  return opts.db.select().from(municipality).orderBy(asc(municipality.code));
}

export async function upsertMunicipality(opts: { db: Db; audit: AuditContext; input: z.infer<typeof UpsertMunicipalitySchema> }) {
  const { input } = opts;
  const prefectureCode = PREFECTURE_OF_CODE(input.code);
  if (Number(prefectureCode) < 1 || Number(prefectureCode) > 47)
    throw new AppError('VALIDATION_FAILED', '市区町村コードの先頭2桁が都道府県コード（01〜47）ではありません。', {
      fields: [{ field: 'code', label: '市区町村コード', message: '市区町村コード: 先頭2桁は 01〜47 です' }],
    });
  return opts.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(municipality).where(eq(municipality.code, input.code));
    const values = {
      code: input.code,
      name: input.name,
      nameKana: input.nameKana,
      prefectureCode,
      prefectureName: input.prefectureName,
      region: input.region ?? null,
      updatedAt: new Date(),
    };
    const [row] = existing
      ? await tx.update(municipality).set(values).where(eq(municipality.code, input.code)).returning()
      : await tx.insert(municipality).values(values).returning();
    await writeAudit(tx, opts.audit, {
      action: existing ? 'municipality.update' : 'municipality.create',
      entityType: 'municipality',
      entityId: input.code,
      details: { name: input.name },
    });
    return row!;
  });
}
