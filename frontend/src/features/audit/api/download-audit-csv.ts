import { useMutation } from '@tanstack/react-query';
import { download, saveFile } from '@/lib/api-client';
import { toQuery, type AuditFilter } from '../filter';

/** GET /api/admin/audit-log?format=csv — every entry of the filter, saved under the server's file name. */
export async function downloadAuditCsv(filter: AuditFilter) {
  const query = toQuery(filter);
  query.set('format', 'csv');
  saveFile(await download(`/api/admin/audit-log?${query}`, 'text/csv', 'labgate-audit-log.csv'));
}

export function useDownloadAuditCsv() {
  return useMutation({ mutationFn: downloadAuditCsv });
}
