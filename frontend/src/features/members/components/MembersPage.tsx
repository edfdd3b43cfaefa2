import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/Layout';
import { Badge } from '@/components/Badge';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { Pagination } from '@/components/Pagination';
import { EmptyState, ErrorState, Loading } from '@/components/States';
import { useToast } from '@/components/Toasts';
import { fullName } from '@/lib/format';
import { useSessionUser } from '@/lib/use-session';
import type { Member } from '@/types/api';
import { useMembers } from '../api/get-members';
import { useDeleteMember } from '../api/delete-member';
import { useResetPassword } from '../api/reset-password';
import { useSignOutMember } from '../api/sign-out-member';
import { MemberFormModal } from './MemberFormModal';
import { ImportModal } from './ImportModal';
import { PasswordResetModal } from './PasswordResetModal';

const SIZE = 20;

export function MembersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const role = params.get('role') ?? '';
  const page = Number(params.get('page') ?? 0);
  const members = useMembers({ q, role, page, size: SIZE });
  const remove = useDeleteMember();
  const toast = useToast();
  const me = useSessionUser();
  const [editing, setEditing] = useState<Member | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [deleting, setDeleting] = useState<Member | null>(null);
  const reset = useResetPassword();
  const signOut = useSignOutMember();
  const [resetting, setResetting] = useState<Member | null>(null);
  const [signingOut, setSigningOut] = useState<Member | null>(null);
  const [newPassword, setNewPassword] = useState<{ member: Member; password: string } | null>(null);

  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value); else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };

  return (
    <section>
      <PageHeader title={t('members.title')} subtitle={t('members.subtitle')} actions={<>
        <button type="button" className="button" onClick={() => setImporting(true)}>{t('members.import')}</button>
        <button type="button" className="button primary" onClick={() => setEditing('new')}>{t('members.add')}</button>
      </>} />
      <div className="filters">
        <input type="search" aria-label={t('common.search')} placeholder={t('members.searchPlaceholder')} value={q} onChange={(e) => setFilter('q', e.target.value)} />
        <select aria-label={t('members.filterRole')} value={role} onChange={(e) => setFilter('role', e.target.value)}>
          <option value="">{t('common.all')}</option>
          <option value="researcher">{t('members.roles.researcher')}</option>
          <option value="superadmin">{t('members.roles.superadmin')}</option>
        </select>
      </div>
      {members.isPending ? <Loading /> : members.isError ? <ErrorState error={members.error} onRetry={() => void members.refetch()} /> :
        members.data.items.length === 0 ? <EmptyState>{t('members.empty')}</EmptyState> : (
          <>
            <div className="table-wrap">
              <table className="stack">
                <thead><tr>
                  <th scope="col">{t('members.name')}</th><th scope="col">{t('members.username')}</th><th scope="col">{t('members.email')}</th>
                  <th scope="col">{t('members.role')}</th><th scope="col">{t('common.status')}</th><th scope="col">{t('common.actions')}</th>
                </tr></thead>
                <tbody>
                  {members.data.items.map((m) => (
                    <tr key={m.id}>
                      <td data-label={t('members.name')}><Link to={`/admin/members/${m.id}`}>{fullName(m)}</Link>{m.id === me?.id && <> <Badge tone="info">{t('ownAccount.badge')}</Badge></>}</td><td data-label={t('members.username')}>{m.username}</td><td data-label={t('members.email')}>{m.email}</td>
                      <td data-label={t('members.role')}>{t(`members.roles.${m.role}`)}</td>
                      <td data-label={t('common.status')}><Badge tone={m.is_active ? 'ok' : 'off'}>{m.is_active ? t('common.active') : t('common.inactive')}</Badge></td>
                      <td data-label={t('common.actions')}><div className="actions">
                        <button type="button" className="button small" onClick={() => setEditing(m)}>{t('common.edit')}</button>
                        {/* Not offered for the account in use: the server refuses to delete it, and resetting or
                            signing it out would end this very session (the member's own page does both). */}
                        {m.id !== me?.id && (<>
                          <button type="button" className="button small" onClick={() => { reset.reset(); setResetting(m); }}>{t('members.resetPassword')}</button>
                          <button type="button" className="button small" onClick={() => { signOut.reset(); setSigningOut(m); }}>{t('members.signOut')}</button>
                          <button type="button" className="button small danger" onClick={() => { remove.reset(); setDeleting(m); }}>{t('common.delete')}</button>
                        </>)}
                      </div></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={page} size={SIZE} total={members.data.total} onPage={(p) => setFilter('page', String(p))} />
          </>
        )}
      {editing && <MemberFormModal member={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      {importing && <ImportModal onClose={() => setImporting(false)} />}
      {resetting && (
        <ConfirmDialog message={t('members.confirmReset', { name: fullName(resetting) })} confirmLabel={t('members.resetPassword')}
          busy={reset.isPending} error={reset.error} onCancel={() => setResetting(null)}
          onConfirm={() => reset.mutate(resetting.id, { onSuccess: (r) => { setNewPassword({ member: resetting, password: r.temporary_password }); setResetting(null); } })} />
      )}
      {newPassword && <PasswordResetModal member={newPassword.member} password={newPassword.password} onClose={() => setNewPassword(null)} />}
      {signingOut && (
        <ConfirmDialog message={t('members.confirmSignOut', { name: fullName(signingOut) })} confirmLabel={t('members.signOut')}
          busy={signOut.isPending} error={signOut.error} onCancel={() => setSigningOut(null)}
          onConfirm={() => signOut.mutate(signingOut.id, { onSuccess: () => { toast(t('members.signedOut', { name: fullName(signingOut) })); setSigningOut(null); } })} />
      )}
      {deleting && (
        <ConfirmDialog danger message={t('members.confirmDelete', { name: fullName(deleting) })} confirmLabel={t('common.delete')}
          busy={remove.isPending} error={remove.error} onCancel={() => setDeleting(null)}
          onConfirm={() => remove.mutate(deleting.id, { onSuccess: () => { setDeleting(null); toast(t('common.deleted')); } })} />
      )}
    </section>
  );
}
