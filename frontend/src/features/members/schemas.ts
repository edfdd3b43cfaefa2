import { z } from 'zod';
import type { TFunction } from 'i18next';

export const memberSchema = (t: TFunction, creating: boolean) =>
  z.object({
    username: creating ? z.string().regex(/^[A-Za-z0-9._-]{3,50}$/, t('validation.username')) : z.string().optional(),
    email: z.string().email(t('validation.email')),
    password: creating
      ? z.string().min(8, t('validation.password'))
      : z.string().refine((v) => v === '' || v.length >= 8, t('validation.password')).optional(),
    role: z.enum(['superadmin', 'researcher']),
    first_name: z.string().max(100),
    last_name: z.string().max(100),
    is_active: z.boolean(),
  });

export type MemberForm = z.infer<ReturnType<typeof memberSchema>>;
