import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { useToast } from '@/components/Toasts';
import type { Access } from '@/types/api';
import { useUpdateAccess } from '../api/update-access';
import { useResetUsage } from '../api/reset-usage';
import type { PlanOption, SettingOption } from '../options';
import { AssignModal } from './AssignModal';
import { EditAccessModal } from './EditAccessModal';

interface Props {
  member: { id: number; name: string };
  /** The member's access; null offers to assign one. */
  access: Access | null;
  plans: PlanOption[];
  settings: SettingOption[];
}

/**
 * What the super-admin can do with one member's AI access, wherever it is shown: assign a plan, change the plan
 * and provider setting, reset the counters, disable or enable. Resetting and disabling ask first.
 */
export function AccessActions({ member, access, plans, settings }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const update = useUpdateAccess();
  const reset = useResetUsage();
  const [open, setOpen] = useState<'assign' | 'edit' | 'reset' | 'disable' | null>(null);
  const close = () => setOpen(null);

  if (!access) {
    return (
      <>
        <button type="button" className="button small primary" onClick={() => setOpen('assign')}>{t('users.assignOne')}</button>
        {open === 'assign' && <AssignModal plans={plans} settings={settings} only={member} onClose={close} />}
      </>
    );
  }
  return (
    <>
      <button type="button" className="button small" onClick={() => setOpen('edit')}>{t('users.changePlan')}</button>
      <button type="button" className="button small" onClick={() => { reset.reset(); setOpen('reset'); }}>{t('users.resetUsage')}</button>
      <button type="button" className="button small" disabled={update.isPending}
        onClick={() => { update.reset(); if (access.is_enabled) setOpen('disable'); else update.mutate({ id: access.id, patch: { is_enabled: true } }); }}>
        {access.is_enabled ? t('users.disable') : t('users.enable')}
      </button>
      {open === 'edit' && <EditAccessModal access={access} plans={plans} settings={settings} onClose={close} />}
      {open === 'reset' && (
        <ConfirmDialog message={t('users.confirmReset', { name: member.name })} confirmLabel={t('users.resetUsage')}
          busy={reset.isPending} error={reset.error} onCancel={close}
          onConfirm={() => reset.mutate(access.id, { onSuccess: () => { close(); toast(t('users.resetDone')); } })} />
      )}
      {open === 'disable' && (
        <ConfirmDialog danger message={t('memberAccess.confirmDisable', { name: member.name })} confirmLabel={t('users.disable')}
          busy={update.isPending} error={update.error} onCancel={close}
          onConfirm={() => update.mutate({ id: access.id, patch: { is_enabled: false } }, { onSuccess: () => { close(); toast(t('memberAccess.disabled')); } })} />
      )}
    </>
  );
}
