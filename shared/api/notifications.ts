/**
 * JSON shapes of the inbox API (`server/http/routes/notification-routes.ts`) and of the events on
 * `GET /api/notifications/stream`, shared by the server (validation, OpenAPI) and the client (types).
 */
import { z } from 'zod'
import { notificationKinds } from '../notifications/notification-model.ts'

export const notificationView = z.object({
  id: z.string(),
  kind: z.enum(notificationKinds),
  text: z.string().describe('What happened, as the teacher reads it'),
  documentId: z.string().nullable().describe('Open this document (at `threadId`, if any)'),
  lessonId: z.string().nullable().describe('The lesson; a stage change links to its page'),
  threadId: z.string().nullable(),
  actorId: z.string().nullable(),
  createdAt: z.string().describe('ISO 8601'),
  readAt: z.string().nullable().describe('ISO 8601; null while unread'),
})
export type NotificationView = z.infer<typeof notificationView>

export const notificationPageSize = { default: 20, max: 100 } as const

export const notificationListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(notificationPageSize.max).default(notificationPageSize.default),
  after: z.string().min(1).max(200).optional().describe('`next` of the previous page'),
})

export const notificationList = z.object({
  notifications: z.array(notificationView).describe('Newest first'),
  unreadCount: z.number().int(),
  next: z.string().nullable().describe('Pass as `after` for the next page; null on the last page'),
})
export type NotificationList = z.infer<typeof notificationList>

export const unreadCount = z.object({ unreadCount: z.number().int() })
export type UnreadCount = z.infer<typeof unreadCount>

export const notificationRead = z.object({ notification: notificationView, unreadCount: z.number().int() })
export type NotificationRead = z.infer<typeof notificationRead>

/** Server-sent events of the stream: `event:` names and what each `data:` holds (JSON). */
export const inboxEvents = {
  /** A new notification and the unread count after it. */
  notification: z.object({ notification: notificationView, unreadCount: z.number().int() }),
  /** The unread count changed (read here or in another tab), or the stream just opened. */
  unread: unreadCount,
  /**
   * The lesson's plan entry or stage changed (CLIENT-12): a page showing it asks again. Only the id, to
   * every member of its group, who may all read the lesson; nothing is stored.
   */
  lesson: z.object({ lessonId: z.string() }),
} as const
export type InboxEventName = keyof typeof inboxEvents
export type NewNotificationEvent = z.infer<(typeof inboxEvents)['notification']>
export type LessonChangedEvent = z.infer<(typeof inboxEvents)['lesson']>

/** How often the stream sends a heartbeat, so proxies keep it open and a dead one is noticed. */
export const inboxHeartbeatSeconds = 25
