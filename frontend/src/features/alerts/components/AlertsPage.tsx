import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/Layout';
import { Badge } from '@/components/Badge';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { Pagination } from '@/components/Pagination';
import { EmptyState, ErrorState, Loading } from '@/components/States';
import { useToast } from '@/components/Toasts';
import { errorMessage } from '@/components/server-errors';
import { useDates } from '@/lib/time-zone';
import type { AlertChannel, AlertRule } from '@/types/api';
import { useAlertRules } from '../api/get-alert-rules';
import { useAlertChannels } from '../api/get-alert-channels';
import { useAlertDeliveries } from '../api/get-alert-deliveries';
import { useDeleteAlertRule } from '../api/delete-alert-rule';
import { useDeleteAlertChannel } from '../api/delete-alert-channel';
import { useTestAlertChannel } from '../api/test-alert-channel';
import { useSaveAlertRule } from '../api/save-alert-rule';
import { METRICS } from '../metrics';
import { RuleFormModal, type Option } from './RuleFormModal';
import { ChannelFormModal } from './ChannelFormModal';

const STATUS_TONE = { pending: 'warn', sent: 'ok', failed: 'off' } as const;

/**
 * The super-admin's alerts: rules (what is watched, at which thresholds, over which channels), channels (e-mail
 * lists and webhooks, each with "send test") and the delivery history.
 */
export function AlertsPage({ plans, settings }: { plans: Option[]; settings: Option[] }) {
  const { t } = useTranslation();
  const { dateTime } = useDates();
  const toast = useToast();
  const rules = useAlertRules();
  const channels = useAlertChannels();
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(0);
  const deliveries = useAlertDeliveries({ status, page });
  const removeRule = useDeleteAlertRule();
  const removeChannel = useDeleteAlertChannel();
  const test = useTestAlertChannel();
  const createDefaults = useSaveAlertRule();
  const [editingRule, setEditingRule] = useState<AlertRule | 'new' | null>(null);
  const [editingChannel, setEditingChannel] = useState<AlertChannel | 'new' | null>(null);
  const [deletingRule, setDeletingRule] = useState<AlertRule | null>(null);
  const [deletingChannel, setDeletingChannel] = useState<AlertChannel | null>(null);
  const channelName = (id: number) => channels.data?.find((c) => c.id === id)?.name ?? `#${id}`;

  const addSuggested = async () => {
    for (const metric of METRICS) {
      await createDefaults.mutateAsync({ input: { name: t(`alerts.metric.${metric}`), metric,
        thresholds: metric === 'provider_key_rejected' ? [100] : metric === 'provider_error_rate' ? [20, 50] : [80, 100], channel_ids: [], min_calls: 10 } });
    }
  };

  const runTest = (channel: AlertChannel) => test.mutate(channel.id, {
    onSuccess: (results) => toast(results.every((r) => r.status === 'sent') ? t('alerts.channels.testSent')
      : t('alerts.channels.testFailed', { error: results.find((r) => r.status !== 'sent')?.last_error ?? '' })),
    onError: (e) => toast(errorMessage(e)),
  });

  return (
    <section>
      <PageHeader title={t('alerts.title')} subtitle={t('alerts.subtitle')} />

      <div className="tab-actions">
        <h2>{t('alerts.rules.title')}</h2>
        <button type="button" className="button primary" onClick={() => setEditingRule('new')}>{t('alerts.rules.add')}</button>
      </div>
      {rules.isPending ? <Loading /> : rules.isError ? <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />
        : rules.data.length === 0 ? (
          <EmptyState>
            {t('alerts.rules.empty')}{' '}
            <button type="button" className="button small" disabled={createDefaults.isPending} onClick={() => void addSuggested()}>
              {t('alerts.rules.addSuggested')}
            </button>
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="stack">
              <thead>
                <tr>
                  <th scope="col">{t('alerts.rules.name')}</th><th scope="col">{t('alerts.rules.metric')}</th>
                  <th scope="col">{t('alerts.rules.thresholds')}</th><th scope="col">{t('alerts.rules.scope')}</th>
                  <th scope="col">{t('alerts.rules.channels')}</th><th scope="col">{t('common.status')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {rules.data.map((r) => (
                  <tr key={r.id}>
                    <td data-label={t('alerts.rules.name')}><strong>{r.name}</strong></td>
                    <td data-label={t('alerts.rules.metric')}>{t(`alerts.metric.${r.metric}`)}</td>
                    <td data-label={t('alerts.rules.thresholds')}>{r.metric === 'provider_key_rejected' ? '—' : r.thresholds.map((x) => `${x}%`).join(', ')}</td>
                    <td data-label={t('alerts.rules.scope')}>{[r.plan_name, r.ai_settings_name].filter(Boolean).join(' · ') || t('alerts.rules.everything')}</td>
                    <td data-label={t('alerts.rules.channels')}>{[t('alerts.rules.inApp'), ...r.channel_ids.map(channelName)].join(', ')}</td>
                    <td data-label={t('common.status')}><Badge tone={r.enabled ? 'ok' : 'off'}>{r.enabled ? t('alerts.enabled') : t('alerts.disabled')}</Badge></td>
                    <td data-label={t('common.actions')}><div className="actions">
                      <button type="button" className="button small" onClick={() => setEditingRule(r)}>{t('common.edit')}</button>
                      <button type="button" className="button small danger" onClick={() => { removeRule.reset(); setDeletingRule(r); }}>{t('common.delete')}</button>
                    </div></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}

      <div className="tab-actions">
        <h2>{t('alerts.channels.title')}</h2>
        <button type="button" className="button primary" onClick={() => setEditingChannel('new')}>{t('alerts.channels.add')}</button>
      </div>
      {channels.isPending ? <Loading /> : channels.isError ? <ErrorState error={channels.error} onRetry={() => void channels.refetch()} />
        : channels.data.length === 0 ? <EmptyState>{t('alerts.channels.empty')}</EmptyState> : (
          <div className="cards">
            {channels.data.map((c) => (
              <article key={c.id} className="card channel-card" aria-label={c.name}>
                <header className="card-head">
                  <h3>{c.name}</h3>
                  <Badge tone={c.enabled ? 'ok' : 'off'}>{c.enabled ? t('alerts.enabled') : t('alerts.disabled')}</Badge>
                </header>
                <p className="muted">{t(`alerts.kind.${c.kind}`)}{c.kind === 'webhook' ? ` · ${t(`alerts.format.${c.format}`)}` : ''}</p>
                <p className="wrap-anywhere">{c.kind === 'webhook' ? c.url
                  : [...c.recipients, ...(c.notify_member ? [t('alerts.channels.theMember')] : [])].join(', ')}</p>
                {c.has_secret && <p className="muted">{t(c.kind === 'webhook' ? 'alerts.channels.signed' : 'alerts.channels.passwordStored')}</p>}
                <div className="actions">
                  <button type="button" className="button small" disabled={test.isPending} onClick={() => runTest(c)}>{t('alerts.channels.sendTest')}</button>
                  <button type="button" className="button small" onClick={() => setEditingChannel(c)}>{t('common.edit')}</button>
                  <button type="button" className="button small danger" onClick={() => { removeChannel.reset(); setDeletingChannel(c); }}>{t('common.delete')}</button>
                </div>
              </article>
            ))}
          </div>
        )}

      <div className="tab-actions">
        <h2>{t('alerts.deliveries.title')}</h2>
        <select aria-label={t('alerts.deliveries.filterStatus')} value={status} onChange={(e) => { setStatus(e.target.value); setPage(0); }}>
          <option value="">{t('common.all')}</option>
          {(['pending', 'sent', 'failed'] as const).map((s) => <option key={s} value={s}>{t(`alerts.deliveries.status.${s}`)}</option>)}
        </select>
      </div>
      {deliveries.isPending ? <Loading /> : deliveries.isError ? <ErrorState error={deliveries.error} onRetry={() => void deliveries.refetch()} />
        : deliveries.data.items.length === 0 ? <EmptyState>{t('alerts.deliveries.empty')}</EmptyState> : (
          <>
            <div className="table-wrap">
              <table className="stack">
                <thead>
                  <tr>
                    <th scope="col">{t('alerts.deliveries.time')}</th><th scope="col">{t('alerts.deliveries.channel')}</th>
                    <th scope="col">{t('alerts.deliveries.about')}</th><th scope="col">{t('common.status')}</th>
                    <th scope="col">{t('alerts.deliveries.attempts')}</th><th scope="col">{t('alerts.deliveries.lastError')}</th>
                  </tr>
                </thead>
                <tbody>
                  {deliveries.data.items.map((d) => (
                    <tr key={d.id}>
                      <td data-label={t('alerts.deliveries.time')}>{dateTime(d.created_at)}</td>
                      <td data-label={t('alerts.deliveries.channel')}>{d.channel_name}{d.recipient && <div className="muted wrap-anywhere">{d.recipient}</div>}</td>
                      <td data-label={t('alerts.deliveries.about')}>{d.is_test ? t('alerts.deliveries.test')
                        : `${d.metric ? t(`alerts.metric.${d.metric}`) : ''} ${d.threshold ?? ''}% · ${d.subject_name ?? ''}`}</td>
                      <td data-label={t('common.status')}><Badge tone={STATUS_TONE[d.status]}>{t(`alerts.deliveries.status.${d.status}`)}</Badge></td>
                      <td data-label={t('alerts.deliveries.attempts')}>{d.attempts}</td>
                      <td data-label={t('alerts.deliveries.lastError')} className="wrap-anywhere">{d.last_error ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={page} size={deliveries.data.size} total={deliveries.data.total} onPage={setPage} />
          </>
        )}

      {editingRule && <RuleFormModal rule={editingRule === 'new' ? undefined : editingRule} channels={channels.data ?? []}
        plans={plans} settings={settings} onClose={() => setEditingRule(null)} />}
      {editingChannel && <ChannelFormModal channel={editingChannel === 'new' ? undefined : editingChannel} onClose={() => setEditingChannel(null)} />}
      {deletingRule && (
        <ConfirmDialog danger message={t('alerts.rules.confirmDelete', { name: deletingRule.name })} confirmLabel={t('common.delete')}
          busy={removeRule.isPending} error={removeRule.error} onCancel={() => setDeletingRule(null)}
          onConfirm={() => removeRule.mutate(deletingRule.id, { onSuccess: () => { setDeletingRule(null); toast(t('common.deleted')); } })} />
      )}
      {deletingChannel && (
        <ConfirmDialog danger message={t('alerts.channels.confirmDelete', { name: deletingChannel.name })} confirmLabel={t('common.delete')}
          busy={removeChannel.isPending} error={removeChannel.error} onCancel={() => setDeletingChannel(null)}
          onConfirm={() => removeChannel.mutate(deletingChannel.id, { onSuccess: () => { setDeletingChannel(null); toast(t('common.deleted')); } })} />
      )}
    </section>
  );
}
