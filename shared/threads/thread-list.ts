/** The threads of a document as the panel shows them: in document order, 原文已删除 ones last. */
import type * as Y from 'yjs'
import { type ResolvedAnchor, resolveAnchor } from './thread-anchor.ts'
import { readThread, type ThreadView, threadsOf } from './thread-model.ts'

export interface ListedThread {
  thread: ThreadView
  anchor: ResolvedAnchor
}

export function listThreads(doc: Y.Doc): ListedThread[] {
  const listed = [...threadsOf(doc).values()].map((thread) => ({
    thread: readThread(thread),
    anchor: resolveAnchor(doc, thread),
  }))
  return listed.sort(
    (a, b) =>
      orderOf(a) - orderOf(b) || a.thread.createdAt - b.thread.createdAt || a.thread.id.localeCompare(b.thread.id),
  )
}

function orderOf({ anchor }: ListedThread): number {
  return anchor.deleted ? Number.POSITIVE_INFINITY : anchor.from
}
