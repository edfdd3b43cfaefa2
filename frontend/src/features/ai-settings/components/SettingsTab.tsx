import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/Badge';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { EmptyState, ErrorState, Loading } from '@/components/States';
import { useToast } from '@/components/Toasts';
import { errorMessage } from '@/components/server-errors';
import { formatNumber } from '@/lib/format';
import { useDates } from '@/lib/time-zone';
import type { AiSetting, ConnectionTestResult } from '@/types/api';
import { useAiSettings } from '../api/get-ai-settings';
import { useDeleteAiSetting } from '../api/delete-ai-setting';
import { useTestConnection } from '../api/test-connection';
import { connectionTestMessage } from '../connection-test-message';
import { showsKeyCharacters } from '../key-hint';
import { SettingFormModal } from './SettingFormModal';

export function SettingsTab({ onShowUsage }: { onShowUsage: (settingId: number) => void }) {
  const { t, i18n } = useTranslation();
  const { dateTime } = useDates();
  const settings = useAiSettings();
  const remove = useDeleteAiSetting();
  const test = useTestConnection();
  const toast = useToast();
  const [editing, setEditing] = useState<AiSetting | 'new' | null>(null);
  const [deleting, setDeleting] = useState<AiSetting | null>(null);
  const [results, setResults] = useState<Record<number, ConnectionTestResult | { failure: unknown }>>({});
  const [testing, setTesting] = useState<number | null>(null);
  const limit = (n: number) => (n === 0 ? t('common.unlimited') : t('settings.requests', { count: n, value: formatNumber(n, i18n.language) }));
  const keyHint = (s: AiSetting) => (s.api_key_hint === null ? t('settings.noKey')
    : showsKeyCharacters(s.api_key_hint) ? <code>{s.api_key_hint}</code> : t('settingKey.hidden', { at: dateTime(s.updated_at) }));

  const runTest = (s: AiSetting) => {
    setTesting(s.id);
    test.mutate(s.id, {
      onSuccess: (r) => setResults((all) => ({ ...all, [s.id]: r })),
      onError: (failure) => setResults((all) => ({ ...all, [s.id]: { failure } })),
      onSettled: () => setTesting(null),
    });
  };

  return (
    <div>
      <div className="tab-actions">
        <button type="button" className="button primary" onClick={() => setEditing('new')}>{t('settings.add')}</button>
      </div>
      {settings.isPending ? <Loading /> : settings.isError ? <ErrorState error={settings.error} onRetry={() => void settings.refetch()} /> :
        settings.data.length === 0 ? <EmptyState>{t('settings.empty')}</EmptyState> : (
          <ul className="cards" aria-label={t('aiService.tabs.settings')}>
            {settings.data.map((s) => {
              const result = results[s.id];
              return (
                <li key={s.id} className="card setting-card">
                  <div className="card-head">
                    <h3>{s.name}</h3>
                    <Badge tone={s.is_active ? 'ok' : 'off'}>{s.is_active ? t('common.active') : t('common.inactive')}</Badge>
                  </div>
                  <p className="muted">{t(`settings.providers.${s.provider}`)} – {s.model_name}</p>
                  {s.provider === 'sandbox' && <Badge tone="warn">{t('settings.sandboxLabel')}</Badge>}
                  <dl className="facts">
                    <div><dt>{t('settings.dailyLimit')}</dt><dd>{limit(s.daily_limit)}</dd></div>
                    <div><dt>{t('settings.monthlyLimit')}</dt><dd>{limit(s.monthly_limit)}</dd></div>
                    <div><dt>{t('settings.hourlyLimit')}</dt><dd>{limit(s.hourly_limit)}</dd></div>
                    {s.provider !== 'sandbox' && <div><dt>{t('settings.keyHint')}</dt><dd>{keyHint(s)}</dd></div>}
                  </dl>
                  <p className="muted">{t('settings.members', { count: s.members_count })}</p>
                  {s.last_error && (
                    <p role="alert" className="test-result fail">
                      {t('settings.keyFailure', { at: s.last_error_at ? dateTime(s.last_error_at) : '' })}
                    </p>
                  )}
                  {result && (
                    <p role="status" className={'failure' in result || !result.success ? 'test-result fail' : 'test-result ok'}>
                      {'failure' in result ? errorMessage(result.failure) : `${result.success ? t('settings.testOk') : t('settings.testFail')}: ${connectionTestMessage(result)} (${result.latency_ms} ms)`}
                    </p>
                  )}
                  <div className="card-actions">
                    <button type="button" className="button small" onClick={() => setEditing(s)}>{t('settings.edit')}</button>
                    <button type="button" className="button small" disabled={testing === s.id} onClick={() => runTest(s)}>
                      {testing === s.id ? t('settings.testing') : t('settings.test')}
                    </button>
                    <button type="button" className="button small" onClick={() => onShowUsage(s.id)}>{t('settings.usage')}</button>
                    <button type="button" className="button small danger" onClick={() => { remove.reset(); setDeleting(s); }}>{t('settings.delete')}</button>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      {editing && <SettingFormModal setting={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      {deleting && (
        <ConfirmDialog danger message={t('settings.confirmDelete', { name: deleting.name })} confirmLabel={t('settings.delete')}
          busy={remove.isPending} error={remove.error} onCancel={() => setDeleting(null)}
          onConfirm={() => remove.mutate(deleting.id, { onSuccess: () => { setDeleting(null); toast(t('common.deleted')); } })} />
      )}
    </div>
  );
}
