import type { TFunction } from 'i18next';
import type { ChartOption } from '@/components/charts/echarts';
import type { AnalyticsReport } from '@/types/api';
import type { GroupBy } from './filters';
import { groupLabel, memberLabel, periodLabel } from './labels';

const axisLabel = { hideOverlap: true };
const grid = { left: 8, right: 8, top: 40, bottom: 8, containLabel: true };

/** One stacked bar per group and period: `value` of each point (0 where a group had no calls). */
function stacked(t: TFunction, report: AnalyticsReport, groupBy: GroupBy, value: (f: AnalyticsReport['totals']) => number,
  format: (v: number) => string): ChartOption {
  const index = new Map(report.periods.map((p, i) => [p, i]));
  const series = report.groups.map((group, g) => {
    const data = report.periods.map(() => 0);
    for (const point of report.series) {
      if (point.group === g) data[index.get(point.period)!] = value(point.figures);
    }
    return { type: 'bar' as const, name: groupLabel(t, groupBy, group), stack: 'total', data, emphasis: { focus: 'series' as const } };
  });
  return {
    grid,
    legend: { type: 'scroll', top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => format(Number(v)) },
    xAxis: { type: 'category', data: report.periods.map((p) => periodLabel(report, p)), axisLabel },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => format(v) } },
    series,
  };
}

export function costByGroup(t: TFunction, report: AnalyticsReport, groupBy: GroupBy, formatUsd: (v: number) => string) {
  return stacked(t, report, groupBy, (f) => f.cost, formatUsd);
}

export function tokensByGroup(t: TFunction, report: AnalyticsReport, groupBy: GroupBy, formatNumber: (v: number) => string) {
  return stacked(t, report, groupBy, (f) => f.total_tokens, formatNumber);
}

/** p50 and p95 of total latency and of time to first token, per period (gaps where nothing was answered). */
export function latency(t: TFunction, report: AnalyticsReport): ChartOption {
  const byPeriod = new Map(report.period_totals.map((p) => [p.period, p.figures]));
  const line = (name: string, value: (f: AnalyticsReport['totals']) => number | null, dashed: boolean) => ({
    type: 'line' as const, name, symbolSize: 5, connectNulls: false,
    lineStyle: dashed ? { type: 'dashed' as const } : undefined,
    data: report.periods.map((p) => { const f = byPeriod.get(p); return f ? value(f) : null; }),
  });
  return {
    grid,
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : `${Number(v).toLocaleString()} ms`) },
    xAxis: { type: 'category', data: report.periods.map((p) => periodLabel(report, p)), axisLabel },
    yAxis: { type: 'value', axisLabel: { formatter: '{value} ms' } },
    series: [
      line(t('analytics.latencyP50'), (f) => f.latency_p50_ms, false),
      line(t('analytics.latencyP95'), (f) => f.latency_p95_ms, false),
      line(t('analytics.ttftP50'), (f) => f.ttft_p50_ms, true),
      line(t('analytics.ttftP95'), (f) => f.ttft_p95_ms, true),
    ],
  };
}

/** The heat map of cost per member (the largest `limit`) and model. */
export function memberModelHeatmap(t: TFunction, report: AnalyticsReport, formatUsd: (v: number) => string, limit = 15): ChartOption {
  const members = report.members.slice(0, limit);
  const row = new Map(members.map((m, i) => [m.member_id, i]));
  const column = new Map(report.models.map((m, i) => [m, i]));
  const data = report.matrix.filter((c) => row.has(c.member_id)).map((c) => [column.get(c.model)!, row.get(c.member_id)!, c.cost]);
  const max = Math.max(0, ...data.map((d) => d[2]!));
  return {
    grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
    tooltip: { position: 'top', valueFormatter: (v) => formatUsd(Number(v)) },
    xAxis: { type: 'category', data: report.models.map((m) => m ?? t('analytics.none')), splitArea: { show: true }, axisLabel: { ...axisLabel, rotate: 20 } },
    yAxis: { type: 'category', data: members.map((m) => memberLabel(t, m)), inverse: true, splitArea: { show: true } },
    visualMap: { min: 0, max: max || 1, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120,
      formatter: (v: unknown) => formatUsd(Number(v)), inRange: { color: ['#eef2ff', '#4f46e5'] } },
    series: [{ type: 'heatmap', name: t('analytics.cost'), data, label: { show: false }, emphasis: { itemStyle: { borderColor: '#1d2433', borderWidth: 1 } } }],
  };
}
