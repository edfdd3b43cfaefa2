import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/Badge';
import { ErrorState, Loading } from '@/components/States';
import { UsageWindows } from '@/components/UsageWindows';
import { useDates } from '@/lib/time-zone';
import type { MemberAccessDetail } from '@/types/api';
import { useMemberAccess } from '../api/get-member-access';
import type { PlanOption, SettingOption } from '../options';
import { AccessActions } from './AccessActions';

interface Props {
  member: { id: number; name: string };
  plans: PlanOption[];
  settings: SettingOption[];
}

/** A member's AI access on their page: plan, provider setting, status, every limit with its reset, and the actions. */
export function MemberAccessCard(props: Props) {
  const { t } = useTranslation();
  const detail = useMemberAccess(props.member.id);
  return (
    <section className="card" aria-labelledby="member-access-title">
      <h2 id="member-access-title">{t('memberPage.aiAccess')}</h2>
      {detail.isPending ? <Loading /> : detail.isError ? <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
        : <AccessDetail {...props} detail={detail.data} />}
    </section>
  );
}

function AccessDetail({ member, plans, settings, detail: { access: a, windows } }: Props & { detail: MemberAccessDetail }) {
  const { t } = useTranslation();
  const { dateTime } = useDates();
  if (!a) {
    return (
      <>
        <p><Badge tone="warn">{t('users.unassigned')}</Badge></p>
        <p className="muted">{t('memberPage.noAccess')}</p>
        <div className="card-actions"><AccessActions member={member} access={null} plans={plans} settings={settings} /></div>
      </>
    );
  }
  return (
    <>
      <dl className="facts">
        <div><dt>{t('users.plan')}</dt><dd><Badge tone="info">{a.plan.display_name}</Badge></dd></div>
        <div><dt>{t('common.status')}</dt><dd><Badge tone={a.is_enabled ? 'ok' : 'off'}>{a.is_enabled ? t('users.enabled') : t('users.disabled')}</Badge></dd></div>
        <div><dt>{t('users.provider')}</dt><dd>{a.ai_settings ? `${a.ai_settings.name} (${a.ai_settings.model_name})` : t('users.noProvider')}</dd></div>
        <div><dt>{t('users.advanced')}</dt><dd>{a.can_use_advanced_features ? t('common.yes') : t('common.no')}</dd></div>
        <div><dt>{t('memberPage.assigned')}</dt><dd>{dateTime(a.assigned_at)}{a.assigned_by && <span className="muted"> · {a.assigned_by}</span>}</dd></div>
      </dl>
      <h3>{t('memberPage.limits')}</h3>
      <UsageWindows windows={windows} />
      <div className="card-actions"><AccessActions member={member} access={a} plans={plans} settings={settings} /></div>
    </>
  );
}
