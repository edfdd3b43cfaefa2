import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/Badge';
import { formatDateTime, formatMonth, formatNumber, formatUsd, fullName } from '@/lib/format';
import type { Statement } from '../types';
import { formatCost, formatKrw, formatRate } from '../money';
import { MonthStateBadge } from './MonthStateBadge';

/** A statement as the PDF lays it out: plans with proration, usage by model and feature, totals in USD and KRW. */
export function StatementDetail({ statement: s }: { statement: Statement }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const priced = (cost: number, calls: number, unpriced: number) => (unpriced > 0 && unpriced === calls && cost === 0 ? '—' : formatCost(cost, lang));
  return (
    <div className="statement">
      <p className="statement-head">
        <strong>{fullName(s.member)}</strong> <span className="muted">({s.member.username}{s.member.email ? ` · ${s.member.email}` : ''})</span>
        {s.member.deleted && <> <Badge tone="off">{t('billing.deleted')}</Badge></>}
        <br />
        {formatMonth(s.month, lang)} · <MonthStateBadge state={s.state} current={s.current} /> · <span className="muted">{t('billing.asOf', { at: formatDateTime(s.as_of, lang, s.time_zone) })}</span>
      </p>

      <h3>{t('billing.detail.plans')}</h3>
      {s.plans.length === 0 ? <p className="muted">{t('billing.detail.noPlan')}</p> : (
        <div className="table-wrap">
          <table className="stack" aria-label={t('billing.detail.plans')}>
            <thead><tr><th scope="col">{t('billing.detail.plan')}</th><th scope="col">{t('billing.detail.monthlyFee')}</th><th scope="col">{t('billing.detail.dates')}</th>
              <th scope="col">{t('billing.detail.days')}</th><th scope="col" className="num">{t('billing.detail.amount')}</th></tr></thead>
            <tbody>
              {s.plans.map((p) => (
                <tr key={`${p.plan_name}-${p.from}`}>
                  <td data-label={t('billing.detail.plan')}>{p.display_name}</td>
                  <td data-label={t('billing.detail.monthlyFee')}>{formatUsd(p.monthly_fee_usd, lang)}</td>
                  <td data-label={t('billing.detail.dates')}>{p.from} – {p.to}</td>
                  <td data-label={t('billing.detail.days')}>{t('billing.detail.daysOf', { days: p.days, total: s.days_in_month })}</td>
                  <td data-label={t('billing.detail.amount')} className="num">{formatUsd(p.amount_usd, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="statement-line"><span>{t('billing.detail.planFees')}</span><strong>{formatUsd(s.plan_fees_usd, lang)}</strong></p>

      <h3>{t('billing.detail.usage')}</h3>
      {s.usage.calls === 0 && s.usage.cost_usd === 0 ? <p className="muted">{t('billing.detail.noUsage')}</p> : (
        <>
          <div className="table-wrap">
            <table className="stack" aria-label={t('billing.detail.byModel')}>
              <thead><tr><th scope="col">{t('billing.detail.model')}</th><th scope="col">{t('billing.detail.calls')}</th><th scope="col">{t('billing.detail.tokens')}</th>
                <th scope="col" className="num">{t('billing.detail.cost')}</th></tr></thead>
              <tbody>
                {s.usage.by_model.map((m) => (
                  <tr key={`${m.provider}/${m.model}`}>
                    <td data-label={t('billing.detail.model')}>{m.provider ? `${m.provider} · ` : ''}{m.model}</td>
                    <td data-label={t('billing.detail.calls')}>{formatNumber(m.calls, lang)}</td>
                    <td data-label={t('billing.detail.tokens')}>{formatNumber(m.total_tokens, lang)}</td>
                    <td data-label={t('billing.detail.cost')} className="num">{priced(m.cost_usd, m.calls, m.unpriced_calls)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="table-wrap">
            <table className="stack" aria-label={t('billing.detail.byFeature')}>
              <thead><tr><th scope="col">{t('billing.detail.feature')}</th><th scope="col">{t('billing.detail.calls')}</th><th scope="col">{t('billing.detail.tokens')}</th>
                <th scope="col" className="num">{t('billing.detail.cost')}</th></tr></thead>
              <tbody>
                {s.usage.by_feature.map((f) => (
                  <tr key={f.request_type}>
                    <td data-label={t('billing.detail.feature')}>{i18n.exists(`plans.feature.${f.request_type}`) ? t(`plans.feature.${f.request_type}`) : f.request_type}</td>
                    <td data-label={t('billing.detail.calls')}>{formatNumber(f.calls, lang)}</td>
                    <td data-label={t('billing.detail.tokens')}>{formatNumber(f.total_tokens, lang)}</td>
                    <td data-label={t('billing.detail.cost')} className="num">{priced(f.cost_usd, f.calls, f.unpriced_calls)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {s.usage.unpriced_calls > 0 && <p className="muted">{t('billing.detail.unpriced', { count: s.usage.unpriced_calls })}</p>}
        </>
      )}
      <p className="statement-line"><span>{t('billing.usageCost')}</span><strong>{formatCost(s.usage.cost_usd, lang)}{s.usage_cost_krw !== null && ` / ${formatKrw(s.usage_cost_krw, lang)}`}</strong></p>

      <h3>{t('billing.detail.totals')}</h3>
      <dl className="statement-totals">
        <div><dt>{t('billing.detail.subtotal')}</dt><dd>{formatUsd(s.subtotal_usd, lang)}{s.subtotal_krw !== null && <span> · {formatKrw(s.subtotal_krw, lang)}</span>}</dd></div>
        {s.vat_usd !== null && s.vat_percent !== null && (
          <div><dt>{t('billing.detail.vat', { percent: s.vat_percent })}</dt><dd>{formatUsd(s.vat_usd, lang)}{s.vat_krw !== null && <span> · {formatKrw(s.vat_krw, lang)}</span>}</dd></div>
        )}
        <div className="grand"><dt>{t('billing.detail.total')}</dt><dd>{formatUsd(s.total_usd, lang)}{s.total_krw !== null && <span> · {formatKrw(s.total_krw, lang)}</span>}</dd></div>
      </dl>
      <p className="muted small">{s.krw_per_usd === null ? t('billing.detail.noRate') : t('billing.detail.rate', { rate: formatRate(s.krw_per_usd, lang) })}</p>
      <p className="muted small">{t('billing.detail.rounding')}</p>
    </div>
  );
}
