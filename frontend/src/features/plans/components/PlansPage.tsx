import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/Layout';
import { Badge } from '@/components/Badge';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { EmptyState, ErrorState, Loading } from '@/components/States';
import { useToast } from '@/components/Toasts';
import { formatNumber, formatUsd } from '@/lib/format';
import type { Plan } from '@/types/api';
import { usePlans } from '../api/get-plans';
import { useDeletePlan } from '../api/delete-plan';
import { PlanFormModal } from './PlanFormModal';

export function PlansPage() {
  const { t, i18n } = useTranslation();
  const plans = usePlans();
  const remove = useDeletePlan();
  const toast = useToast();
  const [editing, setEditing] = useState<Plan | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Plan | null>(null);
  const lang = i18n.language;
  const limit = (n: number) => (n === 0 ? t('common.unlimited') : formatNumber(n, lang));

  return (
    <section>
      <PageHeader title={t('plans.title')} subtitle={t('plans.subtitle')}
        actions={<button type="button" className="button primary" onClick={() => setEditing('new')}>{t('plans.add')}</button>} />
      {plans.isPending ? <Loading /> : plans.isError ? <ErrorState error={plans.error} onRetry={() => void plans.refetch()} /> : plans.data.length === 0 ? (
        <EmptyState>{t('plans.empty')}</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="stack">
            <thead>
              <tr>
                <th scope="col">{t('plans.displayName')}</th><th scope="col">{t('plans.monthlyCost')}</th>
                <th scope="col">{t('plans.monthlyTokens')}</th><th scope="col">{t('plans.dailyRequests')}</th>
                <th scope="col">{t('plans.monthlyBudget')}</th>
                <th scope="col">{t('plans.features')}</th><th scope="col">{t('plans.members')}</th>
                <th scope="col">{t('common.status')}</th><th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {plans.data.map((p) => (
                <tr key={p.id}>
                  <td data-label={t('plans.displayName')}><strong>{p.display_name}</strong><div className="muted">{p.name}</div></td>
                  <td data-label={t('plans.monthlyCost')}>{formatUsd(p.monthly_cost, lang)}</td>
                  <td data-label={t('plans.monthlyTokens')}>{limit(p.monthly_token_limit)}</td>
                  <td data-label={t('plans.dailyRequests')}>{limit(p.daily_request_limit)}</td>
                  <td data-label={t('plans.monthlyBudget')}>{p.monthly_budget_usd > 0
                    ? t('plans.budgetWithSoft', { budget: formatUsd(p.monthly_budget_usd, lang), soft: p.budget_soft_percent })
                    : t('plans.noBudget')}</td>
                  <td data-label={t('plans.features')}>{p.features.map((f) => <Badge key={f} tone="info">{t(`plans.feature.${f}`)}</Badge>)}</td>
                  <td data-label={t('plans.members')}>{p.members_count}</td>
                  <td data-label={t('common.status')}><Badge tone={p.is_active ? 'ok' : 'off'}>{p.is_active ? t('common.active') : t('common.inactive')}</Badge></td>
                  <td data-label={t('common.actions')}><div className="actions">
                    <button type="button" className="button small" onClick={() => setEditing(p)}>{t('common.edit')}</button>
                    <button type="button" className="button small danger" onClick={() => { remove.reset(); setDeleting(p); }}>{t('common.delete')}</button>
                  </div></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && <PlanFormModal plan={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      {deleting && (
        <ConfirmDialog danger message={t('plans.confirmDelete', { name: deleting.display_name })} confirmLabel={t('common.delete')}
          busy={remove.isPending} error={remove.error} onCancel={() => setDeleting(null)}
          onConfirm={() => remove.mutate(deleting.id, { onSuccess: () => { setDeleting(null); toast(t('common.deleted')); } })} />
      )}
    </section>
  );
}
