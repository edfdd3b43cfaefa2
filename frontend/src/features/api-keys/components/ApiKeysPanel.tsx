import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/Field';
import { errorMessage } from '@/components/server-errors';
import { EmptyState, ErrorState, Loading } from '@/components/States';
import { useDates } from '@/lib/time-zone';
import { useApiKeys } from '../api/get-api-keys';
import { useCreateApiKey } from '../api/create-api-key';
import { useRevokeApiKey } from '../api/revoke-api-key';
import { NewKeyCard } from './NewKeyCard';

/** The member's keys for notebooks: created here, shown once, revocable; listed by name, prefix and date. */
export function ApiKeysPanel() {
  const { t } = useTranslation();
  const { dateTime } = useDates();
  const keys = useApiKeys();
  const create = useCreateApiKey();
  const revoke = useRevokeApiKey();
  const [name, setName] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) create.mutate(name.trim(), { onSuccess: () => setName('') });
  };
  const when = (iso: string | null) => (iso ? dateTime(iso) : t('apiKeys.never'));

  return (
    <div className="api-keys">
      <p className="muted">{t('apiKeys.help')}</p>
      <form className="inline-form" onSubmit={submit}>
        <Field label={t('apiKeys.name')}><input value={name} onChange={(e) => setName(e.target.value)} placeholder="notebook" /></Field>
        <button type="submit" className="button primary" disabled={!name.trim() || create.isPending}>{t('apiKeys.create')}</button>
      </form>
      {create.error && <p role="alert" className="form-error">{errorMessage(create.error)}</p>}
      {create.data && <NewKeyCard created={create.data} />}
      {keys.isPending ? <Loading /> : keys.isError ? <ErrorState error={keys.error} /> : keys.data.length === 0 ? (
        <EmptyState>{t('apiKeys.empty')}</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="stack">
            <thead><tr><th scope="col">{t('apiKeys.name')}</th><th scope="col">{t('apiKeys.prefix')}</th><th scope="col">{t('apiKeys.created')}</th><th scope="col">{t('apiKeys.lastUsed')}</th><th scope="col">{t('common.actions')}</th></tr></thead>
            <tbody>
              {keys.data.map((k) => (
                <tr key={k.id}>
                  <td data-label={t('apiKeys.name')}>{k.name}</td><td data-label={t('apiKeys.prefix')}><code>{k.prefix}…</code></td>
                  <td data-label={t('apiKeys.created')} className="nowrap">{when(k.created_at)}</td><td data-label={t('apiKeys.lastUsed')} className="nowrap">{when(k.last_used_at)}</td>
                  <td data-label={t('common.actions')}><button type="button" className="button small danger" disabled={revoke.isPending} onClick={() => revoke.mutate(k.id)}>{t('apiKeys.revoke')}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
