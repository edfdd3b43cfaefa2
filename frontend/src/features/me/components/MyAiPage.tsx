import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/Layout';
import { Badge } from '@/components/Badge';
import { ProgressBar } from '@/components/ProgressBar';
import { EmptyState, ErrorState, Loading } from '@/components/States';
import { formatNumber } from '@/lib/format';
import { useMyAccess } from '../api/get-my-access';

export function MyAiPage() {
  const { t, i18n } = useTranslation();
  const access = useMyAccess();
  const n = (v: number) => formatNumber(v, i18n.language);
  const of = (used: number, limit: number) => `${n(used)} / ${limit === 0 ? t('common.unlimited') : n(limit)}`;

  return (
    <section>
      <PageHeader title={t('me.title')} subtitle={t('me.subtitle')} />
      {access.isPending ? <Loading /> : access.isError ? <ErrorState error={access.error} onRetry={() => void access.refetch()} /> :
        access.data === null ? <EmptyState>{t('me.noAccess')}</EmptyState> : (
          <div className="cards">
            <div className="card">
              <h2>{t('me.plan')}</h2>
              <p className="big">{access.data.plan.display_name}</p>
              <p><Badge tone={access.data.is_enabled ? 'ok' : 'off'}>{access.data.is_enabled ? t('common.active') : t('me.disabled')}</Badge></p>
              <h3>{t('me.features')}</h3>
              <p>{access.data.plan.features.map((f) => <Badge key={f} tone="info">{t(`plans.feature.${f}`)}</Badge>)}</p>
              <h3>{t('me.provider')}</h3>
              <p>{access.data.ai_settings ? `${access.data.ai_settings.name} – ${access.data.ai_settings.model_name}` : t('users.noProvider')}</p>
            </div>
            <div className="card">
              <h2>{t('me.monthTokens')}</h2>
              <p className="big">{of(access.data.tokens_used_month, access.data.plan.monthly_token_limit)}</p>
              <ProgressBar value={access.data.tokens_used_month} max={access.data.plan.monthly_token_limit} label={t('me.monthTokens')} />
              <h2>{t('me.todayRequests')}</h2>
              <p className="big">{of(access.data.requests_today, access.data.plan.daily_request_limit)}</p>
              <ProgressBar value={access.data.requests_today} max={access.data.plan.daily_request_limit} label={t('me.todayRequests')} />
            </div>
          </div>
        )}
    </section>
  );
}
