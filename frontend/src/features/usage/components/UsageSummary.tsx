import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Chart } from '@/components/charts/Chart';
import type { ChartOption } from '@/components/charts/echarts';
import { formatNumber, formatUsd } from '@/lib/format';
import type { UsageStatistics } from '../api/types';

/** Tokens per day as bars, requests and refusals as lines on their own axis. */
function dailyChart(stats: UsageStatistics, t: TFunction, n: (v: number) => string): ChartOption {
  return {
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => n(Number(v)) },
    xAxis: { type: 'category', data: stats.daily.map((d) => d.date.slice(5)), axisLabel: { hideOverlap: true } },
    yAxis: [{ type: 'value', axisLabel: { formatter: (v: number) => n(v) } }, { type: 'value', splitLine: { show: false } }],
    series: [
      { type: 'bar', name: t('usage.tokens'), data: stats.daily.map((d) => d.total_tokens) },
      { type: 'line', name: t('usage.requests'), yAxisIndex: 1, showSymbol: false, data: stats.daily.map((d) => d.request_count) },
      { type: 'line', name: t('usage.refused'), yAxisIndex: 1, showSymbol: false, data: stats.daily.map((d) => d.refused_count) },
    ],
  };
}

/** Totals for the period, a chart of the days, and the members who used the most. */
export function UsageSummary({ stats }: { stats: UsageStatistics }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const n = (v: number) => formatNumber(v, lang);
  const daily = useMemo(() => dailyChart(stats, t, (v) => formatNumber(v, lang)), [stats, t, lang]);
  return (
    <>
      <dl className="kpis">
        <div className="card"><dt>{t('usage.requests')}</dt><dd>{n(stats.request_count)}</dd></div>
        <div className="card"><dt>{t('usage.tokens')}</dt><dd>{n(stats.total_tokens)}</dd></div>
        <div className="card"><dt>{t('usage.cost')}</dt><dd>{formatUsd(stats.total_cost, lang)}</dd>
          {stats.unpriced_requests > 0 && <small className="muted">{t('usage.unpriced', { count: stats.unpriced_requests })}</small>}</div>
      </dl>
      <div className="usage-grid">
        <figure className="card chart-card">
          <figcaption>{t('usage.daily')}</figcaption>
          <Chart option={daily} label={t('usage.daily')} height={260} />
        </figure>
        <div className="card">
          <h3>{t('usage.topUsers')}</h3>
          {stats.top_users.length === 0 ? <p className="muted">{t('usage.noCalls')}</p> : (
            <ol className="top-users">
              {stats.top_users.map((u) => (
                <li key={u.member_id}><strong>{u.username}</strong> <span className="muted">{t('usage.topLine', { tokens: n(u.total_tokens), count: u.request_count, requests: n(u.request_count) })} · {formatUsd(u.total_cost, lang)}</span></li>
              ))}
            </ol>
          )}
        </div>
      </div>
    </>
  );
}
