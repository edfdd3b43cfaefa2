import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/Badge';
import { Pagination } from '@/components/Pagination';
import { ProgressBar } from '@/components/ProgressBar';
import { EmptyState, ErrorState, Loading } from '@/components/States';
import { formatNumber, fullName } from '@/lib/format';
import { useAccessList } from '../api/get-access-list';
import type { PlanOption, SettingOption } from '../options';
import { AccessActions } from './AccessActions';
import { AssignModal } from './AssignModal';

const SIZE = 20;
/** The plan filter's value for members without access. */
const UNASSIGNED = 'none';

interface Props {
  plans: PlanOption[];
  settings: SettingOption[];
  onShowUsage: (member: { id: number; name: string }) => void;
}

/**
 * The AI-access list: every researcher, with their plan, provider setting and this month's usage — or
 * "unassigned", to be assigned right from the row. A name opens the member's page.
 */
export function UsersTab({ plans, settings, onShowUsage }: Props) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const planFilter = params.get('plan') ?? '';
  const page = Number(params.get('page') ?? 0);
  const list = useAccessList({
    q, page, size: SIZE,
    ...(planFilter === UNASSIGNED ? { assigned: false } : { planId: planFilter }),
  });
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [assigning, setAssigning] = useState<number[] | null>(null);
  const n = (v: number) => formatNumber(v, i18n.language);

  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value); else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };

  const toggle = (memberId: number) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(memberId)) next.delete(memberId); else next.add(memberId);
      return next;
    });

  const rows = list.data?.items ?? [];
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.member.id));

  return (
    <div>
      <div className="tab-actions">
        <h2>{t('users.title')}</h2>
        <div>
          {selected.size > 0 && (
            <button type="button" className="button" onClick={() => setAssigning([...selected])}>
              {t('users.assignSelected', { count: selected.size })}
            </button>
          )}
          <button type="button" className="button primary" onClick={() => setAssigning([])}>{t('users.assign')}</button>
        </div>
      </div>
      <div className="filters">
        <input type="search" aria-label={t('common.search')} placeholder={t('users.searchPlaceholder')} value={q} onChange={(e) => setFilter('q', e.target.value)} />
        <select aria-label={t('users.filterPlan')} value={planFilter} onChange={(e) => setFilter('plan', e.target.value)}>
          <option value="">{t('common.all')}</option>
          <option value={UNASSIGNED}>{t('users.unassigned')}</option>
          {plans.map((p) => <option key={p.id} value={p.id}>{p.display_name}</option>)}
        </select>
      </div>
      {list.isPending ? <Loading /> : list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> :
        rows.length === 0 ? <EmptyState>{t('users.empty')}</EmptyState> : (
          <>
            <div className="table-wrap">
              <table className="stack">
                <thead><tr>
                  <th scope="col"><input type="checkbox" aria-label={t('users.selectAll')} checked={allSelected}
                    onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((r) => r.member.id)))} /></th>
                  <th scope="col">{t('users.member')}</th><th scope="col">{t('users.plan')}</th><th scope="col">{t('users.provider')}</th>
                  <th scope="col">{t('users.usage')}</th><th scope="col">{t('common.status')}</th><th scope="col">{t('common.actions')}</th>
                </tr></thead>
                <tbody>
                  {rows.map(({ member, access: a }) => {
                    const name = fullName(member);
                    const limit = a?.plan.monthly_token_limit ?? 0;
                    return (
                      <tr key={member.id} data-testid={`access-row-${member.username}`}>
                        <td data-label={t('stackedTable.select')}><input type="checkbox" aria-label={t('users.selectRow', { name })} checked={selected.has(member.id)} onChange={() => toggle(member.id)} /></td>
                        <td data-label={t('users.member')}>
                          <Link to={`/admin/members/${member.id}`}><strong>{name}</strong></Link>
                          <div className="muted">{member.email}</div>
                          {!member.is_active && <Badge tone="off">{t('users.accountInactive')}</Badge>}
                        </td>
                        <td data-label={t('users.plan')}>{a ? <Badge tone="info">{a.plan.display_name}</Badge> : <Badge tone="warn">{t('users.unassigned')}</Badge>}</td>
                        <td data-label={t('users.provider')}>{a?.ai_settings ? `${a.ai_settings.name} (${a.ai_settings.model_name})` : <span className="muted">{a ? t('users.noProvider') : '—'}</span>}</td>
                        <td className="usage-cell" data-label={t('users.usage')}>
                          {a ? <>
                            <span>{t('users.tokens', { used: n(a.tokens_used_month), limit: limit === 0 ? t('common.unlimited') : n(limit) })}</span>
                            <ProgressBar value={a.tokens_used_month} max={limit} label={t('users.usage')} />
                            <small className="muted">{t('users.requestsToday', { count: a.requests_today })}</small>
                          </> : <span className="muted">—</span>}
                        </td>
                        <td data-label={t('common.status')}>{a && <Badge tone={a.is_enabled ? 'ok' : 'off'}>{a.is_enabled ? t('users.enabled') : t('users.disabled')}</Badge>}</td>
                        <td data-label={t('common.actions')}><div className="actions">
                          <AccessActions member={{ id: member.id, name }} access={a} plans={plans} settings={settings} />
                          {a && <button type="button" className="button small" onClick={() => onShowUsage({ id: member.id, name })}>{t('memberUsage.show')}</button>}
                        </div></td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <Pagination page={page} size={SIZE} total={list.data.total} onPage={(p) => setFilter('page', String(p))} />
          </>
        )}
      {assigning && <AssignModal plans={plans} settings={settings} preselected={assigning} onClose={() => { setAssigning(null); setSelected(new Set()); }} />}
    </div>
  );
}
