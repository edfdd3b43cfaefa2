import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/Badge';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { Pagination } from '@/components/Pagination';
import { ProgressBar } from '@/components/ProgressBar';
import { EmptyState, ErrorState, Loading } from '@/components/States';
import { useToast } from '@/components/Toasts';
import { formatNumber, fullName } from '@/lib/format';
import type { Access } from '@/types/api';
import { useAccessList } from '../api/get-access-list';
import { useUpdateAccess } from '../api/update-access';
import { useResetUsage } from '../api/reset-usage';
import type { PlanOption, SettingOption } from '../options';
import { AssignModal } from './AssignModal';
import { EditAccessModal } from './EditAccessModal';

const SIZE = 20;

interface Props {
  plans: PlanOption[];
  settings: SettingOption[];
  onShowUsage: (member: { id: number; name: string }) => void;
}

export function UsersTab({ plans, settings, onShowUsage }: Props) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const planId = params.get('plan') ?? '';
  const page = Number(params.get('page') ?? 0);
  const list = useAccessList({ q, planId, page, size: SIZE });
  const update = useUpdateAccess();
  const reset = useResetUsage();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [assigning, setAssigning] = useState<number[] | null>(null);
  const [editing, setEditing] = useState<Access | null>(null);
  const [resetting, setResetting] = useState<Access | null>(null);
  const [disabling, setDisabling] = useState<Access | null>(null);
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
  const allSelected = rows.length > 0 && rows.every((a) => selected.has(a.user.id));

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
        <select aria-label={t('users.filterPlan')} value={planId} onChange={(e) => setFilter('plan', e.target.value)}>
          <option value="">{t('common.all')}</option>
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
                    onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((a) => a.user.id)))} /></th>
                  <th scope="col">{t('users.member')}</th><th scope="col">{t('users.plan')}</th><th scope="col">{t('users.provider')}</th>
                  <th scope="col">{t('users.usage')}</th><th scope="col">{t('common.status')}</th><th scope="col">{t('common.actions')}</th>
                </tr></thead>
                <tbody>
                  {rows.map((a) => {
                    const name = fullName(a.user);
                    const limit = a.plan.monthly_token_limit;
                    return (
                      <tr key={a.id} data-testid={`access-row-${a.user.username}`}>
                        <td data-label={t('stackedTable.select')}><input type="checkbox" aria-label={t('users.selectRow', { name })} checked={selected.has(a.user.id)} onChange={() => toggle(a.user.id)} /></td>
                        <td data-label={t('users.member')}><strong>{name}</strong><div className="muted">{a.user.email}</div></td>
                        <td data-label={t('users.plan')}><Badge tone="info">{a.plan.display_name}</Badge></td>
                        <td data-label={t('users.provider')}>{a.ai_settings ? `${a.ai_settings.name} (${a.ai_settings.model_name})` : <span className="muted">{t('users.noProvider')}</span>}</td>
                        <td className="usage-cell" data-label={t('users.usage')}>
                          <span>{t('users.tokens', { used: n(a.tokens_used_month), limit: limit === 0 ? t('common.unlimited') : n(limit) })}</span>
                          <ProgressBar value={a.tokens_used_month} max={limit} label={t('users.usage')} />
                          <small className="muted">{t('users.requestsToday', { count: a.requests_today })}</small>
                        </td>
                        <td data-label={t('common.status')}><Badge tone={a.is_enabled ? 'ok' : 'off'}>{a.is_enabled ? t('users.enabled') : t('users.disabled')}</Badge></td>
                        <td data-label={t('common.actions')}><div className="actions">
                          <button type="button" className="button small" onClick={() => setEditing(a)}>{t('common.edit')}</button>
                          <button type="button" className="button small" onClick={() => { reset.reset(); setResetting(a); }}>{t('users.resetUsage')}</button>
                          <button type="button" className="button small" disabled={update.isPending}
                            onClick={() => { update.reset(); if (a.is_enabled) setDisabling(a); else update.mutate({ id: a.id, patch: { is_enabled: true } }); }}>
                            {a.is_enabled ? t('users.disable') : t('users.enable')}
                          </button>
                          <button type="button" className="button small" onClick={() => onShowUsage({ id: a.user.id, name })}>{t('memberUsage.show')}</button>
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
      {editing && <EditAccessModal access={editing} plans={plans} settings={settings} onClose={() => setEditing(null)} />}
      {resetting && (
        <ConfirmDialog message={t('users.confirmReset', { name: fullName(resetting.user) })} confirmLabel={t('users.resetUsage')}
          busy={reset.isPending} error={reset.error} onCancel={() => setResetting(null)}
          onConfirm={() => reset.mutate(resetting.id, { onSuccess: () => { setResetting(null); toast(t('users.resetDone')); } })} />
      )}
      {disabling && (
        <ConfirmDialog danger message={t('memberAccess.confirmDisable', { name: fullName(disabling.user) })} confirmLabel={t('users.disable')}
          busy={update.isPending} error={update.error?.message ?? null} onCancel={() => setDisabling(null)}
          onConfirm={() => update.mutate({ id: disabling.id, patch: { is_enabled: false } }, { onSuccess: () => { setDisabling(null); toast(t('memberAccess.disabled')); } })} />
      )}
    </div>
  );
}
