import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

const NEAR_BOTTOM_PX = 48;

/**
 * Keeps a scrolling list at its newest item while the reader is at the bottom; a reader who scrolled up to
 * read something older is left there. `follow()` brings them back (when they send a message).
 */
export function useFollowNewest(list: RefObject<HTMLElement | null>, changes: unknown) {
  const atBottom = useRef(true);

  useEffect(() => {
    const el = list.current;
    if (!el) return;
    const onScroll = () => {
      atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, [list]);

  useLayoutEffect(() => {
    const el = list.current;
    if (el && atBottom.current) el.scrollTop = el.scrollHeight;
  }, [list, changes]);

  return {
    follow: () => {
      atBottom.current = true;
    },
  };
}
