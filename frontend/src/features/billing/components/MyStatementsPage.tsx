import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/Layout';
import { EmptyState, ErrorState, Loading } from '@/components/States';
import { formatMonth, formatUsd } from '@/lib/format';
import { myStatementPath, useMyStatement, useMyStatements } from '../api/get-my-statements';
import { formatKrw } from '../money';
import { DownloadButton } from './DownloadButton';
import { MonthStateBadge } from './MonthStateBadge';
import { StatementDetail } from './StatementDetail';

/** 내 청구서: the member's statements by month, one opened below the list, each downloadable as a PDF. */
export function MyStatementsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const statements = useMyStatements();
  const [chosen, setChosen] = useState<string | null>(null);
  const month = chosen ?? statements.data?.[0]?.month ?? null;
  const statement = useMyStatement(month);

  return (
    <section>
      <PageHeader title={t('myStatements.title')} subtitle={t('myStatements.subtitle')} />
      {statements.isPending ? <Loading /> : statements.isError ? <ErrorState error={statements.error} onRetry={() => void statements.refetch()} />
        : statements.data.length === 0 ? <EmptyState>{t('myStatements.empty')}</EmptyState> : (
          <div className="my-statements">
            <div className="table-wrap">
              <table className="stack" aria-label={t('myStatements.list')}>
                <thead><tr><th scope="col">{t('myStatements.month')}</th><th scope="col">{t('common.status')}</th><th scope="col">{t('billing.columns.plans')}</th>
                  <th scope="col" className="num">{t('billing.columns.total')}</th><th scope="col" className="num">{t('billing.columns.totalKrw')}</th><th scope="col">{t('billing.columns.actions')}</th></tr></thead>
                <tbody>
                  {statements.data.map((s) => (
                    <tr key={s.month} aria-current={s.month === month ? 'true' : undefined}>
                      <td data-label={t('myStatements.month')}><strong>{formatMonth(s.month, lang)}</strong></td>
                      <td data-label={t('common.status')}><MonthStateBadge state={s.state} current={s.current} /></td>
                      <td data-label={t('billing.columns.plans')}>{s.plans.length === 0 ? '—' : s.plans.join(', ')}</td>
                      <td data-label={t('billing.columns.total')} className="num">{formatUsd(s.total_usd, lang)}</td>
                      <td data-label={t('billing.columns.totalKrw')} className="num">{s.total_krw === null ? '—' : formatKrw(s.total_krw, lang)}</td>
                      <td data-label={t('billing.columns.actions')}><div className="actions">
                        <button type="button" className="button small" aria-label={`${t('billing.view')}: ${formatMonth(s.month, lang)}`}
                          onClick={() => setChosen(s.month)}>{t('billing.view')}</button>
                        <DownloadButton small path={`${myStatementPath(s.month)}?format=pdf`} fileName={`${s.month}.pdf`} label={t('billing.downloads.pdf')} />
                      </div></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {month && (
              <section className="card" aria-label={formatMonth(month, lang)}>
                {statement.isPending ? <Loading /> : statement.isError ? <ErrorState error={statement.error} onRetry={() => void statement.refetch()} />
                  : <StatementDetail statement={statement.data} />}
              </section>
            )}
          </div>
        )}
    </section>
  );
}
