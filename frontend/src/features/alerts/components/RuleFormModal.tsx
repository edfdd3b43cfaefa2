import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '@/components/Modal';
import { Field } from '@/components/Field';
import { errorMessage, violationLine } from '@/components/server-errors';
import { ApiError } from '@/lib/api-client';
import type { AlertChannel, AlertMetric, AlertRule } from '@/types/api';
import { useSaveAlertRule } from '../api/save-alert-rule';
import { hasThresholds, METRICS, narrowsToPlan, narrowsToSetting, parseThresholds } from '../metrics';

export interface Option {
  id: number;
  name: string;
}

interface Props {
  rule?: AlertRule;
  channels: AlertChannel[];
  plans: Option[];
  settings: Option[];
  onClose: () => void;
}

export function RuleFormModal({ rule, channels, plans, settings, onClose }: Props) {
  const { t } = useTranslation();
  const save = useSaveAlertRule();
  const [name, setName] = useState(rule?.name ?? '');
  const [metric, setMetric] = useState<AlertMetric>(rule?.metric ?? 'member_tokens');
  const [thresholds, setThresholds] = useState((rule?.thresholds ?? [80, 100]).join(', '));
  const [planId, setPlanId] = useState(rule?.plan_id ? String(rule.plan_id) : '');
  const [settingId, setSettingId] = useState(rule?.ai_settings_id ? String(rule.ai_settings_id) : '');
  const [minCalls, setMinCalls] = useState(String(rule?.min_calls ?? 10));
  const [channelIds, setChannelIds] = useState<number[]>(rule?.channel_ids ?? []);
  const [enabled, setEnabled] = useState(rule?.enabled ?? true);
  const parsed = hasThresholds(metric) ? parseThresholds(thresholds) : [100];
  const nameMissing = name.trim() === '';
  const [submitted, setSubmitted] = useState(false);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (!parsed || nameMissing) return;
    save.mutate({
      id: rule?.id,
      input: {
        name: name.trim(), metric, thresholds: parsed, channel_ids: channelIds, enabled, min_calls: Number(minCalls) || 10,
        ...(narrowsToPlan(metric) && planId ? { plan_id: Number(planId) } : {}),
        ...(narrowsToSetting(metric) && settingId ? { ai_settings_id: Number(settingId) } : {}),
      },
    }, { onSuccess: onClose });
  };

  const toggleChannel = (id: number) => setChannelIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));
  const serverError = save.error instanceof ApiError && save.error.violations.length > 0
    ? save.error.violations.map(violationLine).join(' · ') : save.error ? errorMessage(save.error) : null;

  return (
    <Modal title={rule ? t('alerts.rules.edit') : t('alerts.rules.add')} onClose={onClose}
      footer={<>
        <button type="button" className="button" onClick={onClose}>{t('common.cancel')}</button>
        <button type="submit" form="rule-form" className="button primary" disabled={save.isPending}>{t('common.save')}</button>
      </>}>
      <form id="rule-form" onSubmit={submit} noValidate className="form-grid">
        <Field label={t('alerts.rules.name')} error={submitted && nameMissing ? t('common.required') : undefined}>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />
        </Field>
        <Field label={t('alerts.rules.metric')} hint={t(`alerts.metricHint.${metric}`)}>
          <select value={metric} onChange={(e) => setMetric(e.target.value as AlertMetric)}>
            {METRICS.map((m) => <option key={m} value={m}>{t(`alerts.metric.${m}`)}</option>)}
          </select>
        </Field>
        {hasThresholds(metric) && (
          <Field label={t('alerts.rules.thresholds')} hint={t('alerts.rules.thresholdsHint')} error={parsed ? undefined : t('validation.thresholds')}>
            <input value={thresholds} onChange={(e) => setThresholds(e.target.value)} inputMode="numeric" />
          </Field>
        )}
        {metric === 'provider_error_rate' && (
          <Field label={t('alerts.rules.minCalls')}>
            <input type="number" min="1" value={minCalls} onChange={(e) => setMinCalls(e.target.value)} />
          </Field>
        )}
        {narrowsToPlan(metric) && (
          <Field label={t('alerts.rules.plan')}>
            <select value={planId} onChange={(e) => setPlanId(e.target.value)}>
              <option value="">{t('alerts.rules.everyPlan')}</option>
              {plans.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </Field>
        )}
        {narrowsToSetting(metric) && (
          <Field label={t('alerts.rules.setting')}>
            <select value={settingId} onChange={(e) => setSettingId(e.target.value)}>
              <option value="">{t('alerts.rules.everySetting')}</option>
              {settings.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </Field>
        )}
        <fieldset className="field">
          <legend>{t('alerts.rules.channels')}</legend>
          <small className="hint">{t('alerts.rules.inAppAlways')}</small>
          {channels.map((c) => (
            <label key={c.id} className="check">
              <input type="checkbox" checked={channelIds.includes(c.id)} onChange={() => toggleChannel(c.id)} /> {c.name} ({t(`alerts.kind.${c.kind}`)})
            </label>
          ))}
        </fieldset>
        <label className="check"><input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> {t('alerts.enabled')}</label>
        {serverError && <p role="alert" className="form-error">{serverError}</p>}
      </form>
    </Modal>
  );
}
