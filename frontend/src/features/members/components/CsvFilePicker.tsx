import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A file input whose button and "no file" text are in the app's language; the browser's own button would
 * read "Choose File" whatever the app's language.
 */
export function CsvFilePicker({ onText }: { onText: (text: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [fileName, setFileName] = useState<string | null>(null);

  const read = async (file: File | undefined) => {
    if (!file) return;
    setFileName(file.name);
    onText(await file.text());
  };

  return (
    <div className="field">
      <span className="field-label" id={`${id}-label`}>{t('members.importFile')}</span>
      <div className="file-picker">
        <input id={id} type="file" accept=".csv,text/csv" className="visually-hidden-file" aria-labelledby={`${id}-label ${id}-button`}
          onChange={(e) => void read(e.target.files?.[0])} />
        <label htmlFor={id} id={`${id}-button`} className="button">{t('csvImport.chooseFile')}</label>
        <span className="muted">{fileName ?? t('csvImport.noFile')}</span>
      </div>
    </div>
  );
}
