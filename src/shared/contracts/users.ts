import { z } from 'zod';
import { EmailSchema, PasswordShapeSchema, RoleSchema } from './auth.js';
import { KanaSchema, MunicipalityCodeSchema } from './region.js';

export const AdminUserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    nameKana: z.string().nullable(),
    roles: z.array(RoleSchema),
    municipalityCode: z.string().nullable(),
    offices: z.array(z.object({ id: z.string(), name: z.string() })),
    disabled: z.boolean(),
    twoFactorEnabled: z.boolean(),
    isDemo: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'AdminUser' });

export const CreateUserSchema = z
  .object({
    email: EmailSchema,
    name: z.string().trim().min(1, { error: '入力してください' }).max(100, { error: '100文字以内で入力してください' }).meta({ title: '氏名' }),
    nameKana: KanaSchema.meta({ title: '氏名（よみ）' }).optional(),
    password: PasswordShapeSchema,
    roles: z.array(RoleSchema).min(1, { error: '1つ以上選んでください' }).max(6).meta({ title: '役割' }),
    municipalityCode: MunicipalityCodeSchema.nullable().optional(),
    officeIds: z.array(z.string().max(100)).max(20).optional().meta({ title: '所属事業所' }),
  })
  .meta({ id: 'CreateUser' });

export const UpdateUserSchema = z
  .object({
    name: z.string().trim().min(1, { error: '入力してください' }).max(100).meta({ title: '氏名' }).optional(),
    nameKana: KanaSchema.meta({ title: '氏名（よみ）' }).nullable().optional(),
    roles: z.array(RoleSchema).min(1, { error: '1つ以上選んでください' }).max(6).meta({ title: '役割' }).optional(),
    municipalityCode: MunicipalityCodeSchema.nullable().optional(),
    officeIds: z.array(z.string().max(100)).max(20).optional().meta({ title: '所属事業所' }),
  })
  .meta({ id: 'UpdateUser' });

export const DisableUserSchema = z
  .object({ reason: z.string().trim().max(500, { error: '500文字以内で入力してください' }).optional().meta({ title: '理由' }) })
  .meta({ id: 'DisableUser' });

export const UserListQuerySchema = z.object({
  q: z.string().max(100).optional().meta({ title: '検索語' }),
  role: RoleSchema.optional(),
  disabled: z.enum(['true', 'false']).optional().meta({ title: '無効化' }),
});
