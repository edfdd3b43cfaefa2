import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/Layout';
import { LockIcon } from '@/components/LockIcon';
import { useSessionUser } from '@/lib/use-session';
import type { Feature } from '@/types/api';
import { ChatPanel } from '@/features/chat/components/ChatPanel';
import { ApiKeysPanel } from '@/features/api-keys/components/ApiKeysPanel';
import { MyUsageCard } from '@/features/me/components/MyUsageCard';
import { AccessBanner } from '@/features/me/components/AccessBanner';
import { LockedFeature } from '@/features/me/components/LockedFeature';
import { useMyUsage } from '@/features/me/api/get-my-usage';
import { useOfferedPlans } from '@/features/me/api/get-offered-plans';
import { accessBlock, featureLock } from '@/features/me/access';

const TABS = ['chat', 'analysis', 'generation', 'api-keys'] as const;
type Tab = (typeof TABS)[number];
/** The plan feature each AI tab needs. */
const NEEDS: Partial<Record<Tab, Feature>> = { chat: 'chatbot', analysis: 'analysis', generation: 'generation' };

/**
 * The researcher's workspace: the AI features on the left, what is left of the plan on the right. Features
 * outside the plan are shown locked with the plans that include them; when the member cannot send at all
 * (no plan, disabled, a limit spent) a banner says why and until when.
 */
export function WorkspacePage() {
  const { t } = useTranslation();
  const user = useSessionUser();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'chat';
  const usage = useMyUsage();
  const offered = useOfferedPlans();
  const known = usage.isSuccess;
  const block = known ? accessBlock(usage.data) : null;
  const lockOf = (name: Tab) => {
    const feature = NEEDS[name];
    return feature && known ? featureLock(feature, usage.data, offered.data ?? []) : null;
  };
  const feature = NEEDS[tab];
  const lock = lockOf(tab);

  return (
    <section>
      <PageHeader title={t('me.title')} subtitle={t('me.subtitle')} />
      {block && <AccessBanner block={block} />}
      <div className="workspace">
        <div>
          <div role="tablist" aria-label={t('me.title')} className="tabs">
            {TABS.map((name) => (
              <button key={name} role="tab" type="button" id={`tab-${name}`} aria-selected={tab === name} aria-controls={`panel-${name}`}
                className={tab === name ? 'tab active' : 'tab'} onClick={() => setParams({ tab: name })}>
                {t(`workspace.tabs.${name}`)}
                {lockOf(name) && <> <LockIcon /><span className="sr-only"> ({t('lockedFeature.locked')})</span></>}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
            {tab === 'api-keys' ? <ApiKeysPanel />
              : lock && feature && usage.data ? <LockedFeature feature={feature} planName={usage.data.plan_display_name} includedIn={offered.isSuccess ? lock.includedIn : undefined} />
              : user && <ChatPanel key={tab} memberId={user.id} feature={tab} placeholder={t(`workspace.placeholder.${tab}`)} disabled={block !== null} />}
          </div>
        </div>
        <MyUsageCard />
      </div>
    </section>
  );
}
