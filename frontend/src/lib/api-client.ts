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

/** Sends a call with the session's token; ends the session on any 401 and throws the server's error shape. */
async function send(path: string, init: { method?: string; body?: Body; raw?: string; contentType?: string; accept?: string }) {
  const headers: Record<string, string> = { Accept: init.accept ?? 'application/json' };
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
  if (!response.ok) {
    let body: Partial<ApiErrorBody> = {};
    try {
      body = (await response.json()) as ApiErrorBody;
    } catch {
      body = { message: response.statusText };
    }
    throw new ApiError(response.status, body);
  }
  return response;
}

/** The one API client: adds the token, parses errors, and ends the session on any 401. */
export async function api<T>(path: string, init: { method?: string; body?: Body; raw?: string; contentType?: string } = {}): Promise<T> {
  const response = await send(path, init);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A file the API answers (a CSV export, say), with the name its Content-Disposition gives (RFC 6266). */
export interface Download {
  blob: Blob;
  fileName: string;
}

export async function download(path: string, accept: string, fallbackName: string): Promise<Download> {
  const response = await send(path, { accept });
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="([^"]+)"/i.exec(disposition)?.[1];
  return { blob: await response.blob(), fileName: encoded ? decodeURIComponent(encoded) : plain ?? fallbackName };
}

/** Hands a downloaded file to the browser, which saves it under its name. */
export function saveFile({ blob, fileName }: Download) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, so the browser has started reading it.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
