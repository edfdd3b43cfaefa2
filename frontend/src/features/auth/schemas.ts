import { z } from 'zod';
import type { TFunction } from 'i18next';

export const passwordChangeSchema = (t: TFunction) =>
  z.object({
    current_password: z.string().min(1, t('common.required')),
    new_password: z.string().min(8, t('validation.password')).max(200),
    confirm_password: z.string(),
  }).refine((v) => v.new_password === v.confirm_password, { path: ['confirm_password'], message: t('account.mismatch') });

export type PasswordChangeForm = z.infer<ReturnType<typeof passwordChangeSchema>>;
