import { useTranslation } from 'react-i18next';
import { formatNumber } from '@/lib/format';
import { useDates } from '@/lib/time-zone';
import type { AccessBlock } from '../access';

/** Says why the member cannot send now and, for a spent limit, when it resets. */
export function AccessBanner({ block }: { block: AccessBlock }) {
  const { t, i18n } = useTranslation();
  const { dateTime } = useDates();
  return (
    <div className="banner banner-warn" role="status">
      <strong>{t(`workspaceAccess.${block.reason}.title`)}</strong>
      <p>
        {block.reason === 'quota'
          ? t('workspaceAccess.quota.detail', {
            limit: t(`usageWindows.${block.window.scope}.${block.window.window}`),
            used: formatNumber(block.window.used, i18n.language),
            max: formatNumber(block.window.limit ?? 0, i18n.language),
            unit: t(`usageWindows.${block.window.metric}`),
            at: dateTime(block.window.resets_at),
          })
          : t(`workspaceAccess.${block.reason}.detail`)}
      </p>
    </div>
  );
}
