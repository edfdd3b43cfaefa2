import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/Layout';
import { EmptyState, ErrorState, Loading } from '@/components/States';
import { Chart } from '@/components/charts/Chart';
import { errorMessage, violationLine, violationMessage } from '@/components/server-errors';
import { ApiError } from '@/lib/api-client';
import { formatNumber, formatUsd } from '@/lib/format';
import type { AnalyticsFigures, AnalyticsReport } from '@/types/api';
import { downloadAnalyticsCsv, useAnalytics } from '../api/get-analytics';
import { CSV_TABLES, filtersFromParams, filtersToParams, type AnalyticsFilters, type CsvTable } from '../filters';
import { costByGroup, latency, memberModelHeatmap, tokensByGroup } from '../charts';
import { memberLabel } from '../labels';
import { AnalyticsFiltersBar, type Option } from './AnalyticsFiltersBar';

/**
 * The super-admin's analytics: cost per day by model (or whatever the report is broken down by), tokens by
 * feature, latency percentiles, a member × model heat map and the members by cost, for a range and filters kept
 * in the URL; every table downloads as CSV.
 */
export function AnalyticsPage({ settings, plans }: { settings: Option[]; plans: Option[] }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const update = (patch: Partial<AnalyticsFilters>) => setParams(filtersToParams({ ...filters, ...patch }), { replace: true });
  const report = useAnalytics(filters);
  // Tokens are always shown by feature: the same report broken down by feature (the same query when it already is).
  const byFeature = useAnalytics({ ...filters, groupBy: 'feature' });
  const data = report.data;

  return (
    <section className="analytics">
      <PageHeader title={t('analytics.title')} subtitle={t('analytics.subtitle')} />
      <AnalyticsFiltersBar filters={filters} from={data?.from} to={data?.to} models={data?.models.filter((m): m is string => m !== null) ?? []}
        settings={settings} plans={plans} onChange={update} />
      {filters.memberId !== undefined && (
        <p className="filter-chip" role="status">
          <span>{t('analytics.memberFilter', { name: memberName(t, data, filters.memberId) })}</span>
          <button type="button" className="button small" onClick={() => update({ memberId: undefined })}>{t('analytics.clearMember')}</button>
        </p>
      )}
      {report.isPending ? <Loading /> : report.isError ? <ReportError error={report.error} onRetry={() => void report.refetch()} />
        : report.data.totals.requests === 0 ? <EmptyState title={t('analytics.emptyTitle')}>{t('analytics.empty')}</EmptyState>
          : <Report report={report.data} byFeature={byFeature.data} filters={filters} onMember={(id) => update({ memberId: id })} />}
    </section>
  );
}

const FIELD_LABELS: Record<string, string> = { from: 'analytics.from', to: 'analytics.to', granularity: 'analytics.granularity',
  group_by: 'analytics.groupBy', model: 'analytics.dimensions.model', setting_id: 'analytics.dimensions.setting',
  plan_id: 'analytics.dimensions.plan', feature: 'analytics.dimensions.feature', channel: 'analytics.dimensions.channel',
  member_id: 'analytics.member' };

/** What went wrong, with each rejected filter named as the form names it. */
function ReportError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const violations = error instanceof ApiError ? error.violations : [];
  return (
    <>
      <ErrorState error={error} onRetry={onRetry} />
      {violations.length > 0 && (
        <ul className="form-error">
          {violations.map((v) => (
            <li key={v.field}>{FIELD_LABELS[v.field] ? `${t(FIELD_LABELS[v.field]!)}: ${violationMessage(v)}` : violationLine(v)}</li>
          ))}
        </ul>
      )}
    </>
  );
}

function memberName(t: ReturnType<typeof useTranslation>['t'], report: AnalyticsReport | undefined, id: number) {
  const member = report?.members.find((m) => m.member_id === id);
  return member ? memberLabel(t, member) : `#${id}`;
}

function Report({ report, byFeature, filters, onMember }: {
  report: AnalyticsReport;
  byFeature?: AnalyticsReport;
  filters: AnalyticsFilters;
  onMember: (id: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const groupBy = report.group_by as AnalyticsFilters['groupBy'];
  const charts = useMemo(() => {
    const usd = (v: number) => formatUsd(v, lang);
    return { cost: costByGroup(t, report, groupBy, usd), times: latency(t, report), heat: memberModelHeatmap(t, report, usd) };
  }, [report, groupBy, t, lang]);
  const tokens = useMemo(() => (byFeature ? tokensByGroup(t, byFeature, 'feature', (v) => formatNumber(v, lang)) : null),
    [byFeature, t, lang]);
  const dimension = t(`analytics.dimensions.${groupBy}`);

  return (
    <>
      <Kpis totals={report.totals} />
      <div className="analytics-grid">
        <figure className="card chart-card">
          <figcaption>{t('analytics.costBy', { dimension })}</figcaption>
          <Chart option={charts.cost} label={t('analytics.costBy', { dimension })} />
        </figure>
        <figure className="card chart-card">
          <figcaption>{t('analytics.tokensByFeature')}</figcaption>
          {tokens ? <Chart option={tokens} label={t('analytics.tokensByFeature')} /> : <Loading />}
        </figure>
        <figure className="card chart-card">
          <figcaption>{t('analytics.latency')}</figcaption>
          <Chart option={charts.times} label={t('analytics.latency')} />
        </figure>
        <figure className="card chart-card">
          <figcaption>{t('analytics.heatmap')}</figcaption>
          <Chart option={charts.heat} label={t('analytics.heatmap')} height={Math.max(240, 40 + Math.min(15, report.members.length) * 28)} />
        </figure>
      </div>
      <TopMembers report={report} onMember={onMember} />
      <CsvDownloads filters={filters} />
    </>
  );
}

function Kpis({ totals }: { totals: AnalyticsFigures }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const n = (v: number) => formatNumber(v, lang);
  const ms = (v: number | null) => (v === null ? '—' : `${n(v)} ms`);
  return (
    <dl className="kpis analytics-kpis">
      <div className="card"><dt>{t('analytics.requests')}</dt><dd>{n(totals.requests)}</dd>
        <small className="muted">{t('analytics.refusalsErrors', { refusals: n(totals.refusals), errors: n(totals.errors) })}</small></div>
      <div className="card"><dt>{t('analytics.tokens')}</dt><dd>{n(totals.total_tokens)}</dd>
        <small className="muted">{t('analytics.tokenKinds', { prompt: n(totals.prompt_tokens), completion: n(totals.completion_tokens),
          cached: n(totals.cached_tokens), reasoning: n(totals.reasoning_tokens) })}</small></div>
      <div className="card"><dt>{t('analytics.cost')}</dt><dd>{formatUsd(totals.cost, lang)}</dd>
        {totals.unpriced_requests > 0 && <small className="muted">{t('analytics.unpriced', { count: totals.unpriced_requests })}</small>}</div>
      <div className="card"><dt>{t('analytics.latency')}</dt><dd>{ms(totals.latency_p50_ms)}</dd>
        <small className="muted">{t('analytics.percentiles', { p95: ms(totals.latency_p95_ms), ttft50: ms(totals.ttft_p50_ms), ttft95: ms(totals.ttft_p95_ms) })}</small></div>
    </dl>
  );
}

function TopMembers({ report, onMember }: { report: AnalyticsReport; onMember: (id: number) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const n = (v: number) => formatNumber(v, lang);
  const top = report.members.slice(0, 10);
  return (
    <div className="card analytics-members">
      <h2>{t('analytics.topMembers')}</h2>
      <div className="table-wrap">
        <table className="stack" aria-label={t('analytics.topMembers')}>
          <thead>
            <tr><th scope="col">{t('analytics.member')}</th><th scope="col">{t('analytics.requests')}</th><th scope="col">{t('analytics.tokens')}</th>
              <th scope="col">{t('analytics.cost')}</th><th scope="col">{t('analytics.refusals')}</th><th scope="col">{t('analytics.errors')}</th>
              <th scope="col"><span className="sr-only">{t('analytics.actions')}</span></th></tr>
          </thead>
          <tbody>
            {top.map((m) => (
              <tr key={m.member_id ?? 'none'}>
                <td data-label={t('analytics.member')}>{memberLabel(t, m)}</td>
                <td data-label={t('analytics.requests')}>{n(m.figures.requests)}</td>
                <td data-label={t('analytics.tokens')}>{n(m.figures.total_tokens)}</td>
                <td data-label={t('analytics.cost')}>{formatUsd(m.figures.cost, lang)}</td>
                <td data-label={t('analytics.refusals')}>{n(m.figures.refusals)}</td>
                <td data-label={t('analytics.errors')}>{n(m.figures.errors)}</td>
                <td data-label={t('analytics.actions')}>
                  {m.member_id !== null && (
                    <button type="button" className="button small" onClick={() => onMember(m.member_id!)}
                      aria-label={t('analytics.onlyMemberOf', { name: memberLabel(t, m) })}>{t('analytics.onlyMember')}</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function CsvDownloads({ filters }: { filters: AnalyticsFilters }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<CsvTable | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const download = async (table: CsvTable) => {
    setBusy(table);
    setFailure(null);
    try {
      await downloadAnalyticsCsv(filters, table);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="card analytics-downloads">
      <h2>{t('analytics.csv')}</h2>
      <div className="card-actions">
        {CSV_TABLES.map((table) => (
          <button key={table} type="button" className="button small" disabled={busy !== null} onClick={() => void download(table)}>
            {t(`analytics.csvTables.${table}`)}
          </button>
        ))}
      </div>
      {failure && <p className="form-error" role="alert">{failure}</p>}
    </div>
  );
}
