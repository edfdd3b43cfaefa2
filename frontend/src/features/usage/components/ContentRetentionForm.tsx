import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '@/components/States';
import { useToast } from '@/components/Toasts';
import { errorMessage, violationMessage } from '@/components/server-errors';
import { ApiError } from '@/lib/api-client';
import type { ContentRetention } from '@/types/api';
import { useUsageSettings } from '../api/get-usage-settings';
import { useSaveUsageSettings } from '../api/save-usage-settings';

const CHOICES: readonly ContentRetention[] = ['full', 'truncated', 'none'];

/** How much prompt and answer text is kept: all of it, its beginning, or none (tokens and cost are always kept). */
export function ContentRetentionForm() {
  const { t } = useTranslation();
  const settings = useUsageSettings();
  const save = useSaveUsageSettings();
  const toast = useToast();
  const id = useId();
  // What the admin picked, else the value in force: derived, so the form never shows a render with nothing chosen.
  const [picked, setChoice] = useState<ContentRetention | null>(null);
  const current = settings.data?.content_retention;
  const choice = picked ?? current ?? null;

  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;

  const serverProblem = save.error instanceof ApiError
    ? save.error.violations.find((v) => v.field === 'content_retention') : undefined;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!choice) return;
    save.mutate(choice, { onSuccess: () => toast(t('retention.saved', { choice: t(`retention.choices.${choice}.title`) })) });
  };

  return (
    <form className="card retention-form" onSubmit={submit} noValidate>
      <fieldset className="field" aria-describedby="retention-note" aria-invalid={serverProblem ? true : undefined}>
        <legend><h2>{t('retention.title')}</h2></legend>
        <p className="muted">{t('retention.explain')}</p>
        {CHOICES.map((c) => (
          // Named by its title alone; what it keeps (and whether it is in force) is its description.
          <label key={c} className="choice">
            <input type="radio" name="content_retention" value={c} checked={choice === c} onChange={() => setChoice(c)}
              aria-labelledby={`${id}-${c}`} aria-describedby={`${id}-${c}-text`} />
            <span>
              <strong id={`${id}-${c}`}>{t(`retention.choices.${c}.title`)}</strong>
              <span id={`${id}-${c}-text`}>
                {c === current && <><span className="badge badge-info">{t('retention.current')}</span>{' '}</>}
                <span className="muted choice-text">{t(`retention.choices.${c}.text`, { chars: settings.data.truncated_chars })}</span>
              </span>
            </span>
          </label>
        ))}
        {serverProblem && <small className="field-error">{violationMessage(serverProblem)}</small>}
      </fieldset>
      <p id="retention-note" className="hint">{t('retention.note')}</p>
      {save.isError && !serverProblem && <p role="alert" className="form-error">{errorMessage(save.error)}</p>}
      <div className="card-actions">
        <button type="submit" className="button primary" disabled={save.isPending || !choice || choice === current}>{t('common.save')}</button>
      </div>
    </form>
  );
}
