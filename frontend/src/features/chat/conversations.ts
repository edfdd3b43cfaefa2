import { useCallback, useSyncExternalStore } from 'react';
import { session } from '@/lib/session';
import { streamChat, type ChatMessage, type ChatSummary, type Feature } from './api/stream-chat';

export interface Turn extends ChatMessage {
  summary?: ChatSummary;
  /** The member stopped this answer (or left the page while it streamed): it holds what had arrived. */
  stopped?: boolean;
}

export interface Conversation {
  /**
   * The prompt-log session of this conversation, sent with every call: set by its first message, dropped by
   * "new conversation", so each conversation (and each feature's) is its own session in the log.
   */
  sessionId: string | null;
  turns: Turn[];
  busy: boolean;
  error: Error | null;
}

/** What the browser tab keeps of a conversation. */
interface Stored {
  session_id: string | null;
  turns: Turn[];
}

const PREFIX = 'labgate.chat.';
const EMPTY: Conversation = { sessionId: null, turns: [], busy: false, error: null };
const memory = new Map<string, Conversation>();
const running = new Map<string, AbortController>();
const listeners = new Set<() => void>();

/** One conversation per member and feature. */
export const conversationKey = (memberId: number, feature: Feature) => `${PREFIX}${memberId}.${feature}`;

/** A new prompt-log session id for a conversation with a feature: "chat-3f9a2b1c". */
export const newSessionId = (feature: Feature) => `${feature}-${crypto.randomUUID().slice(0, 8)}`;

function restore(key: string): Conversation {
  try {
    const raw = sessionStorage.getItem(key);
    if (!raw) return EMPTY;
    const { session_id, turns } = JSON.parse(raw) as Stored;
    // An answer still streaming when the page went away ends where it was.
    const last = turns[turns.length - 1];
    if (last?.role === 'assistant' && !last.summary && !last.stopped) turns[turns.length - 1] = { ...last, stopped: true };
    return { sessionId: session_id, turns, busy: false, error: null };
  } catch {
    return EMPTY;
  }
}

function read(key: string): Conversation {
  let conversation = memory.get(key);
  if (!conversation) {
    conversation = restore(key);
    memory.set(key, conversation);
  }
  return conversation;
}

function write(key: string, change: Partial<Conversation>) {
  const next = { ...read(key), ...change };
  memory.set(key, next);
  try {
    if (next.turns.length) sessionStorage.setItem(key, JSON.stringify({ session_id: next.sessionId, turns: next.turns } satisfies Stored));
    else sessionStorage.removeItem(key);
  } catch {
    /* storage full or unavailable: the conversation still lives for this page */
  }
  listeners.forEach((l) => l());
}

/** Changes the answer being streamed; nothing if the conversation was cleared meanwhile. */
const patchLast = (key: string, patch: (turn: Turn) => Turn) => {
  const turns = read(key).turns;
  const last = turns[turns.length - 1];
  if (last?.role === 'assistant') write(key, { turns: [...turns.slice(0, -1), patch(last)] });
};

/**
 * Sends the member's message with the conversation so far and streams the answer into the conversation. The
 * stream belongs to the conversation, not to a screen: switching tabs does not stop or lose it.
 */
export async function send(key: string, feature: Feature, text: string) {
  const { turns, busy, sessionId: current } = read(key);
  if (busy) return;
  const sessionId = current ?? newSessionId(feature);
  const history: ChatMessage[] = [
    ...turns.filter((t) => t.content).map(({ role, content }) => ({ role, content })),
    { role: 'user', content: text },
  ];
  write(key, { sessionId, turns: [...turns, { role: 'user', content: text }, { role: 'assistant', content: '' }], busy: true, error: null });
  const controller = new AbortController();
  running.set(key, controller);
  try {
    await streamChat(feature, history, sessionId, {
      onDelta: (delta) => patchLast(key, (turn) => ({ ...turn, content: turn.content + delta })),
      onDone: (summary) => patchLast(key, (turn) => ({ ...turn, summary })),
    }, controller.signal);
  } catch (err) {
    if (controller.signal.aborted) {
      patchLast(key, (turn) => ({ ...turn, stopped: true }));
    } else {
      const all = read(key).turns;
      write(key, { turns: all[all.length - 1]?.content ? all : all.slice(0, -1), error: err instanceof Error ? err : new Error(String(err)) });
    }
  } finally {
    running.delete(key);
    if (memory.has(key)) write(key, { busy: false });
  }
}

export function stop(key: string) {
  running.get(key)?.abort();
}

/** "New conversation": empty, and the next message starts a new prompt-log session. */
export function clear(key: string) {
  stop(key);
  write(key, { sessionId: null, turns: [], error: null });
}

/** Forgets every conversation of this browser tab (on logout). */
export function forgetAll() {
  running.forEach((c) => c.abort());
  running.clear();
  memory.clear();
  try {
    Object.keys(sessionStorage).filter((k) => k.startsWith(PREFIX)).forEach((k) => sessionStorage.removeItem(k));
  } catch {
    /* nothing stored */
  }
  listeners.forEach((l) => l());
}

session.subscribe(() => {
  if (!session.user()) forgetAll();
});

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The conversation of a member with one feature, kept for the browser tab's session (sessionStorage). */
export function useConversation(memberId: number, feature: Feature) {
  const key = conversationKey(memberId, feature);
  const conversation = useSyncExternalStore(subscribe, () => read(key), () => EMPTY);
  return {
    ...conversation,
    send: useCallback((text: string) => send(key, feature, text), [key, feature]),
    stop: useCallback(() => stop(key), [key]),
    clear: useCallback(() => clear(key), [key]),
  };
}
