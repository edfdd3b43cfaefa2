import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { Modal } from '@/components/Modal';
import { Field } from '@/components/Field';
import { applyServerErrors } from '@/components/server-errors';
import type { Plan } from '@/types/api';
import { FEATURES, planSchema, type PlanForm } from '../schemas';
import { useSavePlan } from '../api/save-plan';

const FIELDS = ['name', 'display_name', 'monthly_cost', 'monthly_token_limit', 'daily_request_limit', 'features', 'is_active',
  'monthly_budget_usd', 'budget_soft_percent'];

export function PlanFormModal({ plan, onClose }: { plan?: Plan; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSavePlan();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState: { errors } } = useForm<PlanForm>({
    resolver: zodResolver(planSchema(t)),
    defaultValues: plan
      ? { name: plan.name, display_name: plan.display_name, monthly_cost: plan.monthly_cost, monthly_token_limit: plan.monthly_token_limit,
          daily_request_limit: plan.daily_request_limit, features: plan.features, is_active: plan.is_active,
          monthly_budget_usd: plan.monthly_budget_usd, budget_soft_percent: plan.budget_soft_percent }
      : { name: '', display_name: '', monthly_cost: 0, monthly_token_limit: 100000, daily_request_limit: 50, features: ['chatbot'], is_active: true,
          monthly_budget_usd: 0, budget_soft_percent: 80 },
  });

  const submit = handleSubmit((values) => {
    setFormError(null);
    save.mutate({ input: values, id: plan?.id }, {
      onSuccess: onClose,
      onError: (e) => setFormError(applyServerErrors(e, setError, FIELDS)),
    });
  });

  return (
    <Modal
      title={plan ? t('plans.edit') : t('plans.add')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>{t('common.cancel')}</button>
          <button type="submit" form="plan-form" className="button primary" disabled={save.isPending}>{t('common.save')}</button>
        </>
      }
    >
      <form id="plan-form" onSubmit={submit} noValidate className="form-grid">
        <Field label={t('plans.name')} error={errors.name?.message}><input {...register('name')} /></Field>
        <Field label={t('plans.displayName')} error={errors.display_name?.message}><input {...register('display_name')} /></Field>
        <Field label={t('plans.monthlyCost')} error={errors.monthly_cost?.message}><input type="number" step="0.01" {...register('monthly_cost')} /></Field>
        <Field label={t('plans.monthlyTokens')} error={errors.monthly_token_limit?.message}><input type="number" {...register('monthly_token_limit')} /></Field>
        <Field label={t('plans.dailyRequests')} error={errors.daily_request_limit?.message}><input type="number" {...register('daily_request_limit')} /></Field>
        <Field label={t('plans.monthlyBudget')} hint={t('plans.monthlyBudgetHint')} error={errors.monthly_budget_usd?.message}>
          <input type="number" step="0.01" min="0" {...register('monthly_budget_usd')} />
        </Field>
        <Field label={t('plans.budgetSoftPercent')} hint={t('plans.budgetSoftPercentHint')} error={errors.budget_soft_percent?.message}>
          <input type="number" min="1" max="100" {...register('budget_soft_percent')} />
        </Field>
        <fieldset className="field">
          <legend>{t('plans.features')}</legend>
          {FEATURES.map((f) => (
            <label key={f} className="check"><input type="checkbox" value={f} {...register('features')} /> {t(`plans.feature.${f}`)}</label>
          ))}
        </fieldset>
        <label className="check"><input type="checkbox" {...register('is_active')} /> {t('plans.active')}</label>
        {formError && <p role="alert" className="form-error">{formError}</p>}
      </form>
    </Modal>
  );
}
