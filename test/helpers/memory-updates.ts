/**
 * A document's update log in memory, for tests and benchmarks of rooms that need no database: every
 * document starts from `initial` and keeps what is appended to it.
 */
import type { StoredDocumentState, UpdateStore } from '../../server/store/store.ts'

export interface MemoryUpdates extends UpdateStore {
  /** What was appended, in order, to any document. */
  readonly appended: Uint8Array[]
}

export function memoryUpdates(initial: readonly Uint8Array[]): MemoryUpdates {
  const appended: Uint8Array[] = []
  const log = [...initial]
  return {
    appended,
    async appendUpdates(_documentId, updates) {
      log.push(...updates)
      appended.push(...updates)
      return log.length
    },
    async loadDocumentState(): Promise<StoredDocumentState> {
      return { snapshot: null, snapshotStateVector: null, updates: [...log], lastSeq: log.length }
    },
    async loadUpdatesAfter(_documentId, afterSeq) {
      return log.slice(afterSeq).map((update, index) => ({ seq: afterSeq + index + 1, update }))
    },
    async lastSeqs(documentIds) {
      return new Map(documentIds.map((id) => [id, log.length]))
    },
    // The log is kept whole: loading it gives the document a snapshot would.
    async compactDocument() {},
    async documentStorageStats() {
      return { bytes: log.reduce((sum, update) => sum + update.byteLength, 0), logLength: log.length }
    },
  }
}
