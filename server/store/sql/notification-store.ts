/** The notifications area of the store over SQL, shared by both dialects. */
import type { Kysely } from 'kysely'
import * as notifications from '../notification-queries.ts'
import type { Database } from '../database-schema.ts'
import type {
  NewNotification,
  NotificationCursor,
  NotificationPage,
  NotificationPruning,
  NotificationRecord,
} from '../notification-records.ts'
import type { NotificationStore } from '../store.ts'

export class SqlNotificationStore implements NotificationStore {
  constructor(private readonly db: Kysely<Database>) {}

  // — the inbox —
  addNotifications(list: readonly NewNotification[]): Promise<NotificationRecord[]> {
    return notifications.addNotifications(this.db, list)
  }

  listNotifications(userId: string, limit: number, after: NotificationCursor | null): Promise<NotificationPage> {
    return notifications.listNotifications(this.db, userId, limit, after)
  }

  countUnreadNotifications(userId: string): Promise<number> {
    return notifications.countUnreadNotifications(this.db, userId)
  }

  markNotificationRead(userId: string, id: string, at: Date): Promise<NotificationRecord | null> {
    return notifications.markNotificationRead(this.db, userId, id, at)
  }

  markAllNotificationsRead(userId: string, at: Date): Promise<number> {
    return notifications.markAllNotificationsRead(this.db, userId, at)
  }

  pruneNotifications(userIds: readonly string[], pruning: NotificationPruning): Promise<number> {
    return notifications.pruneNotifications(this.db, userIds, pruning)
  }
}
