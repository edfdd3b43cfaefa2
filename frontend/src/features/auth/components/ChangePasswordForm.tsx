import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/Field';
import { applyServerErrors } from '@/components/server-errors';
import { useToast } from '@/components/Toasts';
import { useChangePassword } from '../api/change-password';
import { passwordChangeSchema, type PasswordChangeForm } from '../schemas';

const FIELDS = ['current_password', 'new_password'];
const EMPTY = { current_password: '', new_password: '', confirm_password: '' };

/** The member's own password: the current one proves it is them; every other device is logged out. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const toast = useToast();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, formState: { errors } } = useForm<PasswordChangeForm>({
    resolver: zodResolver(passwordChangeSchema(t)),
    defaultValues: EMPTY,
  });

  const submit = handleSubmit(({ current_password, new_password }) => {
    setFormError(null);
    change.mutate({ current_password, new_password }, {
      onSuccess: () => {
        reset(EMPTY);
        toast(t('account.changed'));
      },
      onError: (e) => setFormError(applyServerErrors(e, setError, FIELDS)),
    });
  });

  return (
    <form className="card form-grid" aria-labelledby="change-password-title" onSubmit={submit} noValidate>
      <h2 id="change-password-title">{t('account.changePassword')}</h2>
      <p className="hint">{t('account.help')}</p>
      <Field label={t('account.currentPassword')} error={errors.current_password?.message}>
        <input type="password" autoComplete="current-password" {...register('current_password')} />
      </Field>
      <Field label={t('account.newPassword')} error={errors.new_password?.message}>
        <input type="password" autoComplete="new-password" {...register('new_password')} />
      </Field>
      <Field label={t('account.confirmPassword')} error={errors.confirm_password?.message}>
        <input type="password" autoComplete="new-password" {...register('confirm_password')} />
      </Field>
      {formError && <p role="alert" className="form-error">{formError}</p>}
      <button type="submit" className="button primary" disabled={change.isPending}>{t('account.submit')}</button>
    </form>
  );
}
