import { session } from '@/lib/session';

/**
 * GET /api/notifications/stream, read as Server-Sent Events (with the bearer token, which EventSource cannot
 * send). Calls {@code onEvent} with each event's name until the stream ends or the signal aborts.
 */
export async function readNotificationStream(onEvent: (name: string, data: string) => void, signal: AbortSignal) {
  const response = await fetch('/api/notifications/stream', {
    headers: { Accept: 'text/event-stream', Authorization: `Bearer ${session.token() ?? ''}` },
    signal,
  });
  if (response.status === 401) session.expire();
  if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let boundary: number;
    while ((boundary = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      let name = 'message';
      const data: string[] = [];
      for (const line of frame.split('\n')) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trim());
      }
      onEvent(name, data.join('\n'));
    }
  }
}
