/** The bell in the top bar: the unread count, and the inbox as a dropdown under it. */
import { useEffect, useRef, useState } from 'react'
import type { NotificationView } from '../../../shared/api/notifications.ts'
import { inboxHref } from './inbox-state.ts'
import { useInbox } from './use-inbox.ts'
import './inbox.css'
import { whenText } from '../time-text.ts'

export function InboxBell() {
  const { state, error, loadMore, markRead, markAllRead } = useInbox()
  const [open, setOpen] = useState(false)
  const box = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    const closeOutside = (event: PointerEvent) => {
      if (!box.current?.contains(event.target as Node)) setOpen(false)
    }
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false)
    }
    document.addEventListener('pointerdown', closeOutside)
    document.addEventListener('keydown', closeOnEscape)
    return () => {
      document.removeEventListener('pointerdown', closeOutside)
      document.removeEventListener('keydown', closeOnEscape)
    }
  }, [open])

  const openOne = (notification: NotificationView) => {
    setOpen(false)
    if (notification.readAt === null) void markRead(notification.id)
  }

  const { notifications, unreadCount, next } = state
  return (
    <div className="inbox" ref={box}>
      <button
        type="button"
        className="inbox-bell"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        aria-label={unreadCount > 0 ? `通知，${unreadCount} 条未读` : '通知'}
        data-testid="inbox-bell"
      >
        通知
        <span className="inbox-count" data-count={unreadCount} data-testid="inbox-unread-count">
          {unreadCount > 99 ? '99+' : unreadCount}
        </span>
      </button>
      {open && (
        <div className="inbox-panel" role="dialog" aria-label="通知">
          <div className="inbox-head">
            <strong>通知</strong>
            <button
              type="button"
              className="link-button"
              onClick={markAllRead}
              disabled={unreadCount === 0}
              data-testid="inbox-mark-all"
            >
              全部标为已读
            </button>
          </div>
          {error && (
            <p className="inbox-error" role="alert">
              {error}
            </p>
          )}
          {notifications.length === 0 ? (
            <p className="inbox-empty">暂时没有通知</p>
          ) : (
            <ul className="inbox-list">
              {notifications.map((notification) => (
                <li key={notification.id}>
                  <a
                    href={inboxHref(notification)}
                    className="inbox-item"
                    data-read={notification.readAt !== null}
                    data-testid="inbox-item"
                    onClick={() => openOne(notification)}
                  >
                    <span className="inbox-text">{notification.text}</span>
                    <time dateTime={notification.createdAt}>
                      {whenText(new Date(notification.createdAt), new Date())}
                    </time>
                  </a>
                </li>
              ))}
            </ul>
          )}
          {next !== null && (
            <button type="button" className="link-button inbox-more" onClick={loadMore}>
              加载更早的通知
            </button>
          )}
        </div>
      )}
    </div>
  )
}
