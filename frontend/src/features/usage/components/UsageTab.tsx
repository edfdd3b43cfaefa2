import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '@/components/States';
import { useUsageStatistics } from '../api/get-usage-statistics';
import type { UsageFilter } from '../filter';
import { UsageSummary } from './UsageSummary';
import { CallLog } from './CallLog';

/** Usage monitoring for everyone, or for the one member or provider setting the page asked for. */
export function UsageTab({ filter = {}, onClearFilter }: { filter?: UsageFilter; onClearFilter?: () => void }) {
  const { t } = useTranslation();
  const [days, setDays] = useState(30);
  const stats = useUsageStatistics({ days, memberId: filter.memberId, settingId: filter.settingId });
  const label = filter.memberId !== undefined ? t('usageFilter.member', { name: filter.memberName ?? `#${filter.memberId}` })
    : filter.settingId !== undefined ? t('usageFilter.setting', { name: filter.settingName ?? `#${filter.settingId}` }) : null;

  return (
    <div className="usage-tab">
      <div className="tab-actions">
        <h2>{t('usage.title')}</h2>
        <select aria-label={t('usage.period')} value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {[7, 30, 90].map((d) => <option key={d} value={d}>{t('usage.lastDays', { count: d })}</option>)}
        </select>
      </div>
      {label && (
        <p className="filter-chip" role="status">
          <span>{label}</span>
          {onClearFilter && <button type="button" className="button small" onClick={onClearFilter}>{t('usageFilter.clear')}</button>}
        </p>
      )}
      {stats.isPending ? <Loading /> : stats.isError ? <ErrorState error={stats.error} onRetry={() => void stats.refetch()} /> : <UsageSummary stats={stats.data} />}
      <CallLog key={`${filter.memberId}-${filter.settingId}`} filter={filter} />
    </div>
  );
}
