import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Modal } from '@/components/Modal';
import { Field } from '@/components/Field';
import { applyServerErrors } from '@/components/server-errors';
import type { AiSetting, AiSettingInput } from '@/types/api';
import { DEFAULT_BASE_URL, DEFAULT_MODEL, PROVIDERS, settingSchema, type SettingForm } from '../schemas';
import { useSaveAiSetting } from '../api/save-ai-setting';

const FIELDS = ['name', 'provider', 'base_url', 'api_key', 'model_name', 'max_tokens', 'temperature', 'hourly_limit', 'daily_limit', 'monthly_limit', 'is_active'];

export function SettingFormModal({ setting, onClose }: { setting?: AiSetting; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveAiSetting();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, watch, setValue, formState: { errors } } = useForm<SettingForm>({
    resolver: zodResolver(settingSchema(t, Boolean(setting?.has_api_key))),
    defaultValues: setting
      ? { name: setting.name, provider: setting.provider, base_url: setting.provider === 'sandbox' ? '' : setting.base_url, api_key: '',
          model_name: setting.model_name, max_tokens: setting.max_tokens, temperature: setting.temperature,
          hourly_limit: setting.hourly_limit, daily_limit: setting.daily_limit, monthly_limit: setting.monthly_limit, is_active: setting.is_active }
      : { name: '', provider: 'openai', base_url: '', api_key: '', model_name: DEFAULT_MODEL.openai, max_tokens: 1000, temperature: 0.7,
          hourly_limit: 100, daily_limit: 1000, monthly_limit: 10000, is_active: true },
  });
  const provider = watch('provider');
  const defaultUrl = DEFAULT_BASE_URL[provider];

  const submit = handleSubmit((v) => {
    setFormError(null);
    const input: AiSettingInput = { ...v, base_url: v.base_url || undefined, api_key: v.api_key || undefined };
    save.mutate({ input, id: setting?.id }, { onSuccess: onClose, onError: (e) => setFormError(applyServerErrors(e, setError, FIELDS)) });
  });

  return (
    <Modal wide title={setting ? t('settings.edit') : t('settings.add')} onClose={onClose}
      footer={<>
        <button type="button" className="button" onClick={onClose}>{t('common.cancel')}</button>
        <button type="submit" form="setting-form" className="button primary" disabled={save.isPending}>{t('common.save')}</button>
      </>}>
      <form id="setting-form" className="form-grid two" onSubmit={submit} noValidate>
        <Field label={t('settings.form.name')} error={errors.name?.message}><input {...register('name')} /></Field>
        <Field label={t('settings.form.provider')} error={errors.provider?.message}>
          <select {...register('provider', { onChange: (e) => { if (!setting) setValue('model_name', DEFAULT_MODEL[e.target.value as keyof typeof DEFAULT_MODEL]); } })}>
            {PROVIDERS.map((p) => <option key={p} value={p}>{t(`settings.providers.${p}`)}</option>)}
          </select>
        </Field>
        {provider !== 'sandbox' && (
          <>
            <Field label={t('settings.form.baseUrl')} error={errors.base_url?.message} hint={defaultUrl ? t('settings.form.baseUrlHint', { url: defaultUrl }) : undefined}>
              <input placeholder={defaultUrl ?? 'http://vllm:8000/v1'} {...register('base_url')} />
            </Field>
            <Field label={t('settings.form.apiKey')} error={errors.api_key?.message}
              hint={setting?.has_api_key ? t('settings.form.apiKeyKeep', { hint: setting.api_key_hint }) : provider === 'openai_compatible' ? t('settings.form.apiKeyOptional') : undefined}>
              <input type="password" autoComplete="off" {...register('api_key')} />
            </Field>
          </>
        )}
        <Field label={t('settings.form.model')} error={errors.model_name?.message}><input {...register('model_name')} /></Field>
        <Field label={t('settings.form.maxTokens')} error={errors.max_tokens?.message}><input type="number" {...register('max_tokens')} /></Field>
        <Field label={t('settings.form.temperature')} error={errors.temperature?.message}><input type="number" step="0.1" {...register('temperature')} /></Field>
        <Field label={t('settings.form.hourly')} error={errors.hourly_limit?.message} hint={t('settings.form.limitHint')}><input type="number" {...register('hourly_limit')} /></Field>
        <Field label={t('settings.form.daily')} error={errors.daily_limit?.message} hint={t('settings.form.limitHint')}><input type="number" {...register('daily_limit')} /></Field>
        <Field label={t('settings.form.monthly')} error={errors.monthly_limit?.message} hint={t('settings.form.limitHint')}><input type="number" {...register('monthly_limit')} /></Field>
        <label className="check"><input type="checkbox" {...register('is_active')} /> {t('settings.form.active')}</label>
        {formError && <p role="alert" className="form-error">{formError}</p>}
      </form>
    </Modal>
  );
}
