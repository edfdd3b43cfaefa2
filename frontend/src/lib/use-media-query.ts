import { useSyncExternalStore } from 'react';

/** Whether a CSS media query matches now; re-renders when that changes (a phone turned, a window resized). */
export function useMediaQuery(query: string) {
  return useSyncExternalStore(
    (onChange) => {
      if (typeof window === 'undefined' || !window.matchMedia) return () => {};
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => (typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(query).matches : false),
    () => false,
  );
}

/** The width below which pages stack their columns (as in styles.css). */
export const STACKED = '(max-width: 900px)';
