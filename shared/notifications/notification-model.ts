/**
 * What goes into a teacher's inbox. A notification is made once, from a thread activity
 * report or a lesson's stage change, with its text already written: the inbox shows what happened then,
 * even if the document is later renamed or the thread deleted.
 */

export const notificationKinds = [
  /** Named in a thread's or a reply's @mentions. */
  'mention',
  /** A reply in a thread one wrote or replied to. */
  'reply',
  /** A new thread on one's own document. */
  'thread',
  /** A new suggestion (建议修改) on one's own document. */
  'suggestion',
  'resolved',
  'reopened',
  'suggestionAccepted',
  'suggestionRejected',
  /** One's lesson moved to another stage. */
  'stage',
] as const
export type NotificationKind = (typeof notificationKinds)[number]

/** A notification before it is stored. */
export interface NotificationDraft {
  userId: string
  kind: NotificationKind
  documentId: string | null
  lessonId: string | null
  threadId: string | null
  actorId: string
  text: string
}

/**
 * When one event gives a user several reasons to be told about the same thread, the first kind of this
 * list is kept: being asked by name matters more than a reply, a reply more than the thread existing.
 */
export const notificationPriority: readonly NotificationKind[] = [
  'mention',
  'reply',
  'suggestionAccepted',
  'suggestionRejected',
  'resolved',
  'reopened',
  'suggestion',
  'thread',
  'stage',
]

/** One notification per user and thread (or lesson) per event, the actor never told of their own doing. */
export function oneEach(drafts: readonly NotificationDraft[]): NotificationDraft[] {
  const kept = new Map<string, NotificationDraft>()
  const rank = (draft: NotificationDraft) => notificationPriority.indexOf(draft.kind)
  for (const draft of drafts) {
    if (draft.userId === draft.actorId) continue
    const key = `${draft.userId}\u0000${draft.threadId ?? draft.lessonId ?? draft.documentId}`
    const earlier = kept.get(key)
    if (!earlier || rank(draft) < rank(earlier)) kept.set(key, draft)
  }
  return [...kept.values()]
}
