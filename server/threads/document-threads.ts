/**
 * The threads of stored documents, read on the server for counts and lists (师徒结对, the group page).
 * Each document is loaded once, its threads read without resolving their anchors: counting needs the
 * thread fields only, and a thread keeps the words it was made on in `quote`. A suggestion not yet
 * decided is the exception: whether its words are still there (or it went stale) shows only in the
 * content, so its anchor is resolved while the state is loaded. Every thread in a document was written
 * in it: one started from the plan leaves the plan's threads out (`shared/adaptation/fork.ts`).
 */
import * as Y from 'yjs'
import { type SuggestionStatus, suggestionStatus } from '../../shared/threads/suggestions.ts'
import { readThread, threadsOf, type ThreadView } from '../../shared/threads/thread-model.ts'
import type { DocumentRecord } from '../store/store.ts'
import { type ContentContext, currentState } from '../versions/document-content.ts'

export interface StoredThread extends ThreadView {
  /** Set on a suggestion (建议修改) only: where it stands now. */
  suggestionStatus: SuggestionStatus | null
}

/** Each document's threads, by document id. */
export async function threadsOfDocuments(
  context: ContentContext,
  documents: readonly Pick<DocumentRecord, 'id'>[],
): Promise<Map<string, StoredThread[]>> {
  const threads = await Promise.all(
    documents.map(async (document) => threadsOfState(await currentState(context, document.id))),
  )
  return new Map(documents.map((document, index) => [document.id, threads[index]!]))
}

/** The threads of a document's state, when the caller has loaded the state for something else too. */
export function threadsOfState(state: Uint8Array): StoredThread[] {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  const threads = [...threadsOf(doc).values()].map(readThread).map((thread) => ({
    ...thread,
    suggestionStatus: thread.suggestion ? suggestionStatus(doc, thread.id) : null,
  }))
  doc.destroy()
  return threads
}
