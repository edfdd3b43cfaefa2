import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/Layout';
import { SettingsTab } from '@/features/ai-settings/components/SettingsTab';
import { useAiSettings } from '@/features/ai-settings/api/get-ai-settings';
import { UsersTab } from '@/features/user-ai-access/components/UsersTab';
import { usePlans } from '@/features/plans/api/get-plans';
import { BillingTab } from '@/features/billing/components/BillingTab';
import { Loading } from '@/components/States';

// The usage tab draws charts: its code (and the chart library) is loaded only when it is opened.
const UsageTab = lazy(() => import('@/features/usage/components/UsageTab').then((m) => ({ default: m.UsageTab })));

const TABS = ['settings', 'users', 'usage', 'billing'] as const;
type Tab = (typeof TABS)[number];

const idParam = (value: string | null) => (value && /^\d+$/.test(value) ? Number(value) : undefined);

/**
 * The user's "AI 서비스 관리" page: four tabs, the current one in the URL — and, for usage, whose usage
 * (a member from the Users tab, a provider setting from its card).
 */
export function AiServicePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'settings';
  const plans = usePlans();
  const settings = useAiSettings();
  const select = (next: Tab) => setParams({ tab: next });
  const settingId = idParam(params.get('setting'));
  const usageFilter = {
    memberId: idParam(params.get('member')),
    memberName: params.get('member_name') ?? undefined,
    settingId,
    settingName: settings.data?.find((s) => s.id === settingId)?.name,
  };

  return (
    <section>
      <PageHeader title={t('aiService.title')} subtitle={t('aiService.subtitle')} />
      <div role="tablist" aria-label={t('aiService.title')} className="tabs">
        {TABS.map((name) => (
          <button key={name} role="tab" type="button" id={`tab-${name}`} aria-selected={tab === name} aria-controls={`panel-${name}`}
            className={tab === name ? 'tab active' : 'tab'} onClick={() => select(name)}>
            {t(`aiService.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        {tab === 'settings' && <SettingsTab onShowUsage={(id) => setParams({ tab: 'usage', setting: String(id) })} />}
        {tab === 'users' && <UsersTab plans={plans.data ?? []} settings={settings.data ?? []}
          onShowUsage={(member) => setParams({ tab: 'usage', member: String(member.id), member_name: member.name })} />}
        {tab === 'usage' && (
          <Suspense fallback={<Loading />}><UsageTab filter={usageFilter} onClearFilter={() => select('usage')} /></Suspense>
        )}
        {tab === 'billing' && <BillingTab />}
      </div>
    </section>
  );
}
