import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/Field';
import { Modal } from '@/components/Modal';
import { applyServerErrors } from '@/components/server-errors';
import { formatMonth } from '@/lib/format';
import { useReopenMonth } from '../api/reopen-month';

/** Reopening a closed month asks why; the reason goes to the audit log. */
export function ReopenDialog({ month, onClose, onDone }: { month: string; onClose: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const reopen = useReopenMonth();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setFormError(null);
    if (!reason.trim()) {
      setFieldError(t('common.required'));
      return;
    }
    setFieldError(undefined);
    // The promise, not mutate's callbacks, which React Query drops once the reopened month unmounts this dialog.
    reopen.mutateAsync({ month, reason: reason.trim() }).then(
      () => onDone(),
      (error) => setFormError(applyServerErrors(error, (_, v) => setFieldError(v.message), ['reason'])),
    );
  };
  return (
    <Modal title={t('billing.reopen.title', { month: formatMonth(month, i18n.language) })} onClose={onClose} footer={<>
      <button type="button" className="button" onClick={onClose}>{t('common.cancel')}</button>
      <button type="submit" form="reopen-form" className="button primary" disabled={reopen.isPending}>{t('billing.reopen.action')}</button>
    </>}>
      <form id="reopen-form" onSubmit={submit} noValidate>
        <Field label={t('billing.reopen.reason')} hint={t('billing.reopen.reasonHint')} error={fieldError}>
          <textarea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        {formError && <p role="alert" className="form-error">{formError}</p>}
      </form>
    </Modal>
  );
}
