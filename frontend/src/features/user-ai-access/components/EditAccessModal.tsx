import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '@/components/Modal';
import { Field } from '@/components/Field';
import { errorMessage } from '@/components/server-errors';
import type { Access } from '@/types/api';
import { useUpdateAccess } from '../api/update-access';
import type { PlanOption, SettingOption } from '../options';

export function EditAccessModal({ access, plans, settings, onClose }: { access: Access; plans: PlanOption[]; settings: SettingOption[]; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateAccess();
  const [planId, setPlanId] = useState(String(access.plan.id));
  const [settingId, setSettingId] = useState(access.ai_settings ? String(access.ai_settings.id) : '0');
  const [enabled, setEnabled] = useState(access.is_enabled);
  const [advanced, setAdvanced] = useState(access.can_use_advanced_features);
  const [followPlan, setFollowPlan] = useState(access.monthly_budget_usd === null);
  const [budget, setBudget] = useState(String(access.monthly_budget_usd ?? access.plan.monthly_budget_usd));
  const budgetValue = Number(budget);
  const budgetInvalid = !followPlan && (budget.trim() === '' || !Number.isFinite(budgetValue) || budgetValue < 0);

  const save = () =>
    update.mutate(
      { id: access.id, patch: { ai_plan_id: Number(planId), ai_settings_id: Number(settingId), is_enabled: enabled, can_use_advanced_features: advanced,
        ...(followPlan ? { follow_plan_budget: true } : { monthly_budget_usd: budgetValue }) } },
      { onSuccess: onClose },
    );

  return (
    <Modal title={t('users.editTitle')} onClose={onClose}
      footer={<>
        <button type="button" className="button" onClick={onClose}>{t('common.cancel')}</button>
        <button type="button" className="button primary" disabled={update.isPending || budgetInvalid} onClick={save}>{t('common.save')}</button>
      </>}>
      <p><strong>{access.user.username}</strong> <span className="muted">{access.user.email}</span></p>
      <Field label={t('users.plan')}>
        <select value={planId} onChange={(e) => setPlanId(e.target.value)}>
          {plans.map((p) => <option key={p.id} value={p.id}>{p.display_name}</option>)}
        </select>
      </Field>
      <Field label={t('users.provider')}>
        <select value={settingId} onChange={(e) => setSettingId(e.target.value)}>
          <option value="0">{t('users.assignModal.none')}</option>
          {settings.map((s) => <option key={s.id} value={s.id}>{s.name} ({s.model_name})</option>)}
        </select>
      </Field>
      <label className="check"><input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> {t('users.enabled')}</label>
      <label className="check"><input type="checkbox" checked={advanced} onChange={(e) => setAdvanced(e.target.checked)} /> {t('users.advanced')}</label>
      <fieldset className="field">
        <legend>{t('users.budget')}</legend>
        <label className="check"><input type="checkbox" checked={followPlan} onChange={(e) => setFollowPlan(e.target.checked)} /> {t('users.followPlanBudget')}</label>
        {!followPlan && (
          <Field label={t('users.ownBudget')} hint={t('plans.monthlyBudgetHint')} error={budgetInvalid ? t('validation.nonNegative') : undefined}>
            <input type="number" step="0.01" min="0" value={budget} onChange={(e) => setBudget(e.target.value)} />
          </Field>
        )}
      </fieldset>
      {update.error && <p role="alert" className="form-error">{errorMessage(update.error)}</p>}
    </Modal>
  );
}
