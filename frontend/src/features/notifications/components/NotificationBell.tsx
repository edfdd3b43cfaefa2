import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionUser } from '@/lib/use-session';
import { useDates } from '@/lib/time-zone';
import { errorMessage } from '@/components/server-errors';
import { useNotifications } from '../api/get-notifications';
import { useMarkRead } from '../api/mark-read';
import { useMarkAllRead } from '../api/mark-all-read';
import { useNotificationStream } from '../use-notification-stream';
import { notificationText } from '../notification-text';

/** The bell in the header: unread count, the newest notifications, mark one or all read. */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const user = useSessionUser();
  const { dateTime } = useDates();
  const list = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  useNotificationStream(user !== null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    const onClick = (e: MouseEvent) => !root.current?.contains(e.target as Node) && setOpen(false);
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  const unread = list.data?.unread ?? 0;
  return (
    <div className="bell" ref={root}>
      <button type="button" className="button bell-button" aria-expanded={open} aria-controls={panelId}
        aria-label={t('notifications.bell', { count: unread })} onClick={() => setOpen((o) => !o)}>
        <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2"
          strokeLinecap="round" strokeLinejoin="round" className="bell-icon">
          <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.73 21a2 2 0 0 1-3.46 0" />
        </svg>
        {unread > 0 && <span className="bell-count" aria-hidden="true">{unread > 99 ? '99+' : unread}</span>}
      </button>
      {open && (
        <div id={panelId} className="bell-panel" role="region" aria-label={t('notifications.title')}>
          <div className="bell-head">
            <strong>{t('notifications.title')}</strong>
            <button type="button" className="button small" disabled={unread === 0 || markAll.isPending}
              onClick={() => markAll.mutate()}>{t('notifications.readAll')}</button>
          </div>
          {list.isError ? <p role="alert" className="form-error">{errorMessage(list.error)}</p>
            : !list.data || list.data.items.length === 0 ? <p className="muted">{t('notifications.empty')}</p> : (
              <ul className="bell-list">
                {list.data.items.map((n) => (
                  <li key={n.id} className={n.read_at ? 'read' : 'unread'}>
                    <p>{notificationText(n, t, i18n.language, user?.id)}</p>
                    <small className="muted">{dateTime(n.created_at)} · {n.params.rule_name}</small>
                    {!n.read_at && (
                      <button type="button" className="button small" onClick={() => markRead.mutate(n.id)}>
                        {t('notifications.markRead')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
        </div>
      )}
    </div>
  );
}
