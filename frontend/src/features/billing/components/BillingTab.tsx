import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { Modal } from '@/components/Modal';
import { ErrorState, Loading } from '@/components/States';
import { useToast } from '@/components/Toasts';
import { formatDateTime, formatMonth, formatUsd, monthOf } from '@/lib/format';
import { usePlatformTimeZone } from '@/lib/time-zone';
import type { BillingMonth } from '../types';
import { useBillingMonth } from '../api/get-billing-month';
import { statementPath, useStatement } from '../api/get-statement';
import { useCloseMonth } from '../api/close-month';
import { formatCost, formatKrw } from '../money';
import { DownloadButton } from './DownloadButton';
import { ExchangeRateForm } from './ExchangeRateForm';
import { MonthPicker } from './MonthPicker';
import { MonthStateBadge } from './MonthStateBadge';
import { ReopenDialog } from './ReopenDialog';
import { StatementDetail } from './StatementDetail';
import { StatementsTable } from './StatementsTable';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * 요금 관리: a month (in the URL) with its state, rate and VAT, close and reopen, every member's statement and
 * the month's downloads.
 */
export function BillingTab() {
  const zone = usePlatformTimeZone();
  return zone ? <MonthlyBilling thisMonth={monthOf(new Date(), zone)} /> : <Loading />;
}

function MonthlyBilling({ thisMonth }: { thisMonth: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('month') ?? '';
  const month = MONTH.test(asked) && asked <= thisMonth ? asked : thisMonth;
  const billing = useBillingMonth(month);
  const [viewing, setViewing] = useState<{ memberId: number; name: string } | null>(null);

  const setMonth = (next: string) => {
    const updated = new URLSearchParams(params);
    updated.set('month', next);
    updated.delete('page');
    setParams(updated, { replace: true });
  };

  return (
    <div>
      <div className="tab-actions">
        <h2>{t('billing.title')}</h2>
        <MonthPicker label={t('billing.month')} value={month} latest={thisMonth} onChange={setMonth} />
      </div>
      {billing.isPending ? <Loading /> : billing.isError ? <ErrorState error={billing.error} onRetry={() => void billing.refetch()} /> : (
        <>
          <MonthSummary month={billing.data} />
          <StatementsTable month={billing.data.month} onView={(memberId, name) => setViewing({ memberId, name })} />
        </>
      )}
      {viewing && <StatementModal memberId={viewing.memberId} name={viewing.name} month={month} onClose={() => setViewing(null)} />}
    </div>
  );
}

function MonthSummary({ month: m }: { month: BillingMonth }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const toast = useToast();
  const close = useCloseMonth();
  const [confirming, setConfirming] = useState(false);
  const [reopening, setReopening] = useState(false);
  const name = formatMonth(m.month, lang);
  return (
    <>
      <div className="month-status">
        <MonthStateBadge state={m.state} current={m.current} />
        {m.state === 'closed' && m.closed_at && <span className="muted">{t('billing.closedBy', { by: m.closed_by, at: formatDateTime(m.closed_at, lang, m.time_zone) })}</span>}
        <div className="actions">
          {m.state === 'open' && (
            <button type="button" className="button primary" disabled={!m.ended} title={m.ended ? undefined : t('billing.close.notEnded')}
              onClick={() => { close.reset(); setConfirming(true); }}>{t('billing.close.action')}</button>
          )}
          {m.state === 'closed' && <button type="button" className="button" onClick={() => setReopening(true)}>{t('billing.reopen.action')}</button>}
          <DownloadButton path={`/api/admin/billing/statements?month=${m.month}&format=csv&lang=${lang === 'en' ? 'en' : 'ko'}`}
            fileName={`statements-${m.month}.csv`} label={t('billing.downloads.csv')} />
          <DownloadButton path={`/api/admin/billing/statements/${m.month}/pdf.zip`} fileName={`statements-${m.month}.zip`} label={t('billing.downloads.zip')} />
        </div>
      </div>
      {!m.ended && m.state === 'open' && <p className="muted small">{t('billing.close.notEnded')}</p>}
      <dl className="kpis kpis-4">
        <div className="card"><dt>{t('billing.fees')}</dt><dd>{formatUsd(m.totals.plan_fees_usd, lang)}</dd></div>
        <div className="card"><dt>{t('billing.usageCost')}</dt><dd>{formatCost(m.totals.usage_cost_usd, lang)}</dd></div>
        <div className="card"><dt>{t('billing.margin')}</dt><dd>{formatCost(m.totals.margin_usd, lang)}</dd></div>
        <div className="card"><dt>{t('billing.totalDue')}</dt><dd>{formatUsd(m.totals.total_usd, lang)}{m.totals.total_krw !== null && <small className="muted"> · {formatKrw(m.totals.total_krw, lang)}</small>}</dd></div>
      </dl>
      {m.totals.unattributed_calls > 0 && (
        <p className="muted small">{t('billing.unattributed', { count: m.totals.unattributed_calls, cost: formatCost(m.totals.unattributed_usage_usd, lang) })}</p>
      )}
      <div className="billing-side">
        <ExchangeRateForm key={`${m.month}-${m.state}-${m.krw_per_usd}-${m.apply_vat}`} month={m} />
        {m.history.length > 0 && (
          <section className="card" aria-label={t('billing.history.title')}>
            <h3>{t('billing.history.title')}</h3>
            <ul className="plain-list">
              {m.history.map((h) => (
                <li key={`${h.action}-${h.at}`}>{t(`billing.history.${h.action}`, { at: formatDateTime(h.at, lang, m.time_zone), by: h.by, reason: h.reason ?? '' })}</li>
              ))}
            </ul>
          </section>
        )}
      </div>
      {confirming && (
        <ConfirmDialog message={t('billing.close.confirm', { month: name })} confirmLabel={t('billing.close.action')} busy={close.isPending} error={close.error}
          onCancel={() => setConfirming(false)}
          onConfirm={() => close.mutate(m.month, { onSuccess: () => { setConfirming(false); toast(t('billing.close.done', { month: name })); } })} />
      )}
      {reopening && <ReopenDialog month={m.month} onClose={() => setReopening(false)}
        onDone={() => { setReopening(false); toast(t('billing.reopen.done', { month: name })); }} />}
    </>
  );
}

function StatementModal({ memberId, name, month, onClose }: { memberId: number; name: string; month: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const statement = useStatement(memberId, month);
  return (
    <Modal wide title={t('billing.detail.title', { name, month: formatMonth(month, i18n.language) })} onClose={onClose}
      footer={<DownloadButton path={`${statementPath(memberId, month)}?format=pdf`} fileName={`${month}_${memberId}.pdf`} label={t('billing.downloads.pdf')} />}>
      {statement.isPending ? <Loading /> : statement.isError ? <ErrorState error={statement.error} onRetry={() => void statement.refetch()} />
        : <StatementDetail statement={statement.data} />}
    </Modal>
  );
}

