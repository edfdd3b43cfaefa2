import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/Layout';
import { ErrorState, Loading } from '@/components/States';
import { fullName } from '@/lib/format';
import { AccountCard } from '@/features/members/components/AccountCard';
import { useMember } from '@/features/members/api/get-member';
import { MemberAccessCard } from '@/features/user-ai-access/components/MemberAccessCard';
import { usePlans } from '@/features/plans/api/get-plans';
import { useAiSettings } from '@/features/ai-settings/api/get-ai-settings';
import { CallLog } from '@/features/usage/components/CallLog';

/**
 * One person in one place: their account and their AI access side by side (on a phone, one above the other),
 * then their recent calls. Reached from the account list and from the AI-access list.
 */
export function MemberPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const member = useMember(id);
  const plans = usePlans();
  const settings = useAiSettings();

  if (member.isPending) return <Loading />;
  if (member.isError) return <ErrorState error={member.error} onRetry={() => void member.refetch()} />;
  const m = member.data;
  const name = fullName(m);
  return (
    <section>
      <nav className="back-links" aria-label={t('memberPage.backTo')}>
        <Link to="/admin/members">← {t('nav.members')}</Link>
        <Link to="/admin/ai-service?tab=users">← {t('aiService.tabs.users')}</Link>
      </nav>
      <PageHeader title={name} subtitle={`${m.username} · ${m.email}`} />
      <div className="member-page">
        <AccountCard member={m} />
        <MemberAccessCard member={{ id: m.id, name }} plans={plans.data ?? []} settings={settings.data ?? []} />
      </div>
      <CallLog filter={{ memberId: m.id, memberName: name }} />
    </section>
  );
}
