/**
 * Who is told what when an accepted update changed threads (`ThreadActivityReport`): the document's
 * owner of new threads and suggestions, the mentioned, the thread's author and earlier repliers of a
 * reply, the thread's author of a resolution, the suggestion's author of its decision.
 */
import type { Actor } from '../access.ts'
import type { ThreadActivity, ThreadActivityReport } from '../threads/thread-activity.ts'
import type { ThreadKind } from '../threads/thread-model.ts'
import { type DocumentContext, documentAccess } from '../workflow/document-access.ts'
import { type NotificationDraft, type NotificationKind, oneEach } from './notification-model.ts'

export interface ThreadNotificationContext {
  document: DocumentContext
  documentTitle: string
  lessonId: string | null
  actorName: string
  /** The mentioned users the server found, with what the access rules need; unknown ids are dropped. */
  mentionable: readonly Actor[]
  /** Authors of the replies before the new one, for each thread that got a reply. */
  earlierRepliers: Readonly<Record<string, readonly string[]>>
}

/** The one the document belongs to: the 主备人 of a lesson's plan, otherwise its owner. */
export function documentOwnerId(document: DocumentContext): string {
  return document.kind === 'lesson-plan' && document.lesson ? document.lesson.leadPreparerId : document.ownerId
}

/** What a new thread of each kind is called when its owner is told ("添加了质疑"). */
const newThreadWords: Record<ThreadKind, string> = {
  question: '提出了质疑',
  proposal: '提出了建议',
  adaptation: '写了二次备课批注',
  reflection: '写了课后反思批注',
  mentorNote: '写了师徒批注',
  lessonReview: '写了评课意见',
}

export function threadNotifications(
  report: ThreadActivityReport,
  context: ThreadNotificationContext,
): NotificationDraft[] {
  return oneEach(report.activity.flatMap((activity) => draftsOf(activity, report, context)))
}

function draftsOf(
  activity: ThreadActivity,
  report: ThreadActivityReport,
  context: ThreadNotificationContext,
): NotificationDraft[] {
  const who = context.actorName
  const where = `《${context.documentTitle}》`
  const draft = (userId: string, kind: NotificationKind, text: string): NotificationDraft => ({
    userId,
    kind,
    documentId: report.documentId,
    lessonId: context.lessonId,
    threadId: activity.threadId,
    actorId: report.actorId,
    text,
  })
  const mentioned = (userIds: readonly string[]) =>
    mentionedWhoMayOpen(userIds, context).map((userId) => draft(userId, 'mention', `${who} 在${where}中@了你`))

  switch (activity.type) {
    case 'threadCreated': {
      const owner = documentOwnerId(context.document)
      const toOwner = activity.suggestion
        ? draft(owner, 'suggestion', `${who} 对你的${where}提出了修改建议`)
        : draft(owner, 'thread', `${who} 在你的${where}中${newThreadWords[activity.kind]}`)
      return [...mentioned(activity.mentions), toOwner]
    }
    case 'mentioned':
      return mentioned(activity.userIds)
    case 'replyAdded': {
      const repliers = context.earlierRepliers[activity.threadId] ?? []
      return [
        ...mentioned(activity.mentions),
        draft(activity.threadAuthorId, 'reply', `${who} 回复了你在${where}中的批注`),
        ...repliers.map((userId) => draft(userId, 'reply', `${who} 也回复了${where}中你参与的批注`)),
      ]
    }
    case 'resolved':
      return [draft(activity.threadAuthorId, 'resolved', `${who} 将你在${where}中的批注标为已解决`)]
    case 'reopened':
      return [draft(activity.threadAuthorId, 'reopened', `${who} 重新打开了你在${where}中的批注`)]
    case 'suggestionDecided':
      return activity.decision === 'accepted'
        ? [draft(activity.suggestionAuthorId, 'suggestionAccepted', `${who} 采纳了你对${where}的修改建议`)]
        : [draft(activity.suggestionAuthorId, 'suggestionRejected', `${who} 没有采纳你对${where}的修改建议`)]
    default:
      return activity satisfies never
  }
}

/** Only users who can open the document hear of a mention in it; a mention of anyone else is dropped. */
function mentionedWhoMayOpen(userIds: readonly string[], context: ThreadNotificationContext): string[] {
  return userIds.filter((userId) => {
    const actor = context.mentionable.find((candidate) => candidate.userId === userId)
    return actor !== undefined && documentAccess(actor, context.document) !== null
  })
}
