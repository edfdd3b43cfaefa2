import { useTranslation } from 'react-i18next';
import { ProgressBar } from '@/components/ProgressBar';
import { formatNumber } from '@/lib/format';
import type { UsageWindow } from '../api/get-my-usage';

/** Used and left in every window that limits the member, with when each resets (in the platform's zone). */
export function UsageWindows({ windows, timeZone }: { windows: UsageWindow[]; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language);
  return (
    <ul className="usage-windows">
      {windows.map((w) => {
        const label = t(`usageWindows.${w.scope}.${w.window}`);
        return (
          <li key={`${w.scope}-${w.window}`}>
            <div className="usage-head">
              <strong>{label}</strong>
              <span>{w.limit === null ? t('usageWindows.unlimited', { used: n(w.used), unit: t(`usageWindows.${w.metric}`) })
                : t('usageWindows.usedOf', { used: n(w.used), limit: n(w.limit), unit: t(`usageWindows.${w.metric}`) })}</span>
            </div>
            {w.limit !== null && <ProgressBar value={w.used} max={w.limit} label={label} />}
            <small className="muted">
              {w.left !== null && `${t('usageWindows.left', { left: n(w.left) })} · `}
              {t('usageWindows.resets', { at: new Date(w.resets_at).toLocaleString(i18n.language, { timeZone, dateStyle: 'medium', timeStyle: 'short' }) })}
            </small>
          </li>
        );
      })}
    </ul>
  );
}
