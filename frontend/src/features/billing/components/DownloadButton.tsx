import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useToast } from '@/components/Toasts';
import { errorMessage } from '@/components/server-errors';
import { download as fetchFile, saveFile } from '@/lib/api-client';

/** A button that downloads a file from the API with the session's token; a failure shows as a toast. */
export function DownloadButton({ path, fileName, label, small }: { path: string; fileName: string; label: string; small?: boolean }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      saveFile(await fetchFile(path, '*/*', fileName));
    } catch (e) {
      toast(t('billing.downloads.failed', { error: errorMessage(e) }), 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className={small ? 'button small' : 'button'} disabled={busy} aria-busy={busy} onClick={() => void download()}>
      {label}
    </button>
  );
}
