/**
 * Keeps the search index up to date from stored state, off the edit path (SEARCH-8): a stored write pokes
 * `documentChanged(id)` and any other change `changed()`; either only arms a timer. A sweep a moment later
 * (and never sooner than `restMs` after the last one) indexes what is stale, in small batches that yield to
 * the event loop, so typing never waits on indexing. An announced document is looked at alone (SEARCH-10),
 * and no sooner than its gap after it was last read (SEARCH-9, `reindex-schedule.ts`); a whole sweep, at
 * start, after other changes and every few minutes, catches anything no poke announced.
 */
import { indexTerms } from '../../shared/search/search-terms.ts'
import { blocksOfState } from '../../shared/versions/document-blocks.ts'
import * as Y from 'yjs'
import { logger } from '../log/logger.ts'
import type { SearchEntryWrite, StaleSearchSource } from '../store/search-records.ts'
import type { Store } from '../store/store.ts'
import { buildEditorSchema } from '../../shared/schema/editor-schema.ts'
import { isDueForIndexing, type LastIndexing, maxReindexGapMs, nextIndexingAt } from './reindex-schedule.ts'

export interface SearchIndexerOptions {
  /** How long after a change the sweep runs: changes meanwhile join it. */
  delayMs?: number
  /**
   * How long after a sweep ends the next may start. While a teacher types, every keystroke is a change;
   * without a rest the store would be asked twice a second on the server's one thread.
   */
  restMs?: number
  /** A whole sweep also runs this often, whatever was announced. */
  sweepEveryMs?: number
  /** Sources indexed per transaction. */
  batchSize?: number
  /** The clock, ms since the epoch. */
  now?: () => number
}

/** PostgreSQL keeps positions up to 16,383; both backends index the same first grams of a long text. */
export const maxIndexedGrams = 16_000

const editorSchema = buildEditorSchema()

/** A whole sweep leaves out at most this many resting documents, within any backend's parameter limit. */
const maxSkippedDocuments = 500

export class SearchIndexer {
  private readonly delayMs: number
  private readonly restMs: number
  private readonly sweepEveryMs: number
  private readonly batchSize: number
  private readonly now: () => number
  private lastSweepEnded = 0
  private timer: NodeJS.Timeout | undefined
  private timerAt = 0
  private interval: NodeJS.Timeout | undefined
  private sweeping: Promise<void> | undefined
  private again = false
  private stopped = false
  /** A change no document id names was announced: the next sweep looks at every source. */
  private wholeDue = false
  /** Documents whose writes were announced and that were not looked at since. */
  private readonly announced = new Set<string>()
  /** Documents read within the longest gap, and when and how large (SEARCH-9). */
  private readonly indexed = new Map<string, LastIndexing>()

  constructor(
    private readonly store: Pick<Store, 'search' | 'updates' | 'versions'>,
    options: SearchIndexerOptions = {},
  ) {
    this.delayMs = options.delayMs ?? 500
    this.restMs = options.restMs ?? 5000
    this.sweepEveryMs = options.sweepEveryMs ?? 300_000
    this.batchSize = options.batchSize ?? 20
    this.now = options.now ?? Date.now
  }

  /** Indexes what is stale now, then sweeps everything every `sweepEveryMs`. */
  start(): void {
    this.changed()
    this.interval = setInterval(() => this.changed(), this.sweepEveryMs)
    this.interval.unref()
  }

  /** Something other than a document's content was stored: sweep every source soon. Cheap and synchronous. */
  changed(): void {
    this.wholeDue = true
    this.armAt(this.now())
  }

  /** The document's update log grew: look at it soon (SEARCH-10). Cheap and synchronous, for the room's writes. */
  documentChanged(documentId: string): void {
    this.announced.add(documentId)
    this.armAt(this.now())
  }

  /** Sweeps every source now (or after the running sweep) and resolves when nothing due is stale. */
  async sweep(): Promise<void> {
    this.wholeDue = true
    return this.run()
  }

  async stop(): Promise<void> {
    this.stopped = true
    clearTimeout(this.timer)
    clearInterval(this.interval)
    await this.sweeping
  }

  /** Runs a sweep at `at`, or after the rest that follows the last one; an earlier time replaces a later. */
  private armAt(at: number): void {
    if (this.stopped) return
    const now = this.now()
    const when = Math.max(at, now + this.delayMs, this.lastSweepEnded + this.restMs)
    if (this.timer && this.timerAt <= when) return
    clearTimeout(this.timer)
    this.timerAt = when
    this.timer = setTimeout(() => {
      this.timer = undefined
      void this.run()
    }, when - now)
    this.timer.unref()
  }

  private run(): Promise<void> {
    if (this.sweeping) {
      this.again = true
      return this.sweeping
    }
    this.sweeping = this.sweepUntilCurrent().finally(() => {
      this.sweeping = undefined
      this.lastSweepEnded = this.now()
      this.armForWaiting()
    })
    return this.sweeping
  }

  /** Documents announced while they were within their gap wait for it to end (SEARCH-9). */
  private armForWaiting(): void {
    if (this.wholeDue) this.armAt(this.now())
    const now = this.now()
    let earliest = Infinity
    for (const id of this.announced) earliest = Math.min(earliest, nextIndexingAt(this.indexed.get(id), now))
    if (earliest < Infinity) this.armAt(earliest)
  }

  private async sweepUntilCurrent(): Promise<void> {
    do {
      this.again = false
      try {
        this.forgetOldReadings()
        if (this.wholeDue) {
          this.wholeDue = false
          await this.indexAllStale()
          await this.store.search.deleteOrphanSearchEntries()
        } else await this.indexAnnounced()
      } catch (error) {
        // The next sweep tries again; search shows the last good index meanwhile.
        logger.error({ err: error }, 'search indexing failed')
        return
      }
    } while (this.again && !this.stopped)
  }

  /** A reading older than the longest gap no longer holds anything back. */
  private forgetOldReadings(): void {
    const now = this.now()
    for (const [id, last] of this.indexed) if (last.at + maxReindexGapMs <= now) this.indexed.delete(id)
  }

  /** The announced documents that are due, looked at by id only (SEARCH-10); the others keep waiting. */
  private async indexAnnounced(): Promise<void> {
    const now = this.now()
    const due = [...this.announced].filter((id) => isDueForIndexing(this.indexed.get(id), now))
    for (const id of due) this.announced.delete(id)
    try {
      for (let i = 0; i < due.length && !this.stopped; i += this.batchSize) {
        const documentIds = due.slice(i, i + this.batchSize)
        await this.indexBatch(await this.store.search.listStaleSearchSources(this.batchSize, { documentIds }))
      }
    } catch (error) {
      for (const id of due) this.announced.add(id)
      throw error
    }
  }

  /**
   * Every stale source but the announced documents within their gap, which keep waiting (SEARCH-9). Only
   * those are left out: others read lately are not stale unless something unannounced changed them.
   */
  private async indexAllStale(): Promise<void> {
    for (;;) {
      if (this.stopped) return
      const now = this.now()
      const resting = [...this.announced]
        .filter((id) => !isDueForIndexing(this.indexed.get(id), now))
        .slice(0, maxSkippedDocuments)
      const stale = await this.store.search.listStaleSearchSources(this.batchSize, { skipDocumentIds: resting })
      if (stale.length === 0) return
      await this.indexBatch(stale)
    }
  }

  private async indexBatch(stale: readonly StaleSearchSource[]): Promise<void> {
    if (stale.length === 0) return
    const entries: SearchEntryWrite[] = []
    for (const source of stale) {
      entries.push(await this.entryOf(source))
      // Reading, merging and segmenting one document blocks the thread for tens of milliseconds (SQLite
      // answers synchronously): editors' frames go between two documents, not after twenty.
      await yieldToEventLoop()
    }
    await this.store.search.putSearchEntries(entries)
    await yieldToEventLoop()
  }

  private async entryOf(source: StaleSearchSource): Promise<SearchEntryWrite> {
    const { fields, ...entry } = source
    const body = source.source === 'document' || source.source === 'version' ? await this.readableText(source) : fields
    const terms = indexTerms([source.title, ...body])
    const grams = terms.grams.split(' ')
    if (grams.length > maxIndexedGrams) terms.grams = grams.slice(0, maxIndexedGrams).join(' ')
    return { ...entry, body: body.join('\n'), terms }
  }

  /** A document that cannot be read is found by its title until it changes again. */
  private async readableText(source: StaleSearchSource): Promise<string[]> {
    try {
      return await this.textOf(source)
    } catch (error) {
      logger.error({ err: error, source: source.source, sourceId: source.sourceId }, 'search cannot read a source')
      return []
    }
  }

  /** The document's blocks as text, one line each, from its stored state or the version's. */
  private async textOf(source: StaleSearchSource): Promise<string[]> {
    let state: Uint8Array | null
    if (source.source === 'version') state = await this.store.versions.versionState(source.sourceId)
    else {
      const stored = await this.store.updates.loadDocumentState(source.sourceId)
      const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates
      const bytes = parts.reduce((sum, part) => sum + part.byteLength, 0)
      this.indexed.set(source.sourceId, { at: this.now(), bytes })
      state = parts.length === 0 ? null : Y.mergeUpdates(parts)
    }
    if (!state) return []
    return blocksOfState(state, editorSchema)
      .map((block) => block.text)
      .filter((text) => text.length > 0)
  }
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
