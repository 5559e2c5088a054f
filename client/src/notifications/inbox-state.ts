/**
 * The inbox as the page holds it, changed by what the server says: a fetched first page replaces what
 * was there (after a reconnect it is the truth), a pushed notification goes on top once, a later page
 * is appended, a count replaces the count.
 */
import type { NotificationList, NotificationView } from '../../../shared/api/notifications.ts'
import { lessonHref } from '../lessons/lesson-routes.ts'
import { hrefFor } from '../routing.ts'

export interface InboxState {
  notifications: NotificationView[]
  unreadCount: number
  /** Where the next page starts; null when everything is shown. */
  next: string | null
}

export const emptyInbox: InboxState = { notifications: [], unreadCount: 0, next: null }

export type InboxChange =
  | { type: 'firstPage'; page: NotificationList }
  | { type: 'nextPage'; page: NotificationList }
  | { type: 'pushed'; notification: NotificationView; unreadCount: number }
  | { type: 'read'; notification: NotificationView; unreadCount: number }
  | { type: 'allRead'; at: string }
  | { type: 'unreadCount'; unreadCount: number }

export function changeInbox(state: InboxState, change: InboxChange): InboxState {
  switch (change.type) {
    case 'firstPage':
      return { notifications: change.page.notifications, unreadCount: change.page.unreadCount, next: change.page.next }
    case 'nextPage': {
      const known = new Set(state.notifications.map((notification) => notification.id))
      const older = change.page.notifications.filter((notification) => !known.has(notification.id))
      return {
        notifications: [...state.notifications, ...older],
        unreadCount: change.page.unreadCount,
        next: change.page.next,
      }
    }
    case 'pushed': {
      const others = state.notifications.filter((notification) => notification.id !== change.notification.id)
      return { ...state, notifications: [change.notification, ...others], unreadCount: change.unreadCount }
    }
    case 'read':
      return {
        ...state,
        notifications: state.notifications.map((notification) =>
          notification.id === change.notification.id ? change.notification : notification,
        ),
        unreadCount: change.unreadCount,
      }
    case 'allRead':
      return {
        ...state,
        notifications: state.notifications.map((notification) => ({
          ...notification,
          readAt: notification.readAt ?? change.at,
        })),
        unreadCount: 0,
      }
    case 'unreadCount':
      return { ...state, unreadCount: change.unreadCount }
    default:
      return change satisfies never
  }
}

/** Where a notification leads: the document at its thread, the document, or the lesson page. */
export function inboxHref(notification: NotificationView): string {
  if (notification.documentId !== null) {
    return notification.threadId === null
      ? hrefFor({ page: 'editor', documentId: notification.documentId })
      : hrefFor({ page: 'editor', documentId: notification.documentId, threadId: notification.threadId })
  }
  if (notification.lessonId !== null) return lessonHref({ page: 'lesson', lessonId: notification.lessonId })
  return hrefFor({ page: 'documents' })
}
