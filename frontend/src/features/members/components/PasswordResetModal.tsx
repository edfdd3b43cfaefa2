import { useTranslation } from 'react-i18next';
import { Modal } from '@/components/Modal';
import { CopyButton } from '@/components/CopyButton';
import { fullName } from '@/lib/format';
import type { Member } from '@/types/api';

/** The generated password, this once: it is not stored anywhere it could be shown again. */
export function PasswordResetModal({ member, password, onClose }: { member: Member; password: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal title={t('members.resetPassword')} onClose={onClose}
      footer={<button type="button" className="button primary" onClick={onClose}>{t('common.close')}</button>}>
      <p>{t('members.resetDone', { name: fullName(member) })}</p>
      <p><code aria-label={t('members.temporaryPassword')}>{password}</code> <CopyButton className="button small" text={password} /></p>
      <p className="hint">{t('members.resetHint')}</p>
    </Modal>
  );
}
