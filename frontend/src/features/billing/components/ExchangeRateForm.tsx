import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/Field';
import { useToast } from '@/components/Toasts';
import { applyServerErrors } from '@/components/server-errors';
import type { BillingMonth } from '../types';
import { useSetExchangeRate } from '../api/set-exchange-rate';

/** The month's KRW rate and VAT switch; read-only once the month is closed. */
export function ExchangeRateForm({ month }: { month: BillingMonth }) {
  const { t } = useTranslation();
  const toast = useToast();
  const save = useSetExchangeRate();
  const [rate, setRate] = useState(month.krw_per_usd === null ? '' : String(month.krw_per_usd));
  const [vat, setVat] = useState(month.apply_vat);
  const [rateError, setRateError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const closed = month.state === 'closed';
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const value = Number(rate);
    if (!rate.trim() || !Number.isFinite(value) || value <= 0) {
      setRateError(t('billing.rate.invalid'));
      return;
    }
    setRateError(undefined);
    // The promise, not mutate's callbacks: the saved rate gives this form a new key once the month is refetched,
    // and React Query drops the callbacks of an unmounted component (the confirmation would not show).
    save.mutateAsync({ month: month.month, input: { krw_per_usd: value, apply_vat: vat } }).then(
      () => toast(t('billing.rate.saved')),
      (error) => setFormError(applyServerErrors(error, (_, v) => setRateError(v.message), ['krw_per_usd'])),
    );
  };
  return (
    <form className="card rate-form" onSubmit={submit} noValidate aria-label={t('billing.rate.title')}>
      <h3>{t('billing.rate.title')}</h3>
      <fieldset disabled={closed}>
        <Field label={t('billing.rate.krwPerUsd')} error={rateError} hint={closed ? t('billing.rate.closedHint') : t('billing.rate.hint')}>
          <input type="number" inputMode="decimal" step="0.0001" min="0" value={rate} onChange={(e) => setRate(e.target.value)} />
        </Field>
        <label className="check"><input type="checkbox" checked={vat} onChange={(e) => setVat(e.target.checked)} /> {t('billing.rate.applyVat', { percent: month.vat_percent })}</label>
        <button type="submit" className="button primary" disabled={save.isPending}>{t('billing.rate.save')}</button>
      </fieldset>
      {formError && <p role="alert" className="form-error">{formError}</p>}
    </form>
  );
}
