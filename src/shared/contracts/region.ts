import { z } from 'zod';
import { katakanaToHiragana } from '../text/normalize.js';

export const SECTOR_CODES = ['medical', 'welfare', 'administration', 'education'] as const;
export const SectorSchema = z.enum(SECTOR_CODES, { error: '医療・福祉・療育・行政・教育のいずれかを選んでください' }).meta({ title: '分野' });

/** Hiragana/katakana reading; spaces allowed. Used for sorting by reading (50音順). */
export const KanaSchema = z
  .string()
  .trim()
  .min(1, { error: '入力してください' })
  .max(200, { error: '200文字以内で入力してください' })
  .regex(/^[\p{Script=Hiragana}\p{Script=Katakana}ー・\s\u3000A-Za-z0-9０-９Ａ-Ｚａ-ｚ]+$/u, { error: 'ひらがな・カタカナで入力してください' })
  // Stored in hiragana so that sorting by reading (50音順) treats カナ and かな alike.
  .transform((v) => katakanaToHiragana(v));

const NameSchema = z.string().trim().min(1, { error: '入力してください' }).max(200, { error: '200文字以内で入力してください' });

export const MunicipalityCodeSchema = z
  .string()
  .regex(/^\d{5}$/, { error: '5桁の数字（全国地方公共団体コード、検査数字なし）で入力してください' })
  .meta({ title: '市区町村コード' });

export const MunicipalitySchema = z
  .object({
    code: z.string(),
    name: z.string(),
    nameKana: z.string(),
    prefectureCode: z.string(),
    prefectureName: z.string(),
    region: z.string().nullable(),
  })
  .meta({ id: 'Municipality' });

export const UpsertMunicipalitySchema = z
  .object({
    code: MunicipalityCodeSchema,
    name: NameSchema.meta({ title: '市区町村名' }),
    nameKana: KanaSchema.meta({ title: '市区町村名（よみ）' }),
    prefectureName: NameSchema.meta({ title: '都道府県名' }),
    region: z.string().trim().max(100).nullable().optional().meta({ title: '圏域' }),
  })
  .meta({ id: 'UpsertMunicipality' });

export const OrganizationSchema = z
  .object({ id: z.string(), name: z.string(), nameKana: z.string(), corporateNumber: z.string().nullable(), officeCount: z.number().int() })
  .meta({ id: 'Organization' });

export const CreateOrganizationSchema = z
  .object({
    name: NameSchema.meta({ title: '法人名' }),
    nameKana: KanaSchema.meta({ title: '法人名（よみ）' }),
    corporateNumber: z
      .string()
      .regex(/^\d{13}$/, { error: '13桁の数字で入力してください' })
      .nullable()
      .optional()
      .meta({ title: '法人番号' }),
  })
  .meta({ id: 'CreateOrganization' });
export const UpdateOrganizationSchema = CreateOrganizationSchema.partial().meta({ id: 'UpdateOrganization' });

export const OfficeSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    nameKana: z.string(),
    sector: SectorSchema,
    municipalityCode: z.string(),
    municipalityName: z.string(),
    organizationId: z.string().nullable(),
    organizationName: z.string().nullable(),
    memberCount: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Office' });

/**
 * An office as network members see it in pickers (GET /api/region/offices): who it is and
 * where — not the administrative fields of `Office` (member count, organisation id, last change).
 */
export const OfficeOptionSchema = OfficeSchema.pick({ id: true, name: true, nameKana: true, sector: true, municipalityCode: true, municipalityName: true, organizationName: true }).meta({
  id: 'OfficeOption',
});

export const CreateOfficeSchema = z
  .object({
    name: NameSchema.meta({ title: '事業所名' }),
    nameKana: KanaSchema.meta({ title: '事業所名（よみ）' }),
    sector: SectorSchema,
    municipalityCode: MunicipalityCodeSchema,
    organizationId: z.string().max(100).nullable().optional().meta({ title: '法人' }),
  })
  .meta({ id: 'CreateOffice' });
export const UpdateOfficeSchema = CreateOfficeSchema.partial().meta({ id: 'UpdateOffice' });

export const OfficeListQuerySchema = z.object({
  q: z.string().max(100).optional().meta({ title: '検索語' }),
  municipality: MunicipalityCodeSchema.optional(),
  sector: SectorSchema.optional(),
});
