import type { TFunction } from 'i18next';
import type { AppNotification } from '@/types/api';
import { formatNumber, formatUsd } from '@/lib/format';

/**
 * A notification in the reader's words, from its code and params. A member reads about their own limits in
 * the second person; the super-admin reads whose they are.
 */
export function notificationText(n: AppNotification, t: TFunction, lang: string, selfId: number | undefined) {
  const p = n.params;
  const amount = (v: number) => (p.unit === 'usd' ? formatUsd(v, lang) : formatNumber(v, lang));
  const own = p.subject_type === 'member' && selfId !== undefined && Number(p.subject_id) === selfId;
  const values = {
    name: p.subject_name, threshold: p.threshold, percent: p.percent, used: amount(p.used), limit: amount(p.limit),
    window: t(`notifications.window.${p.window}`),
  };
  const key = `notifications.code.${n.code}${own ? '_own' : ''}`;
  return t(key, values);
}
