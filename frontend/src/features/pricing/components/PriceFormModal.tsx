import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Modal } from '@/components/Modal';
import { Field } from '@/components/Field';
import { applyServerErrors } from '@/components/server-errors';
import { useToast } from '@/components/Toasts';
import { ApiError } from '@/lib/api-client';
import type { ModelPrice, PricedProvider } from '@/types/api';
import { useSaveModelPrice } from '../api/save-model-price';
import { PRICED_PROVIDERS, priceSchema, toInput, type PriceForm } from '../schemas';

/** What the server writes as the source of a price the admin gave none for. */
export const SET_BY_ADMIN = 'set by the administrator';

const FIELDS = ['provider', 'model', 'input_per_mtok', 'output_per_mtok', 'cached_input_per_mtok', 'cache_write_per_mtok', 'source'];

/** Adds a price, or edits one; {@code preset} fills the provider and model of an unpriced model. */
export function PriceFormModal({ price, preset, onClose }: {
  price?: ModelPrice;
  preset?: { provider: PricedProvider; model: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveModelPrice();
  const toast = useToast();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState: { errors } } = useForm<PriceForm>({
    resolver: zodResolver(priceSchema(t)),
    defaultValues: price
      ? { provider: price.provider, model: price.model, input_per_mtok: price.input_per_mtok, output_per_mtok: price.output_per_mtok,
          cached_input_per_mtok: price.cached_input_per_mtok ?? undefined, cache_write_per_mtok: price.cache_write_per_mtok ?? undefined,
          // The server's own note for a price without a source is not the admin's text to keep or edit.
          source: price.source === SET_BY_ADMIN ? '' : price.source }
      : { provider: preset?.provider ?? 'openai', model: preset?.model ?? '', source: '' },
  });

  const submit = handleSubmit((values) => {
    setFormError(null);
    save.mutate({ input: toInput(values), id: price?.id }, {
      onSuccess: () => { toast(t('common.saved')); onClose(); },
      onError: (e) => {
        // A second row for the same provider and model: say so on the model, in this screen's words.
        if (e instanceof ApiError && e.code === 'duplicate') {
          setError('model', { type: 'server', message: t('pricing.duplicate') });
          return;
        }
        setFormError(applyServerErrors(e, setError, FIELDS));
      },
    });
  });

  const perMillion = t('pricing.perMillionHint');
  return (
    <Modal
      title={price ? t('pricing.edit') : t('pricing.add')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>{t('common.cancel')}</button>
          <button type="submit" form="price-form" className="button primary" disabled={save.isPending}>{t('common.save')}</button>
        </>
      }
    >
      <form id="price-form" onSubmit={submit} noValidate className="form-grid">
        <Field label={t('pricing.provider')} error={errors.provider?.message}>
          <select {...register('provider')}>
            {PRICED_PROVIDERS.map((p) => <option key={p} value={p}>{t(`settings.providers.${p}`)}</option>)}
          </select>
        </Field>
        <Field label={t('pricing.model')} hint={t('pricing.modelHint')} error={errors.model?.message}>
          <input autoComplete="off" spellCheck={false} {...register('model')} />
        </Field>
        <div className="form-grid two">
          <Field label={t('pricing.input')} hint={perMillion} error={errors.input_per_mtok?.message}>
            <input type="number" inputMode="decimal" step="any" min="0" {...register('input_per_mtok')} />
          </Field>
          <Field label={t('pricing.output')} hint={perMillion} error={errors.output_per_mtok?.message}>
            <input type="number" inputMode="decimal" step="any" min="0" {...register('output_per_mtok')} />
          </Field>
          <Field label={t('pricing.cachedInput')} hint={t('pricing.optionalHint')} error={errors.cached_input_per_mtok?.message}>
            <input type="number" inputMode="decimal" step="any" min="0" {...register('cached_input_per_mtok')} />
          </Field>
          <Field label={t('pricing.cacheWrite')} hint={t('pricing.optionalHint')} error={errors.cache_write_per_mtok?.message}>
            <input type="number" inputMode="decimal" step="any" min="0" {...register('cache_write_per_mtok')} />
          </Field>
        </div>
        <Field label={t('pricing.source')} hint={t('pricing.sourceHint')} error={errors.source?.message}>
          <input {...register('source')} />
        </Field>
        {formError && <p role="alert" className="form-error">{formError}</p>}
      </form>
    </Modal>
  );
}
