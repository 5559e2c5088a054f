/**
 * The signed-in user's inbox: list it (newest first, by page, with the unread count), mark one or all
 * read, and `GET /api/notifications/stream`, Server-Sent Events that push new notifications and the
 * unread count while the page is open. Another user's notification does not exist here (404).
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { streamSSE } from 'hono/streaming'
import {
  inboxHeartbeatSeconds,
  notificationList,
  notificationListQuery,
  notificationRead,
  unreadCount,
} from '../../../shared/api/notifications.ts'
import type { InboxHub } from '../../notifications/inbox-hub.ts'
import type { NotificationService } from '../../notifications/notification-service.ts'
import { notificationViewOf, readCursor, writeCursor } from '../../notifications/notification-views.ts'
import type { Store } from '../../store/store.ts'
import { ApiError, notFound } from '../api-error.ts'
import type { AuthVariables } from '../auth-middleware.ts'
import { errorResponses, jsonContent } from '../json-route.ts'

export interface NotificationRouteContext {
  store: Pick<Store, 'notifications'>
  hub: InboxHub
  notifications: NotificationService
}

const listNotifications = createRoute({
  method: 'get',
  path: '/api/notifications',
  summary: 'My notifications, newest first, a page at a time, with how many are unread',
  request: { query: notificationListQuery },
  responses: { 200: { description: '通知', content: jsonContent(notificationList) }, ...errorResponses(400, 401) },
})

const markRead = createRoute({
  method: 'post',
  path: '/api/notifications/{id}/read',
  summary: 'Mark one of my notifications read',
  request: { params: z.object({ id: z.string().min(1) }) },
  responses: { 200: { description: '已读', content: jsonContent(notificationRead) }, ...errorResponses(401, 404) },
})

const markAllRead = createRoute({
  method: 'post',
  path: '/api/notifications/read-all',
  summary: 'Mark all my notifications read',
  responses: { 200: { description: '全部已读', content: jsonContent(unreadCount) }, ...errorResponses(401) },
})

const stream = createRoute({
  method: 'get',
  path: '/api/notifications/stream',
  summary:
    'Server-Sent Events while the page is open: `unread` ({unreadCount}) at once and when it changes, ' +
    '`notification` ({notification, unreadCount}) for each new one, a comment line as a heartbeat',
  responses: {
    200: { description: '通知推送', content: { 'text/event-stream': { schema: z.string() } } },
    ...errorResponses(401),
  },
})

export function notificationRoutes({ store, hub, notifications }: NotificationRouteContext) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>()

  app.openapi(listNotifications, async (c) => {
    const { user } = c.var.auth
    const { limit, after } = c.req.valid('query')
    const cursor = after === undefined ? null : readCursor(after)
    if (after !== undefined && !cursor) throw new ApiError(400, 'invalid_request', 'after：不是有效的翻页位置')
    const page = await store.notifications.listNotifications(user.id, limit, cursor)
    return c.json(
      {
        notifications: page.notifications.map(notificationViewOf),
        unreadCount: await store.notifications.countUnreadNotifications(user.id),
        next: page.next && writeCursor(page.next),
      },
      200,
    )
  })

  app.openapi(markRead, async (c) => {
    const read = await notifications.markRead(c.var.auth.user.id, c.req.valid('param').id)
    if (!read) throw notFound('没有这条通知')
    return c.json(read, 200)
  })

  app.openapi(markAllRead, async (c) => c.json(await notifications.markAllRead(c.var.auth.user.id), 200))

  app.openapi(stream, (c) => {
    const userId = c.var.auth.user.id
    return streamSSE(c, async (sse) => {
      let end = () => {}
      const ended = new Promise<void>((resolve) => {
        end = resolve
      })
      sse.onAbort(end)
      const remove = hub.add(userId, {
        send: (event, data) => sse.writeSSE({ event, data: JSON.stringify(data) }),
        end,
      })
      try {
        await sse.writeSSE({
          event: 'unread',
          data: JSON.stringify({ unreadCount: await store.notifications.countUnreadNotifications(userId) }),
        })
        while (!sse.aborted) {
          // The timer is cleared as soon as the stream ends, so a closed stream holds nothing open.
          let timer: NodeJS.Timeout | undefined
          const beat = new Promise<'beat'>((resolve) => {
            timer = setTimeout(() => resolve('beat'), inboxHeartbeatSeconds * 1000)
          })
          const next = await Promise.race([beat, ended.then(() => 'end' as const)])
          clearTimeout(timer)
          if (next === 'end') break
          await sse.write(': ping\n\n')
        }
      } finally {
        remove()
      }
    })
  })
  return app
}
