import { api, ApiError } from '@/lib/api-client';

/**
 * The user's promptLogger.logPrompt(userPrompt, context, aiResponse): entries go to local storage first and are
 * sent to the backend; when it cannot be reached they stay queued and are sent later. Each entry carries an
 * idempotency key (client_id), so a retry after a lost answer never makes a duplicate.
 */
const QUEUE_KEY = 'labgate.promptQueue';
const SESSION_KEY = 'labgate.promptSession';

export interface QueuedPrompt {
  client_id: string;
  timestamp: string;
  user_prompt: string;
  ai_response?: string;
  context: string;
  session_id: string;
}

function read(): QueuedPrompt[] {
  try {
    return JSON.parse(localStorage.getItem(QUEUE_KEY) ?? '[]') as QueuedPrompt[];
  } catch {
    return [];
  }
}

function write(queue: QueuedPrompt[]) {
  localStorage.setItem(QUEUE_KEY, JSON.stringify(queue));
}

/** One session per browser tab and day unless the page sets its own. */
export function currentSessionId() {
  const today = new Date().toISOString().slice(0, 10);
  const stored = sessionStorage.getItem(SESSION_KEY);
  if (stored?.startsWith(`web-${today}`)) return stored;
  const id = `web-${today}-${crypto.randomUUID().slice(0, 8)}`;
  sessionStorage.setItem(SESSION_KEY, id);
  return id;
}

let flushing: Promise<number> | null = null;

export const promptLogger = {
  logPrompt(userPrompt: string, context = 'general', aiResponse?: string) {
    const entry: QueuedPrompt = {
      client_id: crypto.randomUUID(), timestamp: new Date().toISOString(), user_prompt: userPrompt,
      ai_response: aiResponse, context, session_id: currentSessionId(),
    };
    write([...read(), entry]);
    void promptLogger.flush();
    return entry;
  },

  pending() {
    return read();
  },

  /** Sends queued entries in order; stops at the first failure and keeps the rest. Returns how many were sent. */
  flush(): Promise<number> {
    if (flushing) return flushing;
    flushing = (async () => {
      let sent = 0;
      for (const entry of read()) {
        try {
          await api('/api/prompt-logs', { method: 'POST', body: entry });
        } catch (e) {
          if (!(e instanceof ApiError) || e.status >= 500 || e.status === 401) {
            break; // unreachable or logged out: keep it for later
          }
          // 4xx: the entry itself is rejected and would be forever; drop it rather than block the queue.
        }
        write(read().filter((q) => q.client_id !== entry.client_id));
        sent++;
      }
      return sent;
    })().finally(() => {
      flushing = null;
    });
    return flushing;
  },

  /** Retries when the browser comes back online and every 30 s. */
  start() {
    const retry = () => void promptLogger.flush();
    window.addEventListener('online', retry);
    const timer = window.setInterval(retry, 30_000);
    retry();
    return () => {
      window.removeEventListener('online', retry);
      window.clearInterval(timer);
    };
  },
};
