import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/Badge';
import { EmptyState, ErrorState, Loading } from '@/components/States';
import { UsageWindows } from '@/components/UsageWindows';
import { useMyUsage } from '../api/get-my-usage';
import { BudgetWindow } from './BudgetWindow';

/** The member's plan, provider and what is left; refreshed after every answer. */
export function MyUsageCard() {
  const { t } = useTranslation();
  const usage = useMyUsage();
  if (usage.isPending) return <Loading />;
  if (usage.isError) return <ErrorState error={usage.error} onRetry={() => void usage.refetch()} />;
  if (usage.data === null) return <EmptyState>{t('me.noAccess')}</EmptyState>;
  const u = usage.data;
  return (
    <aside className="card usage-card" aria-label={t('me.subtitle')}>
      <h2>{t('me.plan')}</h2>
      <p className="big">{u.plan_display_name}</p>
      <p>
        <Badge tone={u.is_enabled ? 'ok' : 'off'}>{u.is_enabled ? t('common.active') : t('me.disabled')}</Badge>
        {u.features.map((f) => <Badge key={f} tone="info">{t(`plans.feature.${f}`)}</Badge>)}
      </p>
      <h3>{t('me.provider')}</h3>
      <p>{u.provider_name ? `${u.provider_name} – ${u.model_name}` : t('users.noProvider')}</p>
      <UsageWindows windows={u.windows} />
      <BudgetWindow />
    </aside>
  );
}
