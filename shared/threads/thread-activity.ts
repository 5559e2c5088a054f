/**
 * What happened to threads in one accepted update, as the server's review of it found (see
 * server/collab/thread-review.ts). Notifications are made from these; nothing here is stored in the
 * document.
 */
import type { ThreadKind } from './thread-model.ts'

export type ThreadActivity =
  | {
      type: 'threadCreated'
      threadId: string
      kind: ThreadKind
      /** The thread proposes a change to its passage (建议修改). */
      suggestion: boolean
      quote: string
      mentions: string[]
    }
  | { type: 'replyAdded'; threadId: string; replyId: string; threadAuthorId: string; body: string; mentions: string[] }
  /** Users newly named in a thread's or a reply's mentions (not those already there). */
  | { type: 'mentioned'; threadId: string; userIds: string[] }
  | { type: 'resolved' | 'reopened'; threadId: string; threadAuthorId: string }
  /** Deciding also resolves the thread; that is not reported as `resolved` too. */
  | { type: 'suggestionDecided'; threadId: string; decision: 'accepted' | 'rejected'; suggestionAuthorId: string }

/** Activity in one document by one user, reported after the update that carried it is stored. */
export interface ThreadActivityReport {
  documentId: string
  actorId: string
  activity: ThreadActivity[]
}
