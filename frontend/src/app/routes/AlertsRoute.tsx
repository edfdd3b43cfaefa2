import { AlertsPage } from '@/features/alerts/components/AlertsPage';
import { usePlans } from '@/features/plans/api/get-plans';
import { useAiSettings } from '@/features/ai-settings/api/get-ai-settings';

/** The Alerts page, given the plans and provider settings a rule can narrow to. */
export function AlertsRoute() {
  const plans = usePlans();
  const settings = useAiSettings();
  return (
    <AlertsPage plans={(plans.data ?? []).map((p) => ({ id: p.id, name: p.display_name }))}
      settings={(settings.data ?? []).map((s) => ({ id: s.id, name: s.name }))} />
  );
}
