import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/Badge';
import { Pagination } from '@/components/Pagination';
import { EmptyState, ErrorState, Loading } from '@/components/States';
import { formatNumber, formatUsd } from '@/lib/format';
import { useUsageStatistics } from '../api/get-usage-statistics';
import { useUsageLogs } from '../api/get-usage-logs';

const STATUS_TONE = { ok: 'ok', error: 'off', refused: 'warn', cancelled: 'neutral', incomplete: 'warn' } as const;

/** Usage monitoring: totals per day with a bar for tokens, the top members, and the call log. */
export function UsageTab() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [days, setDays] = useState(30);
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(0);
  const stats = useUsageStatistics(days);
  const logs = useUsageLogs({ status, page });
  const n = (v: number) => formatNumber(v, lang);
  const maxTokens = Math.max(1, ...(stats.data?.daily.map((d) => d.total_tokens) ?? [1]));

  return (
    <div className="usage-tab">
      <div className="tab-actions">
        <h2>{t('usage.title')}</h2>
        <select aria-label={t('usage.period')} value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {[7, 30, 90].map((d) => <option key={d} value={d}>{t('usage.lastDays', { count: d })}</option>)}
        </select>
      </div>
      {stats.isPending ? <Loading /> : stats.isError ? <ErrorState error={stats.error} onRetry={() => void stats.refetch()} /> : (
        <>
          <dl className="kpis">
            <div className="card"><dt>{t('usage.requests')}</dt><dd>{n(stats.data.request_count)}</dd></div>
            <div className="card"><dt>{t('usage.tokens')}</dt><dd>{n(stats.data.total_tokens)}</dd></div>
            <div className="card"><dt>{t('usage.cost')}</dt><dd>{formatUsd(stats.data.total_cost, lang)}</dd>
              {stats.data.unpriced_requests > 0 && <small className="muted">{t('usage.unpriced', { count: stats.data.unpriced_requests })}</small>}</div>
          </dl>
          <div className="usage-grid">
            <div className="table-wrap">
              <table aria-label={t('usage.daily')}>
                <thead><tr><th scope="col">{t('usage.date')}</th><th scope="col">{t('usage.tokens')}</th><th scope="col">{t('usage.requests')}</th>
                  <th scope="col">{t('usage.refused')}</th><th scope="col">{t('usage.cost')}</th><th scope="col">{t('usage.avgTime')}</th></tr></thead>
                <tbody>
                  {[...stats.data.daily].reverse().map((d) => (
                    <tr key={d.date}>
                      <td>{d.date}</td>
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
              {stats.data.top_users.length === 0 ? <p className="muted">{t('usage.noCalls')}</p> : (
                <ol className="top-users">
                  {stats.data.top_users.map((u) => (
                    <li key={u.member_id}><strong>{u.username}</strong> <span className="muted">{t('usage.topLine', { tokens: n(u.total_tokens), requests: n(u.request_count) })} · {formatUsd(u.total_cost, lang)}</span></li>
                  ))}
                </ol>
              )}
            </div>
          </div>
        </>
      )}
      <div className="tab-actions">
        <h3>{t('usage.log')}</h3>
        <select aria-label={t('usage.status')} value={status} onChange={(e) => { setStatus(e.target.value); setPage(0); }}>
          <option value="">{t('common.all')}</option>
          {Object.keys(STATUS_TONE).map((s) => <option key={s} value={s}>{t(`usage.statuses.${s}`)}</option>)}
        </select>
      </div>
      {logs.isPending ? <Loading /> : logs.isError ? <ErrorState error={logs.error} /> : logs.data.items.length === 0 ? (
        <EmptyState>{t('usage.noCalls')}</EmptyState>
      ) : (
        <>
          <div className="table-wrap">
            <table aria-label={t('usage.log')}>
              <thead><tr><th scope="col">{t('usage.time')}</th><th scope="col">{t('usage.member')}</th><th scope="col">{t('usage.model')}</th>
                <th scope="col">{t('usage.type')}</th><th scope="col">{t('common.status')}</th><th scope="col">{t('usage.tokens')}</th>
                <th scope="col">{t('usage.cost')}</th><th scope="col">{t('usage.latency')}</th></tr></thead>
              <tbody>
                {logs.data.items.map((l) => (
                  <tr key={l.id}>
                    <td>{new Date(l.created_at).toLocaleString(lang, { timeZone: stats.data?.time_zone })}</td>
                    <td>{l.username ?? '—'}</td>
                    <td>{l.model ?? '—'}</td>
                    <td>{l.request_type}{l.channel === 'api' && <Badge tone="info">API</Badge>}</td>
                    <td><Badge tone={STATUS_TONE[l.status]}>{t(`usage.statuses.${l.status}`)}</Badge></td>
                    <td>{n(l.total_tokens)}</td>
                    <td>{l.cost === null ? (l.status === 'refused' ? '—' : t('usage.unknown')) : formatUsd(l.cost, lang)}</td>
                    <td>{l.latency_ms === null ? '—' : `${n(l.latency_ms)} ms`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} size={25} total={logs.data.total} onPage={setPage} />
        </>
      )}
    </div>
  );
}
