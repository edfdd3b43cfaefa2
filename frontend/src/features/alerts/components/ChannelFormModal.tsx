import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '@/components/Modal';
import { Field } from '@/components/Field';
import { errorMessage, violationLine } from '@/components/server-errors';
import { ApiError } from '@/lib/api-client';
import type { AlertChannel, AlertChannelInput, ChannelKind } from '@/types/api';
import { useSaveAlertChannel } from '../api/save-alert-channel';

/** An e-mail list or a webhook. The secret is write-only: left empty, the stored one is kept. */
export function ChannelFormModal({ channel, onClose }: { channel?: AlertChannel; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveAlertChannel();
  const [name, setName] = useState(channel?.name ?? '');
  const [kind, setKind] = useState<ChannelKind>(channel?.kind ?? 'webhook');
  const [url, setUrl] = useState(channel?.url ?? '');
  const [format, setFormat] = useState(channel?.format ?? 'json');
  const [recipients, setRecipients] = useState((channel?.recipients ?? []).join('\n'));
  const [notifyMember, setNotifyMember] = useState(channel?.notify_member ?? false);
  const [language, setLanguage] = useState(channel?.language ?? 'ko');
  const [ownSmtp, setOwnSmtp] = useState(Boolean(channel?.smtp_host));
  const [smtpHost, setSmtpHost] = useState(channel?.smtp_host ?? '');
  const [smtpPort, setSmtpPort] = useState(channel?.smtp_port ? String(channel.smtp_port) : '587');
  const [smtpUsername, setSmtpUsername] = useState(channel?.smtp_username ?? '');
  const [smtpFrom, setSmtpFrom] = useState(channel?.smtp_from ?? '');
  const [startTls, setStartTls] = useState(channel?.smtp_start_tls ?? true);
  const [secret, setSecret] = useState('');
  const [enabled, setEnabled] = useState(channel?.enabled ?? true);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const input: AlertChannelInput = { name: name.trim(), kind, language, enabled, ...(secret ? { secret } : {}) };
    if (kind === 'webhook') Object.assign(input, { url: url.trim(), format });
    else {
      Object.assign(input, { recipients: recipients.split(/[\n,;]+/).map((r) => r.trim()).filter(Boolean), notify_member: notifyMember });
      if (ownSmtp) {
        Object.assign(input, { smtp_host: smtpHost.trim(), smtp_port: Number(smtpPort), smtp_username: smtpUsername.trim() || undefined,
          smtp_from: smtpFrom.trim() || undefined, smtp_start_tls: startTls });
      }
    }
    save.mutate({ input, id: channel?.id }, { onSuccess: onClose });
  };

  const fieldError = (field: string) => {
    if (!(save.error instanceof ApiError)) return undefined;
    const v = save.error.violations.find((x) => x.field === field || x.field.startsWith(`${field}[`));
    return v ? violationLine(v) : undefined;
  };
  const otherError = save.error && !(save.error instanceof ApiError && save.error.violations.length > 0) ? errorMessage(save.error) : null;

  return (
    <Modal title={channel ? t('alerts.channels.edit') : t('alerts.channels.add')} onClose={onClose}
      footer={<>
        <button type="button" className="button" onClick={onClose}>{t('common.cancel')}</button>
        <button type="submit" form="channel-form" className="button primary" disabled={save.isPending}>{t('common.save')}</button>
      </>}>
      <form id="channel-form" onSubmit={submit} noValidate className="form-grid">
        <Field label={t('alerts.channels.name')} error={fieldError('name')}>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />
        </Field>
        <Field label={t('alerts.channels.kind')}>
          <select value={kind} onChange={(e) => setKind(e.target.value as ChannelKind)} disabled={Boolean(channel)}>
            <option value="webhook">{t('alerts.kind.webhook')}</option>
            <option value="email">{t('alerts.kind.email')}</option>
          </select>
        </Field>
        {kind === 'webhook' ? (
          <>
            <Field label={t('alerts.channels.url')} error={fieldError('url')}>
              <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://hooks.example.com/labgate" />
            </Field>
            <Field label={t('alerts.channels.format')}>
              <select value={format} onChange={(e) => setFormat(e.target.value)}>
                <option value="json">{t('alerts.format.json')}</option>
                <option value="slack">{t('alerts.format.slack')}</option>
              </select>
            </Field>
            <Field label={t('alerts.channels.webhookSecret')} hint={channel?.has_secret ? t('alerts.channels.secretKept') : t('alerts.channels.webhookSecretHint')} error={fieldError('secret')}>
              <input type="password" autoComplete="new-password" value={secret} onChange={(e) => setSecret(e.target.value)} />
            </Field>
          </>
        ) : (
          <>
            <Field label={t('alerts.channels.recipients')} hint={t('alerts.channels.recipientsHint')} error={fieldError('recipients')}>
              <textarea rows={3} value={recipients} onChange={(e) => setRecipients(e.target.value)} />
            </Field>
            <label className="check"><input type="checkbox" checked={notifyMember} onChange={(e) => setNotifyMember(e.target.checked)} /> {t('alerts.channels.notifyMember')}</label>
            <label className="check"><input type="checkbox" checked={ownSmtp} onChange={(e) => setOwnSmtp(e.target.checked)} /> {t('alerts.channels.ownSmtp')}</label>
            {ownSmtp && (
              <>
                <Field label={t('alerts.channels.smtpHost')} error={fieldError('smtp_host')}><input value={smtpHost} onChange={(e) => setSmtpHost(e.target.value)} /></Field>
                <Field label={t('alerts.channels.smtpPort')} error={fieldError('smtp_port')}><input type="number" value={smtpPort} onChange={(e) => setSmtpPort(e.target.value)} /></Field>
                <Field label={t('alerts.channels.smtpUsername')}><input value={smtpUsername} onChange={(e) => setSmtpUsername(e.target.value)} autoComplete="off" /></Field>
                <Field label={t('alerts.channels.smtpPassword')} hint={channel?.has_secret ? t('alerts.channels.secretKept') : undefined}>
                  <input type="password" autoComplete="new-password" value={secret} onChange={(e) => setSecret(e.target.value)} />
                </Field>
                <Field label={t('alerts.channels.smtpFrom')} error={fieldError('smtp_from')}><input type="email" value={smtpFrom} onChange={(e) => setSmtpFrom(e.target.value)} /></Field>
                <label className="check"><input type="checkbox" checked={startTls} onChange={(e) => setStartTls(e.target.checked)} /> {t('alerts.channels.startTls')}</label>
              </>
            )}
          </>
        )}
        <Field label={t('alerts.channels.language')} hint={t('alerts.channels.languageHint')}>
          <select value={language} onChange={(e) => setLanguage(e.target.value)}>
            <option value="ko">한국어</option>
            <option value="en">English</option>
          </select>
        </Field>
        <label className="check"><input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> {t('alerts.enabled')}</label>
        {otherError && <p role="alert" className="form-error">{otherError}</p>}
      </form>
    </Modal>
  );
}
