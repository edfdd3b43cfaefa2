import { useTranslation } from 'react-i18next';
import { ProgressBar } from '@/components/ProgressBar';
import { formatUsd } from '@/lib/format';
import { useDates } from '@/lib/time-zone';
import { useMyBudget } from '../api/get-my-budget';

/** This month's spend against the member's budget, next to their tokens and requests. */
export function BudgetWindow() {
  const { t, i18n } = useTranslation();
  const { dateTime } = useDates();
  const budget = useMyBudget();
  if (!budget.data) return null;
  const b = budget.data;
  const usd = (v: number) => formatUsd(v, i18n.language);
  const label = t('budget.title');
  return (
    <div className="usage-windows budget-window">
      <div className="usage-head">
        <strong>{label}</strong>
        <span>{b.monthly_budget_usd === null ? t('budget.spentNoBudget', { spent: usd(b.spent_usd) })
          : t('budget.spentOf', { spent: usd(b.spent_usd), budget: usd(b.monthly_budget_usd) })}</span>
      </div>
      {b.monthly_budget_usd !== null && <ProgressBar value={b.spent_usd} max={b.monthly_budget_usd} label={label} />}
      <small className="muted">
        {b.left_usd !== null && `${t('budget.left', { left: usd(b.left_usd) })} · `}
        {t('usageWindows.resets', { at: dateTime(b.resets_at) })}
        {b.unpriced_calls > 0 && <> · {t('budget.unpriced', { count: b.unpriced_calls, price: usd(b.fallback_usd_per_mtok) })}</>}
      </small>
    </div>
  );
}
