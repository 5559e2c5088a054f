/** A stored notification as the API shows it, and the page cursor as the API writes it. */
import type { NotificationView } from '../../shared/api/notifications.ts'
import type { NotificationCursor, NotificationRecord } from '../store/notification-records.ts'

export function notificationViewOf(record: NotificationRecord): NotificationView {
  return {
    id: record.id,
    kind: record.kind,
    text: record.text,
    documentId: record.documentId,
    lessonId: record.lessonId,
    threadId: record.threadId,
    actorId: record.actorId,
    createdAt: record.createdAt.toISOString(),
    readAt: record.readAt?.toISOString() ?? null,
  }
}

/** `<created ms>_<id>`: opaque to the client, which only hands it back. */
export function writeCursor(cursor: NotificationCursor): string {
  return `${cursor.createdAt.getTime()}_${cursor.id}`
}

/** Null if it is not one `writeCursor` wrote. */
export function readCursor(text: string): NotificationCursor | null {
  const match = /^(\d{1,15})_(.+)$/.exec(text)
  if (!match) return null
  return { createdAt: new Date(Number(match[1])), id: match[2]! }
}
