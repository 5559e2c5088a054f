/** What the thread panel shows: the document's threads (already in document order) narrowed by its filters. */
import type { ListedThread } from '../../../shared/threads/thread-list.ts'
import type { ThreadKind, ThreadState } from '../../../shared/threads/thread-model.ts'

export interface ThreadFilter {
  kind: ThreadKind | 'all'
  state: ThreadState | 'all'
  /** A user id, or `'all'`. */
  authorId: string
}

/** Open threads of every kind and author: what needs an answer. */
export const defaultThreadFilter: ThreadFilter = { kind: 'all', state: 'open', authorId: 'all' }

export const threadStateLabels: Record<ThreadFilter['state'], string> = {
  open: '未解决',
  resolved: '已解决',
  all: '全部',
}

/** `keepId`: the selected thread stays, e.g. one just resolved under 未解决, so it does not vanish under the pointer. */
export function filterThreads(
  threads: readonly ListedThread[],
  filter: ThreadFilter,
  keepId: string | null = null,
): ListedThread[] {
  return threads.filter(
    ({ thread }) =>
      thread.id === keepId ||
      ((filter.kind === 'all' || thread.kind === filter.kind) &&
        (filter.state === 'all' || thread.state === filter.state) &&
        (filter.authorId === 'all' || thread.authorId === filter.authorId)),
  )
}

/** Everyone who wrote a thread here, once each, for the author filter. */
export function threadAuthors(threads: readonly ListedThread[]): string[] {
  return [...new Set(threads.map(({ thread }) => thread.authorId))]
}

/** Users a thread names whose names we need: authors of threads and replies, mentioned users, deciders. */
export function usersNamed(threads: readonly ListedThread[]): string[] {
  const ids = new Set<string>()
  for (const { thread } of threads) {
    ids.add(thread.authorId)
    for (const id of thread.mentions) ids.add(id)
    for (const reply of thread.replies) ids.add(reply.authorId)
    if (thread.resolvedBy) ids.add(thread.resolvedBy)
    if (thread.suggestion?.decidedBy) ids.add(thread.suggestion.decidedBy)
  }
  return [...ids]
}
