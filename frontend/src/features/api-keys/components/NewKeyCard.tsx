import { useTranslation } from 'react-i18next';
import { CopyButton } from '@/components/CopyButton';
import type { CreatedKey } from '../api/create-api-key';

/** The key right after creation, the only time it is shown, with a snippet that uses it. */
export function NewKeyCard({ created }: { created: CreatedKey }) {
  const { t } = useTranslation();
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  const snippet = `from openai import OpenAI
client = OpenAI(base_url="${origin}/v1", api_key="${created.key}")
print(client.chat.completions.create(model="default",
      messages=[{"role": "user", "content": "AHP 일관성 비율을 설명해 줘"}]).choices[0].message.content)`;
  return (
    <div className="new-key card" role="status">
      <strong>{t('apiKeys.shownOnce')}</strong>
      <code className="key">{created.key}</code>
      <div className="card-actions">
        <CopyButton text={created.key} label={t('newKey.copyKey')} />
        <CopyButton text={snippet} label={t('newKey.copySnippet')} />
      </div>
      <pre className="snippet">{snippet}</pre>
    </div>
  );
}
