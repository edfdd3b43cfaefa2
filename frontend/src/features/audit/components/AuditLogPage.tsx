import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/Layout';
import { Field } from '@/components/Field';
import { Pagination } from '@/components/Pagination';
import { EmptyState, ErrorState, Loading } from '@/components/States';
import { useToast } from '@/components/Toasts';
import { errorMessage } from '@/components/server-errors';
import { useDates } from '@/lib/time-zone';
import type { AuditEntry } from '@/types/api';
import { useAuditLog } from '../api/get-audit-log';
import { useDownloadAuditCsv } from '../api/download-audit-csv';
import { actionsOf, ENTITY_TYPES } from '../catalog';
import { AUDIT_PAGE_SIZE, FILTER_KEYS, filterProblems, readFilter, readPage, type AuditFilter } from '../filter';
import { actionLabel, entityLabel } from '../words';
import { AuditEntryDetail } from './AuditEntryDetail';

/** Who changed what, when: searchable by actor, action, entity and days, paged, with each entry's detail and a CSV. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const { dateTime, zone } = useDates();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const page = readPage(params);
  const problems = filterProblems(filter);
  const valid = Object.keys(problems).length === 0;
  const log = useAuditLog(filter, page, valid);
  const csv = useDownloadAuditCsv();
  const toast = useToast();
  const [open, setOpen] = useState<AuditEntry | null>(null);
  const filtered = FILTER_KEYS.some((k) => filter[k]);

  const update = (changes: Partial<AuditFilter> & { page?: number }) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === '' || v === undefined || v === 0) next.delete(k); else next.set(k, String(v));
    }
    if (changes.page === undefined) next.delete('page');
    setParams(next, { replace: true });
  };
  const setEntityType = (entity_type: string) => {
    // An action of another kind of entity would match nothing.
    update({ entity_type, action: filter.action && !actionsOf(entity_type).includes(filter.action) ? '' : filter.action });
  };
  const problem = (k: keyof AuditFilter) => {
    const code = problems[k];
    return code ? t(`violations.${code}`) : undefined;
  };
  const downloadCsv = () => csv.mutate(filter, { onError: (e) => toast(errorMessage(e), 'error') });

  return (
    <section>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')}
        actions={<button type="button" className="button" disabled={!valid || csv.isPending} onClick={downloadCsv}>
          {csv.isPending ? t('audit.downloading') : t('audit.downloadCsv')}</button>} />
      <form role="search" aria-label={t('audit.filters')} className="audit-filters" onSubmit={(e) => e.preventDefault()}>
        <Field label={t('audit.actor')} hint={t('audit.actorHint')}>
          <input type="search" value={filter.actor} autoComplete="off" onChange={(e) => update({ actor: e.target.value })} />
        </Field>
        <Field label={t('audit.entityType')}>
          <select value={filter.entity_type} onChange={(e) => setEntityType(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {ENTITY_TYPES.map((type) => <option key={type} value={type}>{entityLabel(t, type)}</option>)}
          </select>
        </Field>
        <Field label={t('audit.entityId')} error={problem('entity_id')}>
          <input inputMode="numeric" value={filter.entity_id} autoComplete="off" onChange={(e) => update({ entity_id: e.target.value })} />
        </Field>
        <Field label={t('audit.action')}>
          <select value={filter.action} onChange={(e) => update({ action: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {filter.action && !actionsOf(filter.entity_type).includes(filter.action) && <option value={filter.action}>{filter.action}</option>}
            {actionsOf(filter.entity_type).map((a) => <option key={a} value={a}>{actionLabel(t, a)}</option>)}
          </select>
        </Field>
        <Field label={t('audit.startDate')} hint={zone ? t('audit.zoneHint', { zone }) : undefined}>
          <input type="date" value={filter.start_date} onChange={(e) => update({ start_date: e.target.value })} />
        </Field>
        <Field label={t('audit.endDate')} error={problem('end_date')}>
          <input type="date" value={filter.end_date} onChange={(e) => update({ end_date: e.target.value })} />
        </Field>
        {filtered && (
          <div className="audit-filters-clear">
            <button type="button" className="button" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
              {t('audit.clearFilters')}</button>
          </div>
        )}
      </form>
      {!valid ? <EmptyState>{t('audit.fixFilters')}</EmptyState>
        : log.isPending ? <Loading />
          : log.isError ? <ErrorState error={log.error} onRetry={() => void log.refetch()} />
            : log.data.items.length === 0 ? <EmptyState>{filtered ? t('audit.noMatch') : t('audit.empty')}</EmptyState> : (
              <>
                <p className="muted" role="status">{t('audit.total', { count: log.data.total })}</p>
                <div className="table-wrap">
                  <table className="stack" aria-label={t('audit.title')}>
                    <thead><tr>
                      <th scope="col">{t('audit.time')}</th><th scope="col">{t('audit.actor')}</th>
                      <th scope="col">{t('audit.action')}</th><th scope="col">{t('audit.entity')}</th>
                      <th scope="col"><span className="sr-only">{t('audit.detail.title')}</span></th>
                    </tr></thead>
                    <tbody>
                      {log.data.items.map((e) => (
                        <tr key={e.id}>
                          <td data-label={t('audit.time')} className="nowrap">{dateTime(e.created_at)}</td>
                          <td data-label={t('audit.actor')}>{e.actor}</td>
                          <td data-label={t('audit.action')}>{actionLabel(t, e.action)}</td>
                          <td data-label={t('audit.entity')}>{entityLabel(t, e.entity_type)}{e.entity_id !== null && ` #${e.entity_id}`}</td>
                          <td data-label="">
                            <button type="button" className="button small" onClick={() => setOpen(e)}
                              aria-label={t('audit.openDetail', { action: actionLabel(t, e.action), time: dateTime(e.created_at) })}>
                              {t('audit.detail.open')}</button>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <Pagination page={page} size={AUDIT_PAGE_SIZE} total={log.data.total} onPage={(p) => update({ page: p })} />
              </>
            )}
      {open && (
        <AuditEntryDetail entry={open} onClose={() => setOpen(null)}
          onShowHistory={(entity_type, entity_id) => {
            setOpen(null);
            setParams(new URLSearchParams({ entity_type, entity_id: String(entity_id) }), { replace: false });
          }} />
      )}
    </section>
  );
}
