import { useTranslation } from 'react-i18next';
import type { PricedProvider } from '@/types/api';
import { useUnpricedModels } from '../api/get-unpriced-models';

/**
 * The models provider settings call that have no price: their calls are recorded without a cost. Nothing is
 * shown while loading, when every model is priced, or if the list cannot be read (the table still works).
 */
export function UnpricedModels({ onPrice }: { onPrice: (preset: { provider: PricedProvider; model: string }) => void }) {
  const { t } = useTranslation();
  const unpriced = useUnpricedModels();
  if (!unpriced.data || unpriced.data.length === 0) return null;
  return (
    <section className="banner banner-warn" aria-labelledby="unpriced-title">
      <h2 id="unpriced-title">{t('pricing.unpriced.title', { count: unpriced.data.length })}</h2>
      <p>{t('pricing.unpriced.explain')}</p>
      <ul className="unpriced-list">
        {unpriced.data.map((m) => (
          <li key={`${m.provider}/${m.model}`}>
            <div>
              <strong className="wrap-anywhere">{m.model}</strong> <span className="muted">{t(`settings.providers.${m.provider}`)}</span>
              <div className="muted">
                {m.settings.map((s) => t(s.is_active ? 'pricing.unpriced.setting' : 'pricing.unpriced.inactiveSetting',
                  { name: s.name, count: s.members })).join(' · ')}
              </div>
            </div>
            <button type="button" className="button small" aria-label={t('pricing.unpriced.addFor', { model: m.model })}
              onClick={() => onPrice({ provider: m.provider, model: m.model })}>{t('pricing.unpriced.add')}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
