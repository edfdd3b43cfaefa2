import { z } from 'zod';
import type { TFunction } from 'i18next';
import type { ModelPriceInput, PricedProvider } from '@/types/api';

export const PRICED_PROVIDERS: readonly PricedProvider[] = ['openai', 'anthropic', 'gemini', 'openai_compatible'];

/** The server's rules (ModelPriceViews): a model id, and prices that fit NUMERIC(12, 6) under a sanity cap. */
export const MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._:/@+-]*$/;
export const MAX_PRICE = 100000;
export const MAX_DECIMALS = 6;

function decimals(value: number) {
  const [mantissa = '', exponent] = String(value).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent ?? 0));
}

/** A price: a number within the server's bounds. */
const amount = (t: TFunction) =>
  z.number({ invalid_type_error: t('pricing.validation.number'), required_error: t('common.required') })
    .min(0, t('validation.nonNegative'))
    .max(MAX_PRICE, t('violations.too_large', { max: MAX_PRICE.toLocaleString() }))
    .refine((n) => decimals(n) <= MAX_DECIMALS, t('violations.too_many_decimals', { max: MAX_DECIMALS }));

/** An empty field is a price not given; anything else is read as a number. */
const blankIsMissing = (v: unknown) => {
  if (typeof v === 'string') return v.trim() === '' ? undefined : Number(v.trim());
  return v ?? undefined;
};

const requiredPrice = (t: TFunction) => z.preprocess(blankIsMissing, amount(t));
const optionalPrice = (t: TFunction) => z.preprocess(blankIsMissing, amount(t).optional());

export const priceSchema = (t: TFunction) =>
  z.object({
    provider: z.enum(PRICED_PROVIDERS as [PricedProvider, ...PricedProvider[]]),
    model: z.string().trim().min(1, t('common.required')).max(200, t('violations.too_long', { max: 200 }))
      .regex(MODEL_ID, t('pricing.validation.model')),
    input_per_mtok: requiredPrice(t),
    output_per_mtok: requiredPrice(t),
    cached_input_per_mtok: optionalPrice(t),
    cache_write_per_mtok: optionalPrice(t),
    source: z.string().trim().max(300, t('violations.too_long', { max: 300 })),
  });

export type PriceForm = z.infer<ReturnType<typeof priceSchema>>;

/** What the form sends: optional prices and an empty source left out (the server then says who set it). */
export function toInput(v: PriceForm): ModelPriceInput {
  const input: ModelPriceInput = { provider: v.provider, model: v.model, input_per_mtok: v.input_per_mtok, output_per_mtok: v.output_per_mtok };
  if (v.cached_input_per_mtok !== undefined) input.cached_input_per_mtok = v.cached_input_per_mtok;
  if (v.cache_write_per_mtok !== undefined) input.cache_write_per_mtok = v.cache_write_per_mtok;
  if (v.source) input.source = v.source;
  return input;
}
