import { ApiError } from './api-client';
import { session } from './session';

/** A file the server sent: its bytes, type and name (from Content-Disposition, RFC 6266). */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/**
 * Fetches a file with the session's token (a plain link could not send it) and hands it to the browser to save.
 * Failures throw an ApiError like every other call; a 401 ends the session.
 */
export async function fetchFile(path: string, fallbackName: string): Promise<DownloadedFile> {
  const token = session.token();
  const response = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (response.status === 401 && token) session.expire();
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => ({})));
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const plain = /filename="([^"]+)"/.exec(disposition)?.[1];
  return { blob: await response.blob(), fileName: encoded ? decodeURIComponent(encoded) : plain ?? fallbackName };
}

export function saveFile({ blob, fileName }: DownloadedFile) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export async function downloadFile(path: string, fallbackName: string) {
  saveFile(await fetchFile(path, fallbackName));
}
