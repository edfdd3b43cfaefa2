import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/Layout';
import { ChangePasswordForm } from '@/features/auth/components/ChangePasswordForm';

/** The member's own account, whatever their role. */
export function AccountPage() {
  const { t } = useTranslation();
  return (
    <section>
      <PageHeader title={t('account.title')} subtitle={t('account.subtitle')} />
      <ChangePasswordForm />
    </section>
  );
}
