import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/Badge';
import { useDates } from '@/lib/time-zone';
import type { Member } from '@/types/api';
import { MemberFormModal } from './MemberFormModal';

/** A member's account on their page: who they are, their role and whether they can log in; edited in place. */
export function AccountCard({ member }: { member: Member }) {
  const { t } = useTranslation();
  const { date } = useDates();
  const [editing, setEditing] = useState(false);
  return (
    <section className="card" aria-labelledby="account-title">
      <h2 id="account-title">{t('memberPage.account')}</h2>
      <dl className="facts">
        <div><dt>{t('members.username')}</dt><dd>{member.username}</dd></div>
        <div><dt>{t('members.email')}</dt><dd>{member.email}</dd></div>
        <div><dt>{t('members.role')}</dt><dd>{t(`members.roles.${member.role}`)}</dd></div>
        <div><dt>{t('common.status')}</dt><dd><Badge tone={member.is_active ? 'ok' : 'off'}>{member.is_active ? t('common.active') : t('common.inactive')}</Badge></dd></div>
        <div><dt>{t('memberPage.created')}</dt><dd>{date(member.created_at)}</dd></div>
      </dl>
      <div className="card-actions">
        <button type="button" className="button small" onClick={() => setEditing(true)}>{t('memberPage.editAccount')}</button>
      </div>
      {editing && <MemberFormModal member={member} onClose={() => setEditing(false)} />}
    </section>
  );
}
