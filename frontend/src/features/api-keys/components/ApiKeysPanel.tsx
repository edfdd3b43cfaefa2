import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/Field';
import { errorMessage } from '@/components/server-errors';
import { EmptyState, ErrorState, Loading } from '@/components/States';
import { useApiKeys } from '../api/get-api-keys';
import { useCreateApiKey } from '../api/create-api-key';
import { useRevokeApiKey } from '../api/revoke-api-key';

/** The member's keys for notebooks: created here, shown once, revocable. */
export function ApiKeysPanel() {
  const { t, i18n } = useTranslation();
  const keys = useApiKeys();
  const create = useCreateApiKey();
  const revoke = useRevokeApiKey();
  const [name, setName] = useState('');
  const origin = typeof window === 'undefined' ? '' : window.location.origin;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) create.mutate(name.trim(), { onSuccess: () => setName('') });
  };
  const date = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : t('apiKeys.never'));

  return (
    <div className="api-keys">
      <p className="muted">{t('apiKeys.help')}</p>
      <form className="inline-form" onSubmit={submit}>
        <Field label={t('apiKeys.name')}><input value={name} onChange={(e) => setName(e.target.value)} placeholder="notebook" /></Field>
        <button type="submit" className="button primary" disabled={!name.trim() || create.isPending}>{t('apiKeys.create')}</button>
      </form>
      {create.error && <p role="alert" className="form-error">{errorMessage(create.error)}</p>}
      {create.data && (
        <div className="new-key card" role="status">
          <strong>{t('apiKeys.shownOnce')}</strong>
          <code className="key">{create.data.key}</code>
          <button type="button" className="button small" onClick={() => void navigator.clipboard?.writeText(create.data.key)}>{t('common.copy')}</button>
          <pre className="snippet">{`from openai import OpenAI
client = OpenAI(base_url="${origin}/v1", api_key="${create.data.key}")
print(client.chat.completions.create(model="default",
      messages=[{"role": "user", "content": "AHP 일관성 비율을 설명해 줘"}]).choices[0].message.content)`}</pre>
        </div>
      )}
      {keys.isPending ? <Loading /> : keys.isError ? <ErrorState error={keys.error} /> : keys.data.length === 0 ? (
        <EmptyState>{t('apiKeys.empty')}</EmptyState>
      ) : (
        <div className="table-wrap">
          <table>
            <thead><tr><th scope="col">{t('apiKeys.name')}</th><th scope="col">{t('apiKeys.prefix')}</th><th scope="col">{t('apiKeys.created')}</th><th scope="col">{t('apiKeys.lastUsed')}</th><th scope="col">{t('common.actions')}</th></tr></thead>
            <tbody>
              {keys.data.map((k) => (
                <tr key={k.id}>
                  <td>{k.name}</td><td><code>{k.prefix}…</code></td><td>{date(k.created_at)}</td><td>{date(k.last_used_at)}</td>
                  <td><button type="button" className="button small danger" disabled={revoke.isPending} onClick={() => revoke.mutate(k.id)}>{t('apiKeys.revoke')}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
