import type { Member } from '@/types/api';

const KEY = 'labgate.session';

interface Stored {
  token: string;
  user: Member;
  expiresAt: number;
}

type Listener = () => void;
const listeners = new Set<Listener>();

function read(): Stored | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const stored = JSON.parse(raw) as Stored;
    return stored.expiresAt > Date.now() ? stored : null;
  } catch {
    return null;
  }
}

/** The last session was ended by the server (expired, or ended on another device), not by logging out. */
let endedByServer = false;

/** The logged-in member and their token, kept in localStorage so a reload keeps the session. */
export const session = {
  token: () => read()?.token ?? null,
  user: () => read()?.user ?? null,
  start(token: string, user: Member, expiresInSeconds: number) {
    endedByServer = false;
    localStorage.setItem(KEY, JSON.stringify({ token, user, expiresAt: Date.now() + expiresInSeconds * 1000 }));
    listeners.forEach((l) => l());
  },
  end() {
    localStorage.removeItem(KEY);
    listeners.forEach((l) => l());
  },
  /**
   * The server said the token is no longer valid: end the session. The protected page then sends the member to
   * the login page, which says why ({@link endedByServer}): navigating here as well would race that redirect.
   */
  expire() {
    endedByServer = true;
    session.end();
  },
  expired: () => endedByServer,
  subscribe(listener: Listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
