/**
 * The threads of stored documents, read on the server for counts and lists (师徒结对, the group page).
 * Each document is loaded once, its threads read without resolving their anchors: counting needs the
 * thread fields only, and a thread keeps the words it was made on in `quote`. Only the threads written
 * in a document count as its own (`threadsWrittenIn`): an adaptation's copies of the plan's are not.
 */
import * as Y from 'yjs'
import { readThread, threadsOf, type ThreadView } from '../../shared/threads/thread-model.ts'
import { threadsWrittenIn } from '../../shared/threads/written-threads.ts'
import type { DocumentRecord } from '../store/store.ts'
import { type ContentContext, currentState } from '../versions/document-content.ts'

/** Each document's own threads, by document id. */
export async function threadsOfDocuments(
  context: ContentContext,
  documents: readonly Pick<DocumentRecord, 'id' | 'createdAt'>[],
): Promise<Map<string, ThreadView[]>> {
  const threads = await Promise.all(
    documents.map(async (document) => ownThreadsOfState(document, await currentState(context, document.id))),
  )
  return new Map(documents.map((document, index) => [document.id, threads[index]!]))
}

/** The document's own threads in its state, when the caller has loaded the state for something else too. */
export function ownThreadsOfState(document: Pick<DocumentRecord, 'createdAt'>, state: Uint8Array): ThreadView[] {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  const threads = [...threadsOf(doc).values()].map(readThread)
  doc.destroy()
  return threadsWrittenIn(document.createdAt, threads)
}
