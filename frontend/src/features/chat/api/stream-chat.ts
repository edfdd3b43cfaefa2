import { ApiError } from '@/lib/api-client';
import { session } from '@/lib/session';

export type Feature = 'chat' | 'analysis' | 'generation';

export interface ChatMessage {
  role: 'user' | 'assistant' | 'system';
  content: string;
}

export interface ChatSummary {
  id: string;
  model: string;
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
  cost: number | null;
  finish_reason: string | null;
  request_type: string;
}

interface Handlers {
  onDelta: (text: string) => void;
  onDone: (summary: ChatSummary) => void;
}

/**
 * POST /api/ai/{feature} with stream: true and read the Server-Sent Events as they arrive. The call is logged in
 * the prompt-log session `sessionId`. Aborting the signal stops the answer; the server then bills only what was
 * produced.
 */
export async function streamChat(feature: Feature, messages: ChatMessage[], sessionId: string, handlers: Handlers, signal: AbortSignal) {
  const response = await fetch(`/api/ai/${feature}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream', Authorization: `Bearer ${session.token() ?? ''}` },
    body: JSON.stringify({ messages, stream: true, session_id: sessionId }),
    signal,
  });
  if (response.status === 401) session.expire();
  if (!response.ok || !response.body) {
    let body = {};
    try {
      body = await response.json();
    } catch {
      /* not JSON */
    }
    throw new ApiError(response.status, body);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let boundary: number;
    while ((boundary = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      dispatch(frame, handlers);
    }
  }
}

function dispatch(frame: string, handlers: Handlers) {
  let event = 'message';
  const data: string[] = [];
  for (const line of frame.split('\n')) {
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
  }
  if (data.length === 0) return;
  const payload = JSON.parse(data.join('\n'));
  if (event === 'delta') handlers.onDelta(payload.text as string);
  else if (event === 'done') handlers.onDone(payload as ChatSummary);
  else if (event === 'error') throw new ApiError(502, payload);
}
