import { useTranslation } from 'react-i18next';
import { LockIcon } from '@/components/LockIcon';
import { formatUsd } from '@/lib/format';
import type { Feature, OfferedPlan } from '@/types/api';

/** A feature outside the member's plan: what it is, and which plans include it (once they are known). */
export function LockedFeature({ feature, planName, includedIn }: { feature: Feature; planName: string; includedIn?: OfferedPlan[] }) {
  const { t, i18n } = useTranslation();
  const name = t(`plans.feature.${feature}`);
  return (
    <section className="locked card" aria-labelledby={`locked-${feature}`}>
      <h2 id={`locked-${feature}`}><LockIcon /> {t('lockedFeature.title', { feature: name })}</h2>
      <p>{t('lockedFeature.notInPlan', { feature: name, plan: planName })}</p>
      {includedIn === undefined ? null : includedIn.length > 0 ? (
        <>
          <p>{t('lockedFeature.includedIn')}</p>
          <ul className="locked-plans">
            {includedIn.map((p) => (
              <li key={p.name}><strong>{p.display_name}</strong> <span className="muted">{t('lockedFeature.perMonth', { cost: formatUsd(p.monthly_cost, i18n.language) })}</span></li>
            ))}
          </ul>
          <p className="muted">{t('lockedFeature.ask')}</p>
        </>
      ) : (
        <p className="muted">{t('lockedFeature.noPlan')}</p>
      )}
    </section>
  );
}
