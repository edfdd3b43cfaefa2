import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/Layout';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { EmptyState, ErrorState, Loading } from '@/components/States';
import { useToast } from '@/components/Toasts';
import type { ModelPrice, PricedProvider } from '@/types/api';
import { useModelPrices } from '../api/get-model-prices';
import { useDeleteModelPrice } from '../api/delete-model-price';
import { formatDay, formatPrice } from '../format';
import { PRICED_PROVIDERS } from '../schemas';
import { PriceFormModal, SET_BY_ADMIN } from './PriceFormModal';
import { UnpricedModels } from './UnpricedModels';

type Editing = { price?: ModelPrice; preset?: { provider: PricedProvider; model: string } };

/** The model price table (USD per 1M tokens), which every call's cost and every bill follows. */
export function PricesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const provider = params.get('provider') ?? '';
  const prices = useModelPrices();
  const remove = useDeleteModelPrice();
  const toast = useToast();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<ModelPrice | null>(null);

  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value); else next.delete(key);
    setParams(next, { replace: true });
  };
  const money = (n: number | null) => (n === null ? '—' : formatPrice(n, lang));
  const shown = (prices.data ?? []).filter((p) => (!provider || p.provider === provider)
    && (!q || p.model.toLowerCase().includes(q.trim().toLowerCase())));

  return (
    <section>
      <PageHeader title={t('pricing.title')} subtitle={t('pricing.subtitle')}
        actions={<button type="button" className="button primary" onClick={() => setEditing({})}>{t('pricing.add')}</button>} />
      <UnpricedModels onPrice={(preset) => setEditing({ preset })} />
      <div className="filters">
        <input type="search" aria-label={t('pricing.searchModel')} placeholder={t('pricing.searchModel')} value={q}
          onChange={(e) => setFilter('q', e.target.value)} />
        <select aria-label={t('pricing.provider')} value={provider} onChange={(e) => setFilter('provider', e.target.value)}>
          <option value="">{t('pricing.allProviders')}</option>
          {PRICED_PROVIDERS.map((p) => <option key={p} value={p}>{t(`settings.providers.${p}`)}</option>)}
        </select>
      </div>
      {prices.isPending ? <Loading /> : prices.isError ? <ErrorState error={prices.error} onRetry={() => void prices.refetch()} />
        : prices.data.length === 0 ? <EmptyState>{t('pricing.empty')}</EmptyState>
          : shown.length === 0 ? <EmptyState>{t('pricing.noMatch')}</EmptyState> : (
            <div className="table-wrap">
              <table className="stack" aria-label={t('pricing.title')}>
                <caption className="sr-only">{t('pricing.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('pricing.model')}</th><th scope="col">{t('pricing.input')}</th>
                    <th scope="col">{t('pricing.cachedInput')}</th><th scope="col">{t('pricing.output')}</th>
                    <th scope="col">{t('pricing.cacheWrite')}</th><th scope="col">{t('pricing.source')}</th>
                    <th scope="col">{t('common.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((p) => (
                    <tr key={p.id}>
                      <td data-label={t('pricing.model')}><strong className="price-model">{p.model}</strong>
                        <div className="muted">{t(`settings.providers.${p.provider}`)}</div></td>
                      <td data-label={t('pricing.input')}>{money(p.input_per_mtok)}</td>
                      <td data-label={t('pricing.cachedInput')}>{money(p.cached_input_per_mtok)}</td>
                      <td data-label={t('pricing.output')}>{money(p.output_per_mtok)}</td>
                      <td data-label={t('pricing.cacheWrite')}>{money(p.cache_write_per_mtok)}</td>
                      <td data-label={t('pricing.source')}>
                        <span className="price-source">{p.source === SET_BY_ADMIN ? t('pricing.setByAdmin') : p.source}</span>
                        <div className="muted">{formatDay(p.source_date, lang)}</div>
                      </td>
                      <td data-label={t('common.actions')}><div className="actions">
                        <button type="button" className="button small" aria-label={t('pricing.editOne', { model: p.model })}
                          onClick={() => setEditing({ price: p })}>{t('common.edit')}</button>
                        <button type="button" className="button small danger" aria-label={t('pricing.deleteOne', { model: p.model })}
                          onClick={() => { remove.reset(); setDeleting(p); }}>{t('common.delete')}</button>
                      </div></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
      {editing && <PriceFormModal price={editing.price} preset={editing.preset} onClose={() => setEditing(null)} />}
      {deleting && (
        <ConfirmDialog danger message={t('pricing.confirmDelete', { model: deleting.model, provider: t(`settings.providers.${deleting.provider}`) })}
          confirmLabel={t('common.delete')} busy={remove.isPending} error={remove.error} onCancel={() => setDeleting(null)}
          onConfirm={() => remove.mutate(deleting.id, { onSuccess: () => { setDeleting(null); toast(t('common.deleted')); } })} />
      )}
    </section>
  );
}
