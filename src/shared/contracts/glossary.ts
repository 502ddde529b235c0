import { z } from 'zod';
import { KanaSchema } from './region.js';

export const GLOSSARY_CATEGORIES = ['basics', 'care', 'device', 'system', 'service', 'disaster'] as const;
export const GlossaryCategorySchema = z.enum(GLOSSARY_CATEGORIES).meta({ title: '分類' });

export const GlossaryTermSchema = z
  .object({
    id: z.string(),
    term: z.string(),
    reading: z.string(),
    aliases: z.array(z.string()),
    category: GlossaryCategorySchema,
    categoryLabel: z.string(),
    explanation: z.string(),
    relatedTerms: z.array(z.object({ id: z.string().nullable(), term: z.string() })),
    relatedServiceTypes: z.array(z.object({ code: z.string(), label: z.string() })),
    relatedCareItems: z.array(z.object({ code: z.string(), label: z.string() })),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'GlossaryTerm' });

const words = (title: string) => z.array(z.string().trim().min(1).max(100)).max(30).meta({ title });

export const CreateGlossaryTermSchema = z
  .object({
    term: z.string().trim().min(1, { error: '入力してください' }).max(100).meta({ title: '用語' }),
    reading: KanaSchema.meta({ title: 'よみ' }),
    aliases: words('別の書き方・略語').optional(),
    category: GlossaryCategorySchema,
    explanation: z.string().trim().min(1, { error: '入力してください' }).max(5000).meta({ title: '説明' }),
    relatedTerms: words('関連する用語').optional(),
    relatedServiceTypes: z.array(z.string().max(50)).max(30).optional().meta({ title: '関連するサービス' }),
    relatedCareItems: z.array(z.string().max(50)).max(30).optional().meta({ title: '関連する医療的ケア' }),
  })
  .meta({ id: 'CreateGlossaryTerm' });

export const UpdateGlossaryTermSchema = CreateGlossaryTermSchema.partial()
  .extend({
    /** Optimistic lock: the version the editor started from. */
    expectedVersion: z.number().int().min(1).meta({ title: '編集前の版' }),
    note: z.string().trim().max(500).optional().meta({ title: '変更の理由' }),
  })
  .meta({ id: 'UpdateGlossaryTerm' });

export const GlossaryRevisionSchema = z
  .object({ id: z.string(), version: z.number().int(), note: z.string(), editedBy: z.string().nullable(), editedByName: z.string().nullable(), editedAt: z.string(), snapshot: z.record(z.string(), z.unknown()) })
  .meta({ id: 'GlossaryRevision' });

export const GlossaryListQuerySchema = z.object({
  q: z.string().max(100).optional().meta({ title: '検索語' }),
  category: GlossaryCategorySchema.optional(),
});

/** Text cut into plain parts and parts that name a glossary term. */
export const LinkedTextSchema = z
  .array(z.object({ text: z.string(), termId: z.string().optional(), term: z.string().optional() }))
  .meta({ id: 'LinkedText', description: '用語集へのリンクつきテキスト。termId のある部分が用語。HTML ではなく文字列として表示すること。' });

export const LinkTextRequestSchema = z.object({ text: z.string().max(20_000).meta({ title: 'テキスト' }) }).meta({ id: 'LinkTextRequest' });
