import { useQuery } from '@tanstack/react-query';
import { ApiError } from '@/lib/api-client';
import { session } from '@/lib/session';
import { promptLogQueryKey } from './get-sessions';

export interface MarkdownExport {
  fileName: string;
  markdown: string;
}

/** GET /api/prompt-logs/export — Markdown, with the file name from Content-Disposition (RFC 6266). */
export async function exportMarkdown(sessionId: string, lang: string, memberId?: string): Promise<MarkdownExport> {
  const params = new URLSearchParams({ session_id: sessionId, lang: lang === 'en' ? 'en' : 'ko' });
  if (memberId) params.set('member_id', memberId);
  const response = await fetch(`/api/prompt-logs/export?${params}`, { headers: { Authorization: `Bearer ${session.token() ?? ''}` } });
  if (response.status === 401) session.expire();
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => ({})));
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  return { fileName: encoded ? decodeURIComponent(encoded) : 'prompt-log.md', markdown: await response.text() };
}

export function useMarkdownExport(sessionId: string | null, lang: string, memberId?: string) {
  return useQuery({
    queryKey: [...promptLogQueryKey, 'export', sessionId, lang, memberId ?? ''],
    queryFn: () => exportMarkdown(sessionId!, lang, memberId),
    enabled: sessionId !== null,
  });
}
