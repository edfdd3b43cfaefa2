import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/Badge';
import { Pagination } from '@/components/Pagination';
import { EmptyState, ErrorState, Loading } from '@/components/States';
import { formatUsd, fullName } from '@/lib/format';
import type { StatementSort } from '../types';
import { useStatements } from '../api/get-statements';
import { formatCost, formatKrw } from '../money';

const SIZE = 20;
const SORTS: StatementSort[] = ['member', 'plan_fees', 'usage_cost', 'total'];
const COLUMN: Record<StatementSort, string> = { member: 'member', plan_fees: 'planFees', usage_cost: 'usageCost', total: 'total' };

/** The month's statements: searched, sorted and paged by the server, the state in the URL. */
export function StatementsTable({ month, onView }: { month: string; onView: (memberId: number, name: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const sort = (SORTS as string[]).includes(params.get('sort') ?? '') ? (params.get('sort') as StatementSort) : 'total';
  const order = params.get('order') === 'asc' || params.get('order') === 'desc' ? (params.get('order') as 'asc' | 'desc') : sort === 'member' ? 'asc' : 'desc';
  const page = Math.max(0, Number(params.get('page') ?? 0) || 0);
  const statements = useStatements({ month, q, sort, order, page, size: SIZE });

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value); else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };
  const sortBy = (key: StatementSort) => update({ sort: key, order: key === sort ? (order === 'asc' ? 'desc' : 'asc') : key === 'member' ? 'asc' : 'desc' });
  const header = (key: StatementSort) => (
    <th scope="col" aria-sort={sort === key ? (order === 'asc' ? 'ascending' : 'descending') : 'none'} className={key === 'member' ? undefined : 'num'}>
      <button type="button" className="sort-button" aria-label={t('billing.sortBy', { column: t(`billing.columns.${COLUMN[key]}`) })} onClick={() => sortBy(key)}>
        {t(`billing.columns.${COLUMN[key]}`)}{sort === key ? (order === 'asc' ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );

  return (
    <section aria-labelledby="statements-title">
      <div className="tab-actions">
        <h3 id="statements-title">{t('billing.statements')}</h3>
        <input type="search" className="search" aria-label={t('common.search')} placeholder={t('billing.search')} value={q} onChange={(e) => update({ q: e.target.value })} />
      </div>
      {statements.isPending ? <Loading /> : statements.isError ? <ErrorState error={statements.error} onRetry={() => void statements.refetch()} />
        : statements.data.items.length === 0 ? <EmptyState>{q ? t('billing.noMatch') : t('billing.empty')}</EmptyState> : (
          <>
            <div className="table-wrap">
              <table className="stack" aria-label={t('billing.statements')}>
                <thead><tr>
                  {header('member')}<th scope="col">{t('billing.columns.plans')}</th>{header('plan_fees')}{header('usage_cost')}{header('total')}
                  <th scope="col" className="num">{t('billing.columns.totalKrw')}</th><th scope="col">{t('billing.columns.actions')}</th>
                </tr></thead>
                <tbody>
                  {statements.data.items.map((s) => (
                    <tr key={s.member.id}>
                      <td data-label={t('billing.columns.member')}>
                        <strong>{fullName(s.member)}</strong> {s.member.deleted && <Badge tone="off">{t('billing.deleted')}</Badge>}
                        <div className="muted">{s.member.username}</div>
                      </td>
                      <td data-label={t('billing.columns.plans')}>{s.plans.length === 0 ? <span className="muted">—</span> : s.plans.join(', ')}</td>
                      <td data-label={t('billing.columns.planFees')} className="num">{formatUsd(s.plan_fees_usd, lang)}</td>
                      <td data-label={t('billing.columns.usageCost')} className="num">{formatCost(s.usage_cost_usd, lang)}
                        {s.unpriced_calls > 0 && <small className="muted"> {t('billing.unpriced', { count: s.unpriced_calls })}</small>}</td>
                      <td data-label={t('billing.columns.total')} className="num">{formatUsd(s.total_usd, lang)}</td>
                      <td data-label={t('billing.columns.totalKrw')} className="num">{s.total_krw === null ? '—' : formatKrw(s.total_krw, lang)}</td>
                      <td data-label={t('billing.columns.actions')}>
                        <button type="button" className="button small" aria-label={`${t('billing.view')}: ${fullName(s.member)}`}
                          onClick={() => onView(s.member.id, fullName(s.member))}>{t('billing.view')}</button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={page} size={SIZE} total={statements.data.total} onPage={(p) => update({ page: String(p) })} />
          </>
        )}
    </section>
  );
}
