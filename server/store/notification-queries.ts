/**
 * Queries of the inbox (`notifications`, migration 008), used by the repositories in `sql/` in both dialects. A user's
 * inbox is read newest first, ties broken by id, so that a page boundary never skips or repeats a row.
 */
import { randomUUID } from 'node:crypto'
import type { Kysely, Selectable } from 'kysely'
import type { NotificationKind } from '../../shared/notifications/notification-model.ts'
import type { Database, NotificationsTable } from './database-schema.ts'
import type {
  NewNotification,
  NotificationCursor,
  NotificationPage,
  NotificationPruning,
  NotificationRecord,
} from './notification-records.ts'

export async function addNotifications(
  db: Kysely<Database>,
  notifications: readonly NewNotification[],
): Promise<NotificationRecord[]> {
  if (notifications.length === 0) return []
  const records = notifications.map((notification): NotificationRecord => ({
    id: randomUUID(),
    userId: notification.userId,
    kind: notification.kind,
    documentId: notification.documentId,
    lessonId: notification.lessonId,
    threadId: notification.threadId,
    actorId: notification.actorId,
    text: notification.text,
    createdAt: notification.createdAt,
    readAt: null,
  }))
  await db
    .insertInto('notifications')
    .values(
      records.map((record) => ({
        id: record.id,
        user_id: record.userId,
        kind: record.kind,
        document_id: record.documentId,
        lesson_id: record.lessonId,
        thread_id: record.threadId,
        actor_id: record.actorId,
        text: record.text,
        created_at: record.createdAt.getTime(),
        read_at: null,
      })),
    )
    .execute()
  return records
}

export async function listNotifications(
  db: Kysely<Database>,
  userId: string,
  limit: number,
  after: NotificationCursor | null,
): Promise<NotificationPage> {
  let query = db.selectFrom('notifications').selectAll().where('user_id', '=', userId)
  if (after) {
    const at = after.createdAt.getTime()
    query = query.where((eb) =>
      eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', after.id)])]),
    )
  }
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute()
  const notifications = rows.slice(0, limit).map(toNotification)
  const last = notifications.at(-1)
  return { notifications, next: rows.length > limit && last ? { createdAt: last.createdAt, id: last.id } : null }
}

export async function countUnreadNotifications(db: Kysely<Database>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

export async function markNotificationRead(
  db: Kysely<Database>,
  userId: string,
  id: string,
  at: Date,
): Promise<NotificationRecord | null> {
  await db
    .updateTable('notifications')
    .set({ read_at: at.getTime() })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute()
  const row = await db
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row === undefined ? null : toNotification(row)
}

export async function markAllNotificationsRead(db: Kysely<Database>, userId: string, at: Date): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: at.getTime() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export async function pruneNotifications(
  db: Kysely<Database>,
  userIds: readonly string[],
  pruning: NotificationPruning,
): Promise<number> {
  if (userIds.length === 0) return 0
  let removed = 0
  const readOld = await db
    .deleteFrom('notifications')
    .where('user_id', 'in', userIds)
    .where('read_at', 'is not', null)
    .where('created_at', '<', pruning.readBefore.getTime())
    .executeTakeFirst()
  removed += Number(readOld.numDeletedRows)
  for (const userId of new Set(userIds)) {
    const oldestKept = await db
      .selectFrom('notifications')
      .select(['created_at', 'id'])
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .offset(pruning.keepPerUser - 1)
      .limit(1)
      .executeTakeFirst()
    if (oldestKept === undefined) continue
    const at = Number(oldestKept.created_at)
    const beyond = await db
      .deleteFrom('notifications')
      .where('user_id', '=', userId)
      .where((eb) =>
        eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', oldestKept.id)])]),
      )
      .executeTakeFirst()
    removed += Number(beyond.numDeletedRows)
  }
  return removed
}

function toNotification(row: Selectable<NotificationsTable>): NotificationRecord {
  return {
    id: row.id,
    userId: row.user_id,
    kind: row.kind as NotificationKind,
    documentId: row.document_id,
    lessonId: row.lesson_id,
    threadId: row.thread_id,
    actorId: row.actor_id,
    text: row.text,
    createdAt: new Date(Number(row.created_at)),
    readAt: row.read_at === null ? null : new Date(Number(row.read_at)),
  }
}
