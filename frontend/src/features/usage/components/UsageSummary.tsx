import { useTranslation } from 'react-i18next';
import { formatNumber, formatUsd } from '@/lib/format';
import type { UsageStatistics } from '../api/types';

/** Totals for the period, tokens per day with a bar, and the members who used the most. */
export function UsageSummary({ stats }: { stats: UsageStatistics }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const n = (v: number) => formatNumber(v, lang);
  const maxTokens = Math.max(1, ...stats.daily.map((d) => d.total_tokens));
  return (
    <>
      <dl className="kpis">
        <div className="card"><dt>{t('usage.requests')}</dt><dd>{n(stats.request_count)}</dd></div>
        <div className="card"><dt>{t('usage.tokens')}</dt><dd>{n(stats.total_tokens)}</dd></div>
        <div className="card"><dt>{t('usage.cost')}</dt><dd>{formatUsd(stats.total_cost, lang)}</dd>
          {stats.unpriced_requests > 0 && <small className="muted">{t('usage.unpriced', { count: stats.unpriced_requests })}</small>}</div>
      </dl>
      <div className="usage-grid">
        <div className="table-wrap">
          <table aria-label={t('usage.daily')}>
            <thead><tr><th scope="col">{t('usage.date')}</th><th scope="col">{t('usage.tokens')}</th><th scope="col">{t('usage.requests')}</th>
              <th scope="col">{t('usage.refused')}</th><th scope="col">{t('usage.cost')}</th><th scope="col">{t('usage.avgTime')}</th></tr></thead>
            <tbody>
              {[...stats.daily].reverse().map((d) => (
                <tr key={d.date}>
                  <td className="nowrap">{d.date}</td>
                  <td><div className="bar-cell"><span className="bar" style={{ width: `${(d.total_tokens / maxTokens) * 100}%` }} aria-hidden="true" /><span className="bar-value">{n(d.total_tokens)}</span></div></td>
                  <td>{n(d.request_count)}</td><td>{n(d.refused_count)}</td><td>{formatUsd(d.total_cost, lang)}</td>
                  <td>{d.average_response_time_ms === null ? '—' : `${n(Math.round(d.average_response_time_ms))} ms`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
