/**
 * What a pair did in a semester, read from where it happened: the mentor's threads in the apprentice's
 * documents (each document loaded once) and the 听课记录 between the two. Counted by
 * `shared/mentorship/pair-counts.ts`.
 */
import {
  type Annotation,
  mentorAnnotations,
  type PairCounts,
  type PairIds,
  pairCounts,
  pairObservations,
} from '../../shared/mentorship/pair-counts.ts'
import type { ObservationRecord } from '../store/mentorship-records.ts'
import type { DocumentRecord } from '../store/store.ts'
import { type StoredThread, threadsOfDocuments } from '../threads/document-threads.ts'
import type { ContentContext } from '../versions/document-content.ts'

export interface PairWork {
  /** The apprentice's own documents, by id. */
  documents: ReadonlyMap<string, DocumentRecord>
  annotations: Annotation<StoredThread>[]
  observations: ObservationRecord[]
  counts: PairCounts
}

export async function pairWork(context: ContentContext, pair: PairIds, semester: string): Promise<PairWork> {
  const { store } = context
  const [documents, allObservations] = await Promise.all([
    store.documents.listDocumentsOwnedBy(pair.apprenticeId),
    store.mentorships.listObservationsBetween(pair.mentorId, pair.apprenticeId),
  ])
  const threads = await threadsOfDocuments(context, documents)
  const ownThreads = [...threads].map(([documentId, list]) => ({ documentId, threads: list }))
  const annotations = mentorAnnotations(pair.mentorId, ownThreads, semester)
  return {
    documents: new Map(documents.map((document) => [document.id, document])),
    annotations,
    observations: pairObservations(pair, allObservations, semester),
    counts: pairCounts(pair, annotations, allObservations, semester),
  }
}
