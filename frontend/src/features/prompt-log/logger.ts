import { api, ApiError } from '@/lib/api-client';
import { session } from '@/lib/session';

/**
 * The user's promptLogger.logPrompt(userPrompt, context, aiResponse): entries go to local storage first and are
 * sent to the backend; when it cannot be reached they stay queued and are sent later. Each entry carries an
 * idempotency key (client_id), so a retry after a lost answer never makes a duplicate.
 *
 * A browser may be shared: each member's queue is kept under their own id and sent only while that member is
 * logged in, with their token. After a logout it is held back until the same member's next session; another
 * member never sends, sees or counts it.
 */
const QUEUE_PREFIX = 'labgate.promptQueue.';
const SESSION_PREFIX = 'labgate.promptSession.';
/** The queue before it was kept per member: whose entries it holds is unknown, so it is never sent. */
const UNOWNED_QUEUE_KEY = 'labgate.promptQueue';

export interface QueuedPrompt {
  client_id: string;
  timestamp: string;
  user_prompt: string;
  ai_response?: string;
  context: string;
  session_id: string;
}

const memberId = () => session.user()?.id ?? null;

function read(member: number): QueuedPrompt[] {
  try {
    return JSON.parse(localStorage.getItem(QUEUE_PREFIX + member) ?? '[]') as QueuedPrompt[];
  } catch {
    return [];
  }
}

function write(member: number, queue: QueuedPrompt[]) {
  if (queue.length) localStorage.setItem(QUEUE_PREFIX + member, JSON.stringify(queue));
  else localStorage.removeItem(QUEUE_PREFIX + member);
}

/** One session per browser tab, member and day unless the page sets its own. */
export function currentSessionId() {
  const today = new Date().toISOString().slice(0, 10);
  const key = SESSION_PREFIX + (memberId() ?? 'none');
  const stored = sessionStorage.getItem(key);
  if (stored?.startsWith(`web-${today}`)) return stored;
  const id = `web-${today}-${crypto.randomUUID().slice(0, 8)}`;
  sessionStorage.setItem(key, id);
  return id;
}

let flushing: Promise<number> | null = null;

export const promptLogger = {
  /** Queues an entry of the logged-in member and starts sending; without a member there is no one to log for. */
  logPrompt(userPrompt: string, context = 'general', aiResponse?: string): QueuedPrompt | null {
    const member = memberId();
    if (member === null) return null;
    const entry: QueuedPrompt = {
      client_id: crypto.randomUUID(), timestamp: new Date().toISOString(), user_prompt: userPrompt,
      ai_response: aiResponse, context, session_id: currentSessionId(),
    };
    write(member, [...read(member), entry]);
    void promptLogger.flush();
    return entry;
  },

  /** The logged-in member's entries still to be sent. */
  pending(): QueuedPrompt[] {
    const member = memberId();
    return member === null ? [] : read(member);
  },

  /**
   * Sends the logged-in member's queued entries in order; stops at the first failure and keeps the rest, and
   * stops when the session changes (the rest waits for its member). Returns how many were sent.
   */
  flush(): Promise<number> {
    if (flushing) return flushing;
    const owner = memberId();
    if (owner === null) return Promise.resolve(0);
    flushing = (async () => {
      let sent = 0;
      for (const entry of read(owner)) {
        // Checked right before the call, which takes the token of the session it starts in.
        if (memberId() !== owner) break;
        try {
          await api('/api/prompt-logs', { method: 'POST', body: entry });
        } catch (e) {
          if (!(e instanceof ApiError) || e.status >= 500 || e.status === 401) {
            break; // unreachable or logged out: keep it for later
          }
          // 4xx: the entry itself is rejected and would be forever; drop it rather than block the queue.
        }
        write(owner, read(owner).filter((q) => q.client_id !== entry.client_id));
        sent++;
      }
      return sent;
    })().finally(() => {
      flushing = null;
      // Another member logged in meanwhile: their queue goes now, not at the next retry.
      const now = memberId();
      if (now !== null && now !== owner) void promptLogger.flush();
    });
    return flushing;
  },

  /** Retries when the browser comes back online, every 30 s, and when a member logs in. */
  start() {
    localStorage.removeItem(UNOWNED_QUEUE_KEY);
    const retry = () => void promptLogger.flush();
    window.addEventListener('online', retry);
    const timer = window.setInterval(retry, 30_000);
    const unsubscribe = session.subscribe(retry);
    retry();
    return () => {
      window.removeEventListener('online', retry);
      window.clearInterval(timer);
      unsubscribe();
    };
  },
};
