// Shared contracts for accounts and roles: the server validates with them, the web app types
// its forms with them. Labels (`meta.title`) name fields in Japanese error messages.
import { z } from 'zod';

export const ROLES = ['admin', 'official', 'coordinator', 'consultant', 'provider_staff', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES).meta({ title: '役割' });

export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理者',
  official: '行政職員',
  coordinator: '医療的ケア児等コーディネーター',
  consultant: '相談支援専門員',
  provider_staff: '事業所職員',
  viewer: '閲覧者',
};

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: 'メールアドレスの形式が正しくありません' }))
  .meta({ title: 'メールアドレス' });

/** Length rules only; the server adds the common-password check (features/auth/password-policy.ts). */
export const PasswordShapeSchema = z
  .string()
  .min(8, { error: '8文字以上で入力してください' })
  .max(128, { error: '128文字以内で入力してください' })
  .meta({ title: 'パスワード' });

export const MeSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    nameKana: z.string().nullable(),
    roles: z.array(RoleSchema),
    municipalityCode: z.string().nullable(),
    locale: z.enum(['ja', 'en']),
    twoFactorEnabled: z.boolean(),
    /** True when this account must enrol two-factor before it can use the API. */
    twoFactorRequired: z.boolean(),
    isDemo: z.boolean(),
    offices: z.array(z.object({ id: z.string(), name: z.string() })),
    permissions: z.array(z.string()),
    demoMode: z.boolean(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof MeSchema>;

export const UpdateMeSchema = z
  .object({
    name: z.string().trim().min(1, { error: '入力してください' }).max(100).meta({ title: '氏名' }).optional(),
    locale: z.enum(['ja', 'en']).meta({ title: '表示言語' }).optional(),
  })
  .meta({ id: 'UpdateMe' });

export const ApiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });

export const CreateApiTokenSchema = z
  .object({
    name: z.string().trim().min(1, { error: '入力してください' }).max(100, { error: '100文字以内で入力してください' }).meta({ title: 'トークン名' }),
    expiresInDays: z.number().int().min(1).max(3650).meta({ title: '有効日数' }).optional(),
  })
  .meta({ id: 'CreateApiToken' });
