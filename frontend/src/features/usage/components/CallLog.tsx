import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/Badge';
import { Pagination } from '@/components/Pagination';
import { EmptyState, ErrorState, Loading } from '@/components/States';
import { formatNumber, formatUsd } from '@/lib/format';
import { useDates } from '@/lib/time-zone';
import { useUsageLogs } from '../api/get-usage-logs';
import type { UsageFilter } from '../filter';

const STATUS_TONE = { ok: 'ok', error: 'off', refused: 'warn', cancelled: 'neutral', incomplete: 'warn' } as const;

/** Every call, newest first, filterable by status; times in the platform's zone. */
export function CallLog({ filter }: { filter: UsageFilter }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { dateTime } = useDates();
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(0);
  const logs = useUsageLogs({ status, page, memberId: filter.memberId, settingId: filter.settingId });
  const n = (v: number) => formatNumber(v, lang);

  return (
    <>
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
            <table className="stack" aria-label={t('usage.log')}>
              <thead><tr><th scope="col">{t('usage.time')}</th><th scope="col">{t('usage.member')}</th><th scope="col">{t('usage.model')}</th>
                <th scope="col">{t('usage.type')}</th><th scope="col">{t('common.status')}</th><th scope="col">{t('usage.tokens')}</th>
                <th scope="col">{t('usage.cost')}</th><th scope="col">{t('usage.latency')}</th></tr></thead>
              <tbody>
                {logs.data.items.map((l) => (
                  <tr key={l.id}>
                    <td data-label={t('usage.time')} className="nowrap">{dateTime(l.created_at)}</td>
                    <td data-label={t('usage.member')}>{l.username ?? '—'}</td>
                    <td data-label={t('usage.model')}>{l.model ?? '—'}</td>
                    <td data-label={t('usage.type')}>{l.request_type}{l.channel === 'api' && <Badge tone="info">API</Badge>}</td>
                    <td data-label={t('common.status')}><Badge tone={STATUS_TONE[l.status]}>{t(`usage.statuses.${l.status}`)}</Badge></td>
                    <td data-label={t('usage.tokens')}>{n(l.total_tokens)}</td>
                    <td data-label={t('usage.cost')}>{l.cost === null ? (l.status === 'refused' ? '—' : t('usage.unknown')) : formatUsd(l.cost, lang)}</td>
                    <td data-label={t('usage.latency')}>{l.latency_ms === null ? '—' : `${n(l.latency_ms)} ms`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} size={25} total={logs.data.total} onPage={setPage} />
        </>
      )}
    </>
  );
}
