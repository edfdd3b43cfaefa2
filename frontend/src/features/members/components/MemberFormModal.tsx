import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Modal } from '@/components/Modal';
import { Field } from '@/components/Field';
import { applyServerErrors } from '@/components/server-errors';
import { useToast } from '@/components/Toasts';
import type { Member } from '@/types/api';
import { memberSchema, type MemberForm } from '../schemas';
import { useSaveMember } from '../api/save-member';

const FIELDS = ['username', 'email', 'password', 'role', 'first_name', 'last_name', 'is_active'];

export function MemberFormModal({ member, onClose }: { member?: Member; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveMember();
  const toast = useToast();
  const [formError, setFormError] = useState<string | null>(null);
  const creating = !member;
  const { register, handleSubmit, setError, formState: { errors } } = useForm<MemberForm>({
    resolver: zodResolver(memberSchema(t, creating)),
    defaultValues: member
      ? { username: member.username, email: member.email, password: '', role: member.role, first_name: member.first_name, last_name: member.last_name, is_active: member.is_active }
      : { username: '', email: '', password: '', role: 'researcher', first_name: '', last_name: '', is_active: true },
  });

  const submit = handleSubmit((v) => {
    setFormError(null);
    save.mutate(
      { input: { ...v, password: v.password || undefined }, id: member?.id },
      {
        onSuccess: (saved) => {
          toast(creating ? t('memberSaved.created', { username: saved.username }) : t('common.saved'));
          onClose();
        },
        onError: (e) => setFormError(applyServerErrors(e, setError, FIELDS)),
      },
    );
  });

  return (
    <Modal title={creating ? t('members.add') : t('members.edit')} onClose={onClose}
      footer={<>
        <button type="button" className="button" onClick={onClose}>{t('common.cancel')}</button>
        <button type="submit" form="member-form" className="button primary" disabled={save.isPending}>{t('common.save')}</button>
      </>}>
      <form id="member-form" className="form-grid" onSubmit={submit} noValidate>
        <Field label={t('members.username')} error={errors.username?.message}><input {...register('username')} disabled={!creating} /></Field>
        <Field label={t('members.email')} error={errors.email?.message}><input type="email" {...register('email')} /></Field>
        <Field label={t('members.lastName')} error={errors.last_name?.message}><input {...register('last_name')} /></Field>
        <Field label={t('members.firstName')} error={errors.first_name?.message}><input {...register('first_name')} /></Field>
        <Field label={creating ? t('members.password') : t('members.newPassword')} error={errors.password?.message}>
          <input type="password" autoComplete="new-password" {...register('password')} />
        </Field>
        <Field label={t('members.role')} error={errors.role?.message}>
          <select {...register('role')}>
            <option value="researcher">{t('members.roles.researcher')}</option>
            <option value="superadmin">{t('members.roles.superadmin')}</option>
          </select>
        </Field>
        {!creating && <label className="check"><input type="checkbox" {...register('is_active')} /> {t('members.active')}</label>}
        {formError && <p role="alert" className="form-error">{formError}</p>}
      </form>
    </Modal>
  );
}
