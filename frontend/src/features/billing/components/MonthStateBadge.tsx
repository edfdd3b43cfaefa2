import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/Badge';
import type { MonthState } from '../types';

/** 마감 / 진행 중 / 진행 중 (현재까지). */
export function MonthStateBadge({ state, current }: { state: MonthState; current: boolean }) {
  const { t } = useTranslation();
  if (state === 'closed') return <Badge tone="ok">{t('billing.state.closed')}</Badge>;
  return <Badge tone={current ? 'info' : 'warn'}>{t(current ? 'billing.state.current' : 'billing.state.open')}</Badge>;
}
