import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/Layout';
import { ContentRetentionForm } from '@/features/usage/components/ContentRetentionForm';

/** The platform's settings the super-admin changes at run time (today: how much prompt and answer text is kept). */
export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <section>
      <PageHeader title={t('platformSettings.title')} subtitle={t('platformSettings.subtitle')} />
      <ContentRetentionForm />
    </section>
  );
}
