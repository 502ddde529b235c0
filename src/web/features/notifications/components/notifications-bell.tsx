// The bell in the header: unread count, and a list of the latest notices that opens below it.
// Following a notice marks it read. A disclosure (button + region), not a modal: Escape or the
// button closes it and focus returns to the button.
import { useRouter } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { DateTime } from '../../../components/ui/date-time';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { useNotifications } from '../api/list-notifications';
import { useMarkAllNotificationsRead } from '../api/mark-all-read';
import { useMarkNotificationRead } from '../api/mark-read';

export function NotificationsBell() {
  const t = useT();
  const list = useNotifications();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const unread = list.data?.unreadCount ?? 0;

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      if (!panelRef.current?.contains(e.target as Node) && !buttonRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  return (
    <div className="notifications">
      <button
        ref={buttonRef}
        type="button"
        className="header-button notifications__button"
        aria-expanded={open}
        aria-controls="notifications-panel"
        onClick={() => setOpen((o) => !o)}
      >
        <BellIcon />
        <span>{t('nt.label')}</span>
        {unread > 0 ? (
          <span className="notifications__count">
            <span aria-hidden="true">{unread > 99 ? '99+' : unread}</span>
            <span className="visually-hidden">{t('nt.unread', { n: unread })}</span>
          </span>
        ) : null}
      </button>
      {open ? (
        <div ref={panelRef} id="notifications-panel" className="notifications__panel" role="region" aria-label={t('nt.label')}>
          <div className="notifications__head">
            <h2 className="notifications__title">{t('nt.label')}</h2>
            {unread > 0 ? (
              <button type="button" className="link-button" onClick={() => markAll.mutate()}>
                {t('nt.readAll')}
              </button>
            ) : null}
          </div>
          {list.isPending ? <LoadingState /> : null}
          {list.error ? <ErrorState error={list.error} /> : null}
          {list.data && list.data.items.length === 0 ? <p className="muted">{t('nt.empty')}</p> : null}
          <ul className="notifications__list">
            {list.data?.items.map((n) => {
              const body = (
                <>
                  <span className="notifications__item-title">
                    {n.readAt ? null : <span className="visually-hidden">{t('nt.unreadMark')}</span>}
                    {n.title}
                  </span>
                  {n.body ? <span className="small">{n.body}</span> : null}
                  <DateTime value={n.createdAt} className="small muted" />
                </>
              );
              return (
                <li key={n.id} className={n.readAt ? 'notifications__item' : 'notifications__item is-unread'}>
                  {n.link?.startsWith('/') ? (
                    <a
                      href={n.link}
                      className="notifications__link"
                      onClick={(e) => {
                        e.preventDefault();
                        if (!n.readAt) markRead.mutate(n.id);
                        setOpen(false);
                        void router.navigate({ href: n.link! });
                      }}
                    >
                      {body}
                    </a>
                  ) : (
                    <div className="notifications__link">
                      {body}
                      {!n.readAt ? (
                        <button type="button" className="link-button small" onClick={() => markRead.mutate(n.id)}>
                          {t('nt.markRead')}
                        </button>
                      ) : null}
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function BellIcon() {
  return (
    <svg width={20} height={20} viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="header-button__icon">
      <path d="M12 3a6 6 0 0 0-6 6v3.5L4.5 16h15L18 12.5V9a6 6 0 0 0-6-6Z M9.5 18.5a2.5 2.5 0 0 0 5 0" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
    </svg>
  );
}
