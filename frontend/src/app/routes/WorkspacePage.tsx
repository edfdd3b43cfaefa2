import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/Layout';
import { ChatPanel } from '@/features/chat/components/ChatPanel';
import { ApiKeysPanel } from '@/features/api-keys/components/ApiKeysPanel';
import { MyUsageCard } from '@/features/me/components/MyUsageCard';

const TABS = ['chat', 'analysis', 'generation', 'api-keys'] as const;
type Tab = (typeof TABS)[number];

/** The researcher's workspace: the AI features on the left, what is left of the plan on the right. */
export function WorkspacePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'chat';
  return (
    <section>
      <PageHeader title={t('me.title')} subtitle={t('me.subtitle')} />
      <div className="workspace">
        <div>
          <div role="tablist" aria-label={t('me.title')} className="tabs">
            {TABS.map((name) => (
              <button key={name} role="tab" type="button" id={`tab-${name}`} aria-selected={tab === name} aria-controls={`panel-${name}`}
                className={tab === name ? 'tab active' : 'tab'} onClick={() => setParams({ tab: name })}>
                {t(`workspace.tabs.${name}`)}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
            {tab === 'chat' && <ChatPanel key="chat" feature="chat" placeholder={t('workspace.placeholder.chat')} />}
            {tab === 'analysis' && <ChatPanel key="analysis" feature="analysis" placeholder={t('workspace.placeholder.analysis')} />}
            {tab === 'generation' && <ChatPanel key="generation" feature="generation" placeholder={t('workspace.placeholder.generation')} />}
            {tab === 'api-keys' && <ApiKeysPanel />}
          </div>
        </div>
        <MyUsageCard />
      </div>
    </section>
  );
}
