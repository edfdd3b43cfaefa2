import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Field } from '@/components/Field';
import { promptLogger } from '../logger';
import { promptLogQueryKey } from '../api/get-sessions';

/** Record a prompt used elsewhere (another tool, a paper draft) in the log; works offline. */
export function AddEntryForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [prompt, setPrompt] = useState('');
  const [response, setResponse] = useState('');
  const [context, setContext] = useState('general');
  const [pending, setPending] = useState(() => promptLogger.pending().length);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!prompt.trim()) return;
    promptLogger.logPrompt(prompt.trim(), context.trim() || 'general', response.trim() || undefined);
    setPrompt('');
    setResponse('');
    await promptLogger.flush();
    setPending(promptLogger.pending().length);
    void queryClient.invalidateQueries({ queryKey: promptLogQueryKey });
  };

  return (
    <form className="card add-entry" onSubmit={(e) => void submit(e)}>
      <h2>{t('promptLog.add')}</h2>
      <Field label={t('promptLog.prompt')}><textarea rows={3} value={prompt} onChange={(e) => setPrompt(e.target.value)} /></Field>
      <Field label={t('promptLog.response')}><textarea rows={3} value={response} onChange={(e) => setResponse(e.target.value)} /></Field>
      <Field label={t('promptLog.context')}><input value={context} onChange={(e) => setContext(e.target.value)} /></Field>
      <button type="submit" className="button primary" disabled={!prompt.trim()}>{t('promptLog.save')}</button>
      {pending > 0 && <p role="status" className="notice">{t('promptLog.pending', { count: pending })}</p>}
    </form>
  );
}
