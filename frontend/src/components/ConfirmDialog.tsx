import { useTranslation } from 'react-i18next';
import { Modal } from './Modal';
import { errorMessage } from './server-errors';

interface Props {
  message: string;
  confirmLabel?: string;
  danger?: boolean;
  busy?: boolean;
  /** A failed confirmation, worded here. */
  error?: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({ message, confirmLabel, danger, busy, error, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      title={t('common.confirm')}
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="button" className={danger ? 'button danger' : 'button primary'} disabled={busy} onClick={onConfirm}>
            {confirmLabel ?? t('common.confirm')}
          </button>
        </>
      }
    >
      <p>{message}</p>
      {error != null && (
        <p role="alert" className="form-error">
          {errorMessage(error)}
        </p>
      )}
    </Modal>
  );
}
