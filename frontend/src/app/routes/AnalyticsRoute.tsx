import { AnalyticsPage } from '@/features/analytics/components/AnalyticsPage';
import { usePlans } from '@/features/plans/api/get-plans';
import { useAiSettings } from '@/features/ai-settings/api/get-ai-settings';

/** The Analytics page, given the plans and provider settings a report can be narrowed to. */
export function AnalyticsRoute() {
  const plans = usePlans();
  const settings = useAiSettings();
  return (
    <AnalyticsPage plans={(plans.data ?? []).map((p) => ({ id: p.id, name: p.display_name }))}
      settings={(settings.data ?? []).map((s) => ({ id: s.id, name: s.name }))} />
  );
}
