/**
 * The 批注 numbers of the group page, from the threads of a lesson's documents: per lesson how many are
 * open and resolved, per teacher the comments they wrote (a thread started and a reply each count as
 * one: both are a teacher's written remark on the plan), each listed with where it is.
 */
import type { ThreadState, ThreadView } from '../threads/thread-model.ts'
import type { DocumentKind } from '../workflow/document-access.ts'
import type { StatsComment } from './group-overview.ts'

export type CountedThread = Pick<ThreadView, 'id' | 'authorId' | 'state' | 'body'> & {
  replies: readonly { authorId: string; body: string }[]
}

export interface ThreadStateCounts {
  open: number
  resolved: number
}

export function threadStateCounts(threads: readonly Pick<CountedThread, 'state'>[]): ThreadStateCounts {
  const resolved = threads.filter((thread) => thread.state === 'resolved').length
  return { open: threads.length - resolved, resolved }
}

/** A document whose threads are counted, and whether the one reading the counts may open it. */
export interface CountedDocument {
  id: string
  kind: DocumentKind
  mayOpen: boolean
}

/** One comment as the group page lists it under its author's count. */
export interface CommentItem extends StatsComment {
  documentKind: DocumentKind
  /** [CHECK-6] Only a document the reader may open is linked, and only its comments' words are shown. */
  documentId: string | null
  threadId: string
  reply: boolean
  words: string
  state: ThreadState
}

/** How much of a comment the list shows: enough to recognise it, one line. */
export const commentWordsShown = 30

export function commentsOf(
  lessonId: string,
  document: CountedDocument,
  threads: readonly CountedThread[],
): CommentItem[] {
  return threads.flatMap((thread) =>
    [thread, ...thread.replies].map((comment, index) => ({
      lessonId,
      authorId: comment.authorId,
      documentKind: document.kind,
      documentId: document.mayOpen ? document.id : null,
      threadId: thread.id,
      reply: index > 0,
      words: document.mayOpen ? firstWords(comment.body, commentWordsShown) : '',
      state: thread.state,
    })),
  )
}

/** The start of `text` on one line, at most `length` characters (not UTF-16 units), `…` when cut. */
export function firstWords(text: string, length: number): string {
  const characters = Array.from(text.replace(/\s+/g, ' ').trim())
  return characters.length <= length ? characters.join('') : `${characters.slice(0, length).join('')}…`
}
