import type { ApiErrorBody, ErrorCode, Violation } from '@/types/api';
import { session } from './session';

/**
 * A failed call, carrying the server's error shape: a code and its params, which the SPA words
 * (components/server-errors). `message` is the server's English fallback, for logs only, never for the screen.
 */
export class ApiError extends Error {
  readonly status: number;
  /** An ErrorCode, or 'unknown' when the answer was not our error shape (a proxy's page, say). */
  readonly code: ErrorCode | 'unknown';
  readonly params: Record<string, unknown>;
  readonly violations: Violation[];

  constructor(status: number, body: Partial<ApiErrorBody>) {
    super(body.message ?? `HTTP ${status}`);
    this.status = status;
    this.code = body.error ?? 'unknown';
    this.params = body.params ?? {};
    this.violations = body.violations ?? [];
  }
}

type Body = unknown;

/** A failed answer as an ApiError: our error shape, or what little is known when it is not. */
async function failure(response: Response) {
  let body: Partial<ApiErrorBody> = {};
  try {
    body = (await response.json()) as ApiErrorBody;
  } catch {
    body = { message: response.statusText };
  }
  return new ApiError(response.status, body);
}

/** The one API client: adds the token, parses errors, and ends the session on any 401. */
export async function api<T>(path: string, init: { method?: string; body?: Body; raw?: string; contentType?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = session.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  let payload: string | undefined;
  if (init.raw !== undefined) {
    payload = init.raw;
    headers['Content-Type'] = init.contentType ?? 'text/plain';
  } else if (init.body !== undefined) {
    payload = JSON.stringify(init.body);
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, { method: init.method ?? 'GET', headers, body: payload });
  if (response.status === 401 && token && !path.startsWith('/api/auth/login')) {
    session.expire();
  }
  if (!response.ok) throw await failure(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A file from the API (a CSV export, say), with the name the server gave it; errors and 401 as in `api`. */
export async function apiDownload(path: string, accept: string): Promise<{ blob: Blob; fileName: string | null }> {
  const headers: Record<string, string> = { Accept: accept };
  const token = session.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(path, { headers });
  if (response.status === 401 && token) session.expire();
  if (!response.ok) throw await failure(response);
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? null;
  return { blob: await response.blob(), fileName };
}

/** Hands a downloaded file to the browser to save. */
export function saveFile(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
