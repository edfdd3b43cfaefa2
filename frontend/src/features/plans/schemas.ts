import { z } from 'zod';
import type { TFunction } from 'i18next';

export const FEATURES = ['chatbot', 'analysis', 'generation', 'advanced'] as const;

export const planSchema = (t: TFunction) =>
  z.object({
    name: z.string().min(1, t('common.required')).regex(/^[a-z0-9][a-z0-9_-]{0,49}$/, t('validation.planName')),
    display_name: z.string().trim().min(1, t('common.required')).max(100),
    monthly_cost: z.coerce.number({ invalid_type_error: t('validation.nonNegative') }).min(0, t('validation.nonNegative')),
    monthly_token_limit: z.coerce.number().int().min(0, t('validation.nonNegative')),
    daily_request_limit: z.coerce.number().int().min(0, t('validation.nonNegative')),
    features: z.array(z.enum(FEATURES)),
    monthly_budget_usd: z.coerce.number({ invalid_type_error: t('validation.nonNegative') }).min(0, t('validation.nonNegative')),
    budget_soft_percent: z.coerce.number().int().min(1, t('validation.percent')).max(100, t('validation.percent')),
    is_active: z.boolean(),
  });

export type PlanForm = z.infer<ReturnType<typeof planSchema>>;
