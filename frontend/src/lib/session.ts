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

/** The logged-in member and their token, kept in localStorage so a reload keeps the session. */
export const session = {
  token: () => read()?.token ?? null,
  user: () => read()?.user ?? null,
  start(token: string, user: Member, expiresInSeconds: number) {
    localStorage.setItem(KEY, JSON.stringify({ token, user, expiresAt: Date.now() + expiresInSeconds * 1000 }));
    listeners.forEach((l) => l());
  },
  end() {
    localStorage.removeItem(KEY);
    listeners.forEach((l) => l());
  },
  /** The server said the token is no longer valid: end the session and go to the login page. */
  expire() {
    session.end();
    if (typeof window !== 'undefined' && window.location.pathname !== '/login') {
      window.history.pushState({}, '', '/login?expired=1');
      window.dispatchEvent(new PopStateEvent('popstate'));
    }
  },
  subscribe(listener: Listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
