import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '@/components/Modal';
import { Field } from '@/components/Field';
import { errorMessage, violationLine } from '@/components/server-errors';
import { ApiError } from '@/lib/api-client';
import { useImportMembers } from '../api/import-members';

export function ImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const importer = useImportMembers();
  const [csv, setCsv] = useState('username,email,first_name,last_name\n');
  const error = importer.error;

  const readFile = async (file: File | undefined) => {
    if (file) setCsv(await file.text());
  };

  return (
    <Modal wide title={t('members.importTitle')} onClose={onClose}
      footer={<>
        <button type="button" className="button" onClick={onClose}>{t('common.close')}</button>
        {!importer.data && (
          <button type="button" className="button primary" disabled={importer.isPending} onClick={() => importer.mutate(csv)}>
            {t('members.importSubmit')}
          </button>
        )}
      </>}>
      {importer.data ? (
        <div>
          <p role="status">{t('members.imported', { count: importer.data.created })}</p>
          {importer.data.members.some((m) => m.temporary_password) && (
            <>
              <h3>{t('members.tempPasswords')}</h3>
              <table>
                <tbody>
                  {importer.data.members.filter((m) => m.temporary_password).map((m) => (
                    <tr key={m.member.id}><td>{m.member.username}</td><td><code>{m.temporary_password}</code></td></tr>
                  ))}
                </tbody>
              </table>
              <button type="button" className="button" onClick={() => void navigator.clipboard?.writeText(
                importer.data!.members.filter((m) => m.temporary_password).map((m) => `${m.member.username},${m.temporary_password}`).join('\n'))}>
                {t('common.copy')}
              </button>
            </>
          )}
        </div>
      ) : (
        <>
          <p className="hint">{t('members.importHelp')}</p>
          <Field label={t('members.importFile')}><input type="file" accept=".csv,text/csv" onChange={(e) => void readFile(e.target.files?.[0])} /></Field>
          <Field label={t('members.importText')}><textarea rows={8} value={csv} onChange={(e) => setCsv(e.target.value)} /></Field>
          {error && (
            <div role="alert" className="form-error">
              <p>{errorMessage(error)}</p>
              {error instanceof ApiError && error.violations.length > 0 && (
                <ul>{error.violations.map((v, i) => <li key={i}>{violationLine(v)}</li>)}</ul>
              )}
            </div>
          )}
        </>
      )}
    </Modal>
  );
}
