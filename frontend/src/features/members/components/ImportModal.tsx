import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '@/components/Modal';
import { Field } from '@/components/Field';
import { errorMessage, violationLine } from '@/components/server-errors';
import { CopyButton } from '@/components/CopyButton';
import { ApiError } from '@/lib/api-client';
import { useImportMembers } from '../api/import-members';
import { CSV_COLUMNS, downloadCsvTemplate } from '../csv-template';
import { CsvFilePicker } from './CsvFilePicker';

export function ImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const importer = useImportMembers();
  const [csv, setCsv] = useState(`${CSV_COLUMNS.slice(0, 4).join(',')}\n`);
  const error = importer.error;
  const withPasswords = importer.data?.members.filter((m) => m.temporary_password) ?? [];

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
          {withPasswords.length > 0 && (
            <>
              <h3>{t('members.tempPasswords')}</h3>
              <table>
                <tbody>
                  {withPasswords.map((m) => (
                    <tr key={m.member.id}><td>{m.member.username}</td><td><code>{m.temporary_password}</code></td></tr>
                  ))}
                </tbody>
              </table>
              <CopyButton className="button" text={withPasswords.map((m) => `${m.member.username},${m.temporary_password}`).join('\n')} />
            </>
          )}
        </div>
      ) : (
        <>
          <p className="hint">{t('members.importHelp')}</p>
          <ul className="hint import-rules">
            <li>{t('csvImport.allOrNothing')}</li>
            <li>{t('csvImport.rowNumbers')}</li>
          </ul>
          <p>
            <button type="button" className="button small" onClick={() => downloadCsvTemplate(t('csvImport.templateFile'))}>{t('csvImport.template')}</button>
          </p>
          <CsvFilePicker onText={setCsv} />
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
