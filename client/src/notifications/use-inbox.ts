/**
 * The signed-in user's inbox, kept current: the first page is fetched whenever the event stream
 * (re)connects — EventSource reconnects by itself — and when the browser comes back online, since
 * what happened meanwhile waited on the server; pushed events change it in between. The same stream
 * says when a lesson of the user's group changed, and a page showing it asks again (CLIENT-12).
 */
import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useReducer, useState } from 'react'
import type { LessonChangedEvent, NewNotificationEvent, UnreadCount } from '../../../shared/api/notifications.ts'
import {
  fetchNotifications,
  inboxStreamPath,
  markAllNotificationsRead,
  markNotificationRead,
} from '../api/notifications.ts'
import { lessonKey } from '../api/queries.ts'
import { changeInbox, emptyInbox, type InboxState } from './inbox-state.ts'

export interface Inbox {
  state: InboxState
  /** The last failure, in Chinese; cleared by the next success. */
  error: string | null
  loadMore: () => void
  markRead: (id: string) => Promise<void>
  markAllRead: () => void
}

const messageOf = (failure: unknown) => (failure instanceof Error ? failure.message : '无法连接服务器')

export function useInbox(): Inbox {
  const [state, dispatch] = useReducer(changeInbox, emptyInbox)
  const [error, setError] = useState<string | null>(null)
  const queryClient = useQueryClient()

  const attempt = useCallback(async (work: () => Promise<void>) => {
    try {
      await work()
      setError(null)
    } catch (failure) {
      setError(messageOf(failure))
    }
  }, [])

  const refresh = useCallback(
    () => void attempt(async () => dispatch({ type: 'firstPage', page: await fetchNotifications() })),
    [attempt],
  )

  useEffect(() => {
    const source = new EventSource(inboxStreamPath)
    source.addEventListener('open', refresh)
    source.addEventListener('notification', (event) => {
      const { notification, unreadCount } = JSON.parse((event as MessageEvent<string>).data) as NewNotificationEvent
      dispatch({ type: 'pushed', notification, unreadCount })
    })
    source.addEventListener('unread', (event) => {
      const { unreadCount } = JSON.parse((event as MessageEvent<string>).data) as UnreadCount
      dispatch({ type: 'unreadCount', unreadCount })
    })
    source.addEventListener('lesson', (event) => {
      const { lessonId } = JSON.parse((event as MessageEvent<string>).data) as LessonChangedEvent
      // Only what is on screen is fetched now; the rest is asked again when it is next shown.
      void queryClient.invalidateQueries({ queryKey: lessonKey(lessonId) })
    })
    window.addEventListener('online', refresh)
    return () => {
      source.close()
      window.removeEventListener('online', refresh)
    }
  }, [refresh, queryClient])

  const { next } = state
  const loadMore = useCallback(() => {
    if (next === null) return
    void attempt(async () => dispatch({ type: 'nextPage', page: await fetchNotifications(next) }))
  }, [attempt, next])

  const markRead = useCallback(
    (id: string) => attempt(async () => dispatch({ type: 'read', ...(await markNotificationRead(id)) })),
    [attempt],
  )

  const markAllRead = useCallback(() => {
    void attempt(async () => {
      await markAllNotificationsRead()
      dispatch({ type: 'allRead', at: new Date().toISOString() })
    })
  }, [attempt])

  return { state, error, loadMore, markRead, markAllRead }
}
