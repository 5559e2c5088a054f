/**
 * Who took part in a thread before a new reply: the activity report names the thread's author but
 * not the earlier repliers, so they are read from the document as stored (the reply is stored by now).
 * Replies are rare next to keystrokes; one load of the document per reply is affordable.
 */
import * as Y from 'yjs'
import { readThread, threadsOf } from '../../shared/threads/thread-model.ts'
import type { Store } from '../store/store.ts'

/** For each thread, the authors of the replies before the given reply, in order. */
export async function earlierRepliersOf(
  store: Pick<Store, 'updates'>,
  documentId: string,
  replies: readonly { threadId: string; replyId: string }[],
): Promise<Record<string, string[]>> {
  if (replies.length === 0) return {}
  const stored = await store.updates.loadDocumentState(documentId)
  const doc = new Y.Doc()
  for (const part of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) Y.applyUpdate(doc, part)
  const result: Record<string, string[]> = {}
  for (const { threadId, replyId } of replies) {
    const thread = threadsOf(doc).get(threadId)
    if (!thread) continue
    const all = readThread(thread).replies
    const newIndex = all.findIndex((reply) => reply.id === replyId)
    const earlier = newIndex === -1 ? all : all.slice(0, newIndex)
    result[threadId] = [...(result[threadId] ?? []), ...earlier.map((reply) => reply.authorId)]
  }
  doc.destroy()
  return result
}
