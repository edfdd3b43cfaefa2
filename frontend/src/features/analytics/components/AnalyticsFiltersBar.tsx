import { useTranslation } from 'react-i18next';
import { CHANNELS, FEATURES, GRANULARITIES, GROUP_BYS, type AnalyticsFilters } from '../filters';

export interface Option {
  id: number;
  name: string;
}

/** The range, the breakdown and the filters of the view; every change goes to the URL. */
export function AnalyticsFiltersBar({ filters, from, to, models, settings, plans, onChange }: {
  filters: AnalyticsFilters;
  /** The range the report covers (the server's default when the URL has none). */
  from?: string;
  to?: string;
  models: string[];
  settings: Option[];
  plans: Option[];
  onChange: (patch: Partial<AnalyticsFilters>) => void;
}) {
  const { t } = useTranslation();
  const number = (value: string) => (value ? Number(value) : undefined);
  const modelOptions = filters.model && !models.includes(filters.model) ? [filters.model, ...models] : models;
  return (
    <form className="analytics-filters" aria-label={t('analytics.filters')} onSubmit={(e) => e.preventDefault()}>
      <label>
        <span>{t('analytics.from')}</span>
        <input type="date" value={filters.from ?? from ?? ''} max={filters.to ?? to}
          onChange={(e) => onChange({ from: e.target.value || undefined })} />
      </label>
      <label>
        <span>{t('analytics.to')}</span>
        <input type="date" value={filters.to ?? to ?? ''} min={filters.from ?? from}
          onChange={(e) => onChange({ to: e.target.value || undefined })} />
      </label>
      <label>
        <span>{t('analytics.granularity')}</span>
        <select value={filters.granularity} onChange={(e) => onChange({ granularity: e.target.value as AnalyticsFilters['granularity'] })}>
          {GRANULARITIES.map((g) => <option key={g} value={g}>{t(`analytics.granularities.${g}`)}</option>)}
        </select>
      </label>
      <label>
        <span>{t('analytics.groupBy')}</span>
        <select value={filters.groupBy} onChange={(e) => onChange({ groupBy: e.target.value as AnalyticsFilters['groupBy'] })}>
          {GROUP_BYS.map((g) => <option key={g} value={g}>{t(`analytics.dimensions.${g}`)}</option>)}
        </select>
      </label>
      <label>
        <span>{t('analytics.dimensions.model')}</span>
        <select value={filters.model ?? ''} onChange={(e) => onChange({ model: e.target.value || undefined })}>
          <option value="">{t('analytics.all')}</option>
          {modelOptions.map((m) => <option key={m} value={m}>{m}</option>)}
        </select>
      </label>
      <label>
        <span>{t('analytics.dimensions.setting')}</span>
        <select value={filters.settingId ?? ''} onChange={(e) => onChange({ settingId: number(e.target.value) })}>
          <option value="">{t('analytics.all')}</option>
          {settings.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </label>
      <label>
        <span>{t('analytics.dimensions.plan')}</span>
        <select value={filters.planId ?? ''} onChange={(e) => onChange({ planId: number(e.target.value) })}>
          <option value="">{t('analytics.all')}</option>
          {plans.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </label>
      <label>
        <span>{t('analytics.dimensions.feature')}</span>
        <select value={filters.feature ?? ''} onChange={(e) => onChange({ feature: e.target.value || undefined })}>
          <option value="">{t('analytics.all')}</option>
          {FEATURES.map((f) => <option key={f} value={f}>{t(`analytics.features.${f}`)}</option>)}
        </select>
      </label>
      <label>
        <span>{t('analytics.dimensions.channel')}</span>
        <select value={filters.channel ?? ''} onChange={(e) => onChange({ channel: e.target.value || undefined })}>
          <option value="">{t('analytics.all')}</option>
          {CHANNELS.map((c) => <option key={c} value={c}>{t(`analytics.channels.${c}`)}</option>)}
        </select>
      </label>
    </form>
  );
}
