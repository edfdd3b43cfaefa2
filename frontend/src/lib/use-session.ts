import { useMemo, useSyncExternalStore } from 'react';
import type { Member } from '@/types/api';
import { session } from './session';

/** The logged-in member; re-renders on login and logout. */
export function useSessionUser(): Member | null {
  const raw = useSyncExternalStore(session.subscribe, () => localStorage.getItem('labgate.session'), () => null);
  return useMemo(() => (raw ? session.user() : null), [raw]);
}
