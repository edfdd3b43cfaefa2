import { useTranslation } from 'react-i18next';
import { ProgressBar } from '@/components/ProgressBar';
import { formatNumber } from '@/lib/format';
import { useDates } from '@/lib/time-zone';
import type { UsageWindow } from '@/types/api';

/** Used and left in every window that limits a member, with when each resets (in the platform's zone). */
export function UsageWindows({ windows }: { windows: UsageWindow[] }) {
  const { t, i18n } = useTranslation();
  const { dateTime } = useDates();
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
              {t('usageWindows.resets', { at: dateTime(w.resets_at) })}
            </small>
          </li>
        );
      })}
    </ul>
  );
}
