/**
 * Keeps the search index up to date from stored state, off the edit path (SEARCH-8): a change pokes
 * `changed()`, which only arms a timer; a sweep a moment later (and never sooner than `restMs` after the
 * last one) indexes whatever is stale (the store
 * compares each source with the stamp its entry was written from), in small batches that yield to the
 * event loop, so typing never waits on indexing. A periodic sweep catches anything no poke announced.
 */
import { indexTerms } from '../../shared/search/search-terms.ts'
import { blocksOfState } from '../../shared/versions/document-blocks.ts'
import * as Y from 'yjs'
import { logger } from '../log/logger.ts'
import type { SearchEntryWrite, StaleSearchSource } from '../store/search-records.ts'
import type { Store } from '../store/store.ts'
import { buildEditorSchema } from '../../shared/schema/editor-schema.ts'

export interface SearchIndexerOptions {
  /** How long after a change the sweep runs: changes meanwhile join it. */
  delayMs?: number
  /**
   * How long after a sweep ends the next may start. While a teacher types, every keystroke is a change;
   * without a rest the document would be read, merged and indexed on the server's one thread twice a
   * second, a cost a large 导学案 makes everyone's typing wait for.
   */
  restMs?: number
  /** A sweep also runs this often, whatever was announced. */
  sweepEveryMs?: number
  /** Sources indexed per transaction. */
  batchSize?: number
}

/** PostgreSQL keeps positions up to 16,383; both backends index the same first grams of a long text. */
export const maxIndexedGrams = 16_000

const editorSchema = buildEditorSchema()

export class SearchIndexer {
  private readonly delayMs: number
  private readonly restMs: number
  private lastSweepEnded = 0
  private readonly sweepEveryMs: number
  private readonly batchSize: number
  private timer: NodeJS.Timeout | undefined
  private interval: NodeJS.Timeout | undefined
  private sweeping: Promise<void> | undefined
  private again = false
  private stopped = false

  constructor(
    private readonly store: Pick<Store, 'search' | 'updates' | 'versions'>,
    options: SearchIndexerOptions = {},
  ) {
    this.delayMs = options.delayMs ?? 500
    this.restMs = options.restMs ?? 5000
    this.sweepEveryMs = options.sweepEveryMs ?? 30_000
    this.batchSize = options.batchSize ?? 20
  }

  /** Indexes what is stale now, then keeps sweeping every `sweepEveryMs`. */
  start(): void {
    this.changed()
    this.interval = setInterval(() => this.changed(), this.sweepEveryMs)
    this.interval.unref()
  }

  /** Something was stored: sweep soon. Cheap and synchronous, for any write path to call. */
  changed(): void {
    if (this.stopped || this.timer) return
    const wait = Math.max(this.delayMs, this.lastSweepEnded + this.restMs - Date.now())
    this.timer = setTimeout(() => {
      this.timer = undefined
      void this.sweep()
    }, wait)
    this.timer.unref()
  }

  /** Runs a sweep now (or after the running one) and resolves when nothing stale is left. */
  async sweep(): Promise<void> {
    if (this.sweeping) {
      this.again = true
      return this.sweeping
    }
    this.sweeping = this.sweepUntilCurrent().finally(() => {
      this.sweeping = undefined
      this.lastSweepEnded = Date.now()
    })
    return this.sweeping
  }

  async stop(): Promise<void> {
    this.stopped = true
    clearTimeout(this.timer)
    clearInterval(this.interval)
    await this.sweeping
  }

  private async sweepUntilCurrent(): Promise<void> {
    do {
      this.again = false
      try {
        await this.indexStale()
        await this.store.search.deleteOrphanSearchEntries()
      } catch (error) {
        // The next sweep tries again; search shows the last good index meanwhile.
        logger.error({ err: error }, 'search indexing failed')
        return
      }
    } while (this.again && !this.stopped)
  }

  private async indexStale(): Promise<void> {
    for (;;) {
      if (this.stopped) return
      const stale = await this.store.search.listStaleSearchSources(this.batchSize)
      if (stale.length === 0) return
      const entries: SearchEntryWrite[] = []
      for (const source of stale) entries.push(await this.entryOf(source))
      await this.store.search.putSearchEntries(entries)
      await new Promise((resolve) => setImmediate(resolve))
    }
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
      state = parts.length === 0 ? null : Y.mergeUpdates(parts)
    }
    if (!state) return []
    return blocksOfState(state, editorSchema)
      .map((block) => block.text)
      .filter((text) => text.length > 0)
  }
}
