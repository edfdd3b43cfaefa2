// Billing's types, named from the generated API contract; OpenAPI cannot say which fields may be null.
import type { components } from '@/types/api.gen';

type Schemas = components['schemas'];
type WithNull<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | null };

export type MonthState = 'open' | 'closed';
export type MonthTotals = WithNull<Schemas['MonthTotals'], 'total_krw'>;
export type ClosingEvent = WithNull<Omit<Schemas['ClosingEvent'], 'action'>, 'reason'> & { action: 'closed' | 'reopened' };
export type BillingMonth = Omit<WithNull<Schemas['BillingMonthView'], 'krw_per_usd' | 'closed_at' | 'closed_by'>, 'state' | 'totals' | 'history'> & {
  state: MonthState;
  totals: MonthTotals;
  history: ClosingEvent[];
};
export type StatementMember = Schemas['StatementMember'];
export type StatementPlan = WithNull<Schemas['StatementPlan'], 'plan_id'>;
export type StatementUsage = Schemas['StatementUsage'];
export type Statement = Omit<WithNull<Schemas['Statement'], 'vat_percent' | 'vat_usd' | 'krw_per_usd' | 'subtotal_krw' | 'vat_krw' | 'total_krw' | 'usage_cost_krw'>, 'state' | 'plans'> & {
  state: MonthState;
  plans: StatementPlan[];
};
export type StatementSummary = Omit<WithNull<Schemas['StatementSummary'], 'vat_usd' | 'total_krw'>, 'state'> & { state: MonthState };
export type ExchangeRateInput = Schemas['ExchangeRateRequest'];
export type StatementSort = 'member' | 'plan_fees' | 'usage_cost' | 'total';
