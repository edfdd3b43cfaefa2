import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { notificationsQueryKey } from './api/get-notifications';
import { readNotificationStream } from './api/notification-stream';

const FIRST_RETRY_MS = 2000;
const MAX_RETRY_MS = 60000;

/**
 * Keeps the notification list fresh while the tab is open: the server pushes each new notification (from any
 * replica) and the list is read again; a dropped stream is reopened with a growing wait.
 */
export function useNotificationStream(enabled: boolean) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let wait = FIRST_RETRY_MS;
    const refresh = () => void queryClient.invalidateQueries({ queryKey: notificationsQueryKey });
    const connect = () => {
      readNotificationStream((name) => {
        if (name === 'ready') wait = FIRST_RETRY_MS;
        if (name === 'notification' || name === 'resync') refresh();
      }, abort.signal)
        .catch(() => undefined)
        .finally(() => {
          if (abort.signal.aborted) return;
          refresh(); // anything missed while the stream was down
          timer = setTimeout(connect, wait);
          wait = Math.min(wait * 2, MAX_RETRY_MS);
        });
    };
    connect();
    return () => {
      abort.abort();
      if (timer) clearTimeout(timer);
    };
  }, [enabled, queryClient]);
}
