/**
 * The 批注 numbers of the group page, from the threads of a lesson's documents: per lesson how many are
 * open and resolved, per teacher how many comments they wrote (a thread started and a reply each count
 * as one: both are a teacher's written remark on the plan).
 */
import type { ThreadView } from '../threads/thread-model.ts'
import type { StatsComment } from './group-overview.ts'

export type CountedThread = Pick<ThreadView, 'authorId' | 'state'> & { replies: readonly { authorId: string }[] }

export interface ThreadStateCounts {
  open: number
  resolved: number
}

export function threadStateCounts(threads: readonly CountedThread[]): ThreadStateCounts {
  const resolved = threads.filter((thread) => thread.state === 'resolved').length
  return { open: threads.length - resolved, resolved }
}

export function commentsOf(lessonId: string, threads: readonly CountedThread[]): StatsComment[] {
  return threads.flatMap((thread) => [thread, ...thread.replies].map(({ authorId }) => ({ lessonId, authorId })))
}
