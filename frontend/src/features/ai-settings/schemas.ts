import { z } from 'zod';
import type { TFunction } from 'i18next';
import type { Provider } from '@/types/api';

export const PROVIDERS: Provider[] = ['openai', 'anthropic', 'gemini', 'openai_compatible', 'sandbox'];

export const DEFAULT_BASE_URL: Record<Provider, string | null> = {
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com',
  gemini: 'https://generativelanguage.googleapis.com',
  openai_compatible: null,
  sandbox: null,
};

export const DEFAULT_MODEL: Record<Provider, string> = {
  openai: 'gpt-4.1-mini',
  anthropic: 'claude-sonnet-4-5',
  gemini: 'gemini-2.5-flash',
  openai_compatible: 'llama3.2',
  sandbox: 'sandbox-echo',
};

const KEY_REQUIRED: Provider[] = ['openai', 'anthropic', 'gemini'];

/** The setting form; `hasStoredKey` lets an edit leave the key empty. */
export const settingSchema = (t: TFunction, hasStoredKey: boolean) =>
  z
    .object({
      name: z.string().trim().min(1, t('common.required')).max(100),
      provider: z.enum(['openai', 'anthropic', 'gemini', 'openai_compatible', 'sandbox']),
      base_url: z.string().trim(),
      api_key: z.string(),
      model_name: z.string().trim().min(1, t('common.required')).max(200),
      max_tokens: z.coerce.number().int().min(1, t('validation.positive')),
      temperature: z.coerce.number({ invalid_type_error: t('validation.temperature') }).min(0, t('validation.temperature')).max(2, t('validation.temperature')),
      hourly_limit: z.coerce.number().int().min(0, t('validation.nonNegative')),
      daily_limit: z.coerce.number().int().min(0, t('validation.nonNegative')),
      monthly_limit: z.coerce.number().int().min(0, t('validation.nonNegative')),
      is_active: z.boolean(),
    })
    .superRefine((v, ctx) => {
      if (v.provider === 'openai_compatible' && !v.base_url) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['base_url'], message: t('validation.baseUrlRequired') });
      }
      if (v.base_url && v.provider !== 'sandbox' && !/^https?:\/\/[^\s/]+/.test(v.base_url)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['base_url'], message: t('validation.url') });
      }
      if (KEY_REQUIRED.includes(v.provider) && !v.api_key && !hasStoredKey) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['api_key'], message: t('validation.apiKeyRequired') });
      }
    });

export type SettingForm = z.infer<ReturnType<typeof settingSchema>>;
