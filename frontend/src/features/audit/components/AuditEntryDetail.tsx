import { useTranslation } from 'react-i18next';
import { Modal } from '@/components/Modal';
import { Badge } from '@/components/Badge';
import { useDates } from '@/lib/time-zone';
import type { AuditEntry } from '@/types/api';
import { actionLabel, entityLabel, fieldChanges, formatMoment, valueText } from '../words';

/** One entry: who, when, what, and the entity's fields before and after, the changed ones marked and first. */
export function AuditEntryDetail({ entry, onClose, onShowHistory }: {
  entry: AuditEntry;
  onClose: () => void;
  onShowHistory: (entityType: string, entityId: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const { dateTime, zone } = useDates();
  const moment = (iso: string) => (zone ? formatMoment(iso, i18n.language, zone) : iso);
  const changes = fieldChanges(entry.before, entry.after);
  const changedCount = entry.before && entry.after ? changes.filter((c) => c.changed).length : null;

  return (
    <Modal wide title={t('audit.detail.title')} onClose={onClose}
      footer={<>
        {entry.entity_id !== null && (
          <button type="button" className="button" onClick={() => onShowHistory(entry.entity_type, entry.entity_id!)}>
            {t('audit.detail.history')}
          </button>
        )}
        <button type="button" className="button primary" onClick={onClose}>{t('common.close')}</button>
      </>}>
      <dl className="facts">
        <div><dt>{t('audit.time')}</dt><dd>{dateTime(entry.created_at)}</dd></div>
        <div><dt>{t('audit.actor')}</dt><dd>{entry.actor}</dd></div>
        <div><dt>{t('audit.action')}</dt><dd>{actionLabel(t, entry.action)} <code>{entry.action}</code></dd></div>
        <div><dt>{t('audit.entity')}</dt><dd>{entityLabel(t, entry.entity_type)}{entry.entity_id !== null && ` #${entry.entity_id}`}</dd></div>
      </dl>
      {changes.length === 0 ? <p className="muted">{t('audit.detail.noFields')}</p> : (
        <>
          <p className="muted">{changedCount === null
            ? t(entry.before ? 'audit.detail.removed' : 'audit.detail.created')
            : t('audit.detail.changed', { count: changedCount })}</p>
          <div className="table-wrap">
            <table className="stack audit-changes" aria-label={t('audit.detail.fields')}>
              <thead><tr>
                <th scope="col">{t('audit.detail.field')}</th><th scope="col">{t('audit.detail.before')}</th><th scope="col">{t('audit.detail.after')}</th>
              </tr></thead>
              <tbody>
                {changes.map((c) => (
                  <tr key={c.field} className={c.changed && changedCount !== null ? 'changed' : undefined}>
                    <td data-label={t('audit.detail.field')}><code>{c.field}</code>
                      {c.changed && changedCount !== null && <> <Badge tone="warn">{t('audit.detail.changedBadge')}</Badge></>}</td>
                    <td data-label={t('audit.detail.before')} className="wrap-anywhere">{entry.before ? valueText(c.before, moment) : '—'}</td>
                    <td data-label={t('audit.detail.after')} className="wrap-anywhere">{entry.after ? valueText(c.after, moment) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Modal>
  );
}
