import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, download, saveFile } from '@/lib/api-client';
import type { AnalyticsReport } from '@/types/api';
import { filtersToParams, type AnalyticsFilters, type CsvTable } from '../filters';

export function getAnalytics(filters: AnalyticsFilters) {
  const params = filtersToParams(filters).toString();
  return api<AnalyticsReport>(`/api/admin/analytics${params ? `?${params}` : ''}`);
}

export const analyticsQueryOptions = (filters: AnalyticsFilters) =>
  queryOptions({
    queryKey: ['analytics', filtersToParams(filters).toString()],
    queryFn: () => getAnalytics(filters),
    // Changing a filter keeps the last report on screen until the next one is there.
    placeholderData: keepPreviousData,
  });

export function useAnalytics(filters: AnalyticsFilters) {
  return useQuery(analyticsQueryOptions(filters));
}

/** One of the report's tables as the server's CSV file (UTF-8 with BOM), saved by the browser. */
export async function downloadAnalyticsCsv(filters: AnalyticsFilters, table: CsvTable) {
  const params = filtersToParams(filters);
  params.set('format', 'csv');
  params.set('table', table);
  saveFile(await download(`/api/admin/analytics?${params}`, 'text/csv', `labgate-analytics-${table}.csv`));
}
