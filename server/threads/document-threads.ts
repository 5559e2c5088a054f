/**
 * The threads of stored documents, read on the server for counts and lists (师徒结对, the group page).
 * Each document is loaded once, its threads read without resolving their anchors: counting needs the
 * thread fields only, and a thread keeps the words it was made on in `quote`.
 */
import * as Y from 'yjs'
import { readThread, threadsOf, type ThreadView } from '../../shared/threads/thread-model.ts'
import { type ContentContext, currentState } from '../versions/document-content.ts'

export async function threadsOfDocument(context: ContentContext, documentId: string): Promise<ThreadView[]> {
  return threadsOfState(await currentState(context, documentId))
}

/** The threads of a document's state, when the caller has loaded it for something else too. */
export function threadsOfState(state: Uint8Array): ThreadView[] {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  const threads = [...threadsOf(doc).values()].map(readThread)
  doc.destroy()
  return threads
}

/** Every document's threads, by document id. */
export async function threadsOfDocuments(
  context: ContentContext,
  documentIds: Iterable<string>,
): Promise<Map<string, ThreadView[]>> {
  const ids = [...new Set(documentIds)]
  const threads = await Promise.all(ids.map((id) => threadsOfDocument(context, id)))
  return new Map(ids.map((id, index) => [id, threads[index]!]))
}
