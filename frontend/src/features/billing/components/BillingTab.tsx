import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/Badge';
import { EmptyState, ErrorState, Loading } from '@/components/States';
import { formatNumber, formatUsd, monthOf } from '@/lib/format';
import { usePlatformTimeZone } from '@/lib/time-zone';
import { useBilling } from '../api/get-billing';
import { MonthPicker } from './MonthPicker';

/** The month's plan fees per member against what their AI use cost the platform. */
export function BillingTab() {
  const zone = usePlatformTimeZone();
  return zone ? <MonthlyBilling thisMonth={monthOf(new Date(), zone)} /> : <Loading />;
}

function MonthlyBilling({ thisMonth }: { thisMonth: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [month, setMonth] = useState(thisMonth);
  const billing = useBilling(month);
  return (
    <div>
      <div className="tab-actions">
        <h2>{t('billing.title')}</h2>
        <MonthPicker label={t('billing.month')} value={month} latest={thisMonth} onChange={setMonth} />
      </div>
      {billing.isPending ? <Loading /> : billing.isError ? <ErrorState error={billing.error} onRetry={() => void billing.refetch()} /> : (
        <>
          <dl className="kpis">
            <div className="card"><dt>{t('billing.fees')}</dt><dd>{formatUsd(billing.data.total_plan_fees, lang)}</dd></div>
            <div className="card"><dt>{t('billing.aiCost')}</dt><dd>{formatUsd(billing.data.total_ai_cost, lang)}</dd></div>
            <div className="card"><dt>{t('billing.margin')}</dt><dd>{formatUsd(billing.data.margin, lang)}</dd></div>
          </dl>
          {billing.data.members.length === 0 ? <EmptyState>{t('billing.empty')}</EmptyState> : (
            <div className="table-wrap">
              <table className="stack" aria-label={t('billing.perMember')}>
                <thead><tr><th scope="col">{t('usage.member')}</th><th scope="col">{t('users.plan')}</th><th scope="col">{t('billing.fee')}</th>
                  <th scope="col">{t('billing.aiCost')}</th><th scope="col">{t('usage.tokens')}</th><th scope="col">{t('usage.requests')}</th></tr></thead>
                <tbody>
                  {billing.data.members.map((b) => (
                    <tr key={b.member_id}>
                      <td data-label={t('usage.member')}><strong>{b.username}</strong><div className="muted">{b.email}</div></td>
                      <td data-label={t('users.plan')}>{b.plan_display_name ? <Badge tone="info">{b.plan_display_name}</Badge> : <span className="muted">—</span>}</td>
                      <td data-label={t('billing.fee')}>{formatUsd(b.plan_fee, lang)}</td>
                      <td data-label={t('billing.aiCost')}>{formatUsd(b.ai_cost, lang)}{b.unpriced_calls > 0 && <small className="muted"> {t('billing.unpriced', { count: b.unpriced_calls })}</small>}</td>
                      <td data-label={t('usage.tokens')}>{formatNumber(b.tokens, lang)}</td>
                      <td data-label={t('usage.requests')}>{formatNumber(b.requests, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
