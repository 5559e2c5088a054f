/**
 * Makes, stores and delivers notifications: from the room's thread activity reports and from lesson
 * stage moves. A notification is stored first, then pushed to the user's open inbox streams; a user
 * who is offline finds it in the list when they come back. Each inbox is pruned as it grows.
 *
 * Reports arrive from the room after an update is stored, so a failure here must never reach the room
 * or the stage move: it is logged, and only the notification is lost.
 */
import type { NotificationRead, UnreadCount } from '../../shared/api/notifications.ts'
import type { NotificationDraft } from '../../shared/notifications/notification-model.ts'
import { type StageChange, stageNotifications } from '../../shared/notifications/stage-notifications.ts'
import { threadNotifications } from '../../shared/notifications/thread-notifications.ts'
import type { ThreadActivityReport } from '../../shared/threads/thread-activity.ts'
import { actorOf } from '../auth/sessions.ts'
import type { LessonRecord } from '../store/lesson-records.ts'
import type { NotificationPruning } from '../store/notification-records.ts'
import type { Store } from '../store/store.ts'
import { documentContextOf } from '../workflow/document-context.ts'
import type { StageMoved } from '../workflow/stage-change.ts'
import type { InboxPublisher } from './inbox-hub.ts'
import { notificationViewOf } from './notification-views.ts'
import { earlierRepliersOf } from './thread-participants.ts'
import { logger } from '../log/logger.ts'

export interface InboxBounds {
  /** Read notifications older than this many days go. */
  keepReadDays: number
  /** Newest notifications kept per user, read or not. */
  keepPerUser: number
}

export const defaultInboxBounds: InboxBounds = { keepReadDays: 30, keepPerUser: 500 }

const dayMs = 24 * 60 * 60 * 1000
const maxMentionsLookedUp = 200

export class NotificationService {
  /** Deliveries under way, so that the server can let them finish before its store closes. */
  private readonly running = new Set<Promise<void>>()

  constructor(
    private readonly store: Pick<
      Store,
      'accounts' | 'documents' | 'groups' | 'lessons' | 'mentorships' | 'notifications' | 'updates' | 'versions'
    >,
    private readonly hub: InboxPublisher,
    private readonly bounds: InboxBounds = defaultInboxBounds,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The room's `onThreadActivity` hook. */
  async threadActivity(report: ThreadActivityReport): Promise<void> {
    await this.safely('thread activity', async () => {
      const document = await this.store.documents.findDocument(report.documentId)
      const actor = await this.store.accounts.findUserById(report.actorId)
      if (!document || !actor) return
      const mentionedIds = new Set(
        report.activity.flatMap((activity) => {
          if (activity.type === 'threadCreated' || activity.type === 'replyAdded') return activity.mentions
          return activity.type === 'mentioned' ? activity.userIds : []
        }),
      )
      const mentionable = []
      // A group has a few dozen members; a longer list is no one's real @ and is not looked up.
      for (const userId of [...mentionedIds].slice(0, maxMentionsLookedUp)) {
        const user = await this.store.accounts.findUserById(userId)
        if (user) mentionable.push(await actorOf(this.store, user))
      }
      const replies = report.activity.flatMap((activity) => (activity.type === 'replyAdded' ? [activity] : []))
      const drafts = threadNotifications(report, {
        document: await documentContextOf(this.store, document),
        documentTitle: document.title,
        lessonId: document.lessonId,
        actorName: actor.displayName,
        mentionable,
        earlierRepliers: await earlierRepliersOf(this.store, document.id, replies),
      })
      await this.deliver(drafts)
    })
  }

  /** The stage change's `onStageMoved`. */
  async stageMoved(moved: StageMoved): Promise<void> {
    await this.safely('stage change', async () => {
      const { lesson } = moved
      const actor = await this.store.accounts.findUserById(moved.actorId)
      if (!actor) return
      const change: StageChange = {
        lessonId: lesson.id,
        lessonTitle: lesson.title,
        from: moved.from,
        to: lesson.stage,
        actorId: actor.id,
        actorName: actor.displayName,
        leadPreparerId: lesson.leadPreparerId,
        leadPreparerMentorIds: await this.store.mentorships.mentorIdsOf(lesson.leadPreparerId),
        memberIds: (await this.store.groups.listGroupMembers(lesson.groupId)).map((member) => member.id),
        versionNumber: moved.versionNumber,
        roundNumber: moved.roundNumber,
      }
      await this.deliver(stageNotifications(change))
    })
    await this.lessonChanged(moved.lesson)
  }

  /**
   * Tells the open pages of the lesson's group that it changed (CLIENT-12), the actor's other tabs too;
   * a page that is not open learns it when it is next shown.
   */
  async lessonChanged(lesson: Pick<LessonRecord, 'id' | 'groupId'>): Promise<void> {
    await this.safely('lesson change', async () => {
      const members = await this.store.groups.listGroupMembers(lesson.groupId)
      await Promise.all(members.map((member) => this.hub.publish(member.id, 'lesson', { lessonId: lesson.id })))
    })
  }

  /** Null if the user has no such notification. Their other tabs learn the new unread count. */
  async markRead(userId: string, id: string): Promise<NotificationRead | null> {
    const record = await this.store.notifications.markNotificationRead(userId, id, this.now())
    if (!record) return null
    const unreadCount = await this.publishUnread(userId)
    return { notification: notificationViewOf(record), unreadCount }
  }

  async markAllRead(userId: string): Promise<UnreadCount> {
    await this.store.notifications.markAllNotificationsRead(userId, this.now())
    return { unreadCount: await this.publishUnread(userId) }
  }

  private async publishUnread(userId: string): Promise<number> {
    const unreadCount = await this.store.notifications.countUnreadNotifications(userId)
    await this.hub.publish(userId, 'unread', { unreadCount })
    return unreadCount
  }

  private async deliver(drafts: readonly NotificationDraft[]): Promise<void> {
    if (drafts.length === 0) return
    const createdAt = this.now()
    const records = await this.store.notifications.addNotifications(drafts.map((draft) => ({ ...draft, createdAt })))
    const userIds = [...new Set(records.map((record) => record.userId))]
    for (const userId of userIds) {
      const unreadCount = await this.store.notifications.countUnreadNotifications(userId)
      for (const record of records.filter((candidate) => candidate.userId === userId)) {
        await this.hub.publish(userId, 'notification', { notification: notificationViewOf(record), unreadCount })
      }
    }
    await this.store.notifications.pruneNotifications(userIds, this.pruning(createdAt))
  }

  private pruning(now: Date): NotificationPruning {
    return {
      readBefore: new Date(now.getTime() - this.bounds.keepReadDays * dayMs),
      keepPerUser: this.bounds.keepPerUser,
    }
  }

  /** Resolves once every delivery begun so far has finished. */
  async settle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running)
  }

  private safely(what: string, work: () => Promise<void>): Promise<void> {
    const delivery = work().catch((error: unknown) => {
      logger.error({ err: error, what }, 'notifications were not delivered')
    })
    this.running.add(delivery)
    return delivery.finally(() => this.running.delete(delivery))
  }
}
