/**
 * When a document may be read and indexed again (SEARCH-9): indexing reads and merges the whole stored
 * document on the server's one thread, so a document is re-read at most once per a gap that grows with its
 * stored size. An ordinary 导学案 of tens of kilobytes waits a second or two; a large one being typed into
 * is read about once a minute, not every sweep. A document not indexed within its gap is due at once, so
 * the first change after a quiet spell is found within seconds.
 */

/** Stored bytes per millisecond of gap: 20 KB buys one second. */
const bytesPerGapMs = 20

/** The longest a changed document waits for its next indexing. */
export const maxReindexGapMs = 60_000

/** What the indexer remembers of a document it indexed. */
export interface LastIndexing {
  /** When it was read, ms since the epoch. */
  at: number
  /** Its stored size then (snapshot and update log), in bytes. */
  bytes: number
}

/** The least time between two readings of a document this large. */
export function reindexGapMs(bytes: number): number {
  return Math.min(maxReindexGapMs, Math.ceil(Math.max(0, bytes) / bytesPerGapMs))
}

/** When the document may next be indexed: at once if never indexed, else its gap after the last reading. */
export function nextIndexingAt(last: LastIndexing | undefined, now: number): number {
  return last ? Math.max(now, last.at + reindexGapMs(last.bytes)) : now
}

/** Whether a document last indexed so is due at `now`. */
export function isDueForIndexing(last: LastIndexing | undefined, now: number): boolean {
  return nextIndexingAt(last, now) <= now
}
