/** What the store keeps of the inbox (migration 008). */
import type { NotificationDraft, NotificationKind } from '../../shared/notifications/notification-model.ts'

export interface NotificationRecord {
  id: string
  userId: string
  kind: NotificationKind
  documentId: string | null
  lessonId: string | null
  threadId: string | null
  /** Null once that user is deleted. */
  actorId: string | null
  text: string
  createdAt: Date
  readAt: Date | null
}

export type NewNotification = NotificationDraft & { createdAt: Date }

/** A place in a user's inbox, newest first: the page after it starts with older notifications. */
export interface NotificationCursor {
  createdAt: Date
  id: string
}

export interface NotificationPage {
  notifications: NotificationRecord[]
  /** Where the next page starts; null on the last page. */
  next: NotificationCursor | null
}

export interface NotificationPruning {
  /** Read notifications made before this go. */
  readBefore: Date
  /** Of each user's notifications, read or not, only this many newest stay. */
  keepPerUser: number
}
