import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { SearchIndexer } from '../../../server/search/search-indexer.ts'
import type { StaleSearchFilter, StaleSearchSource } from '../../../server/store/search-records.ts'
import type { Store } from '../../../server/store/store.ts'

/** A store of documents of these sizes, all stale until indexed, counting reads and how it was asked. */
function fakeStore(sizes: Record<string, number>) {
  const stale = new Set(Object.keys(sizes))
  const reads: string[] = []
  const asked: StaleSearchFilter[] = []
  const stateOf = (bytes: number) => {
    const doc = new Y.Doc()
    doc.getText('padding').insert(0, 'x'.repeat(bytes))
    return Y.encodeStateAsUpdate(doc)
  }
  const states = Object.fromEntries(Object.entries(sizes).map(([id, bytes]) => [id, stateOf(bytes)]))
  const sourceOf = (id: string): StaleSearchSource => ({
    source: 'document',
    sourceId: id,
    stamp: 'always newer',
    kind: 'lesson-plan',
    schoolId: 's',
    groupId: null,
    lessonId: null,
    documentId: id,
    versionNumber: null,
    observerId: null,
    observedId: null,
    title: id,
    fields: [],
    datedAt: 0,
  })
  const store = {
    search: {
      listStaleSearchSources: (_limit: number, filter: StaleSearchFilter = {}) => {
        asked.push(filter)
        const ids = [...stale].filter(
          (id) => (filter.documentIds?.includes(id) ?? true) && !filter.skipDocumentIds?.includes(id),
        )
        return Promise.resolve(ids.map(sourceOf))
      },
      putSearchEntries: (entries: readonly { sourceId: string }[]) => {
        for (const entry of entries) stale.delete(entry.sourceId)
        return Promise.resolve()
      },
      deleteOrphanSearchEntries: () => Promise.resolve(0),
    },
    updates: {
      loadDocumentState: (id: string) => {
        reads.push(id)
        return Promise.resolve({ snapshot: null, snapshotStateVector: null, updates: [states[id]!], lastSeq: 1 })
      },
    },
    versions: { versionState: () => Promise.resolve(null) },
  } as unknown as Pick<Store, 'search' | 'updates' | 'versions'>
  return { store, reads, asked, stale }
}

describe('the search indexer', () => {
  it('[SEARCH-8] lets the event loop run between two documents of a batch', async () => {
    const { store, reads } = fakeStore({ a: 100, b: 100, c: 100 })
    const indexer = new SearchIndexer(store, { delayMs: 600_000 })
    const between: number[] = []
    const sweeping = indexer.sweep()
    // What an editor's frame would do: it runs after the read it arrived during, before the next.
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setImmediate(resolve))
      between.push(reads.length)
    }
    await sweeping
    expect(between).toEqual([1, 2, 3])
  })

  it('[SEARCH-9] reads a large document again only once its gap has passed, an ordinary one at once', async () => {
    let now = 1_000_000
    const { store, reads, stale } = fakeStore({ large: 1_100_000, small: 30_000 })
    // No timer fires within the test: each sweep is run by hand.
    const indexer = new SearchIndexer(store, { now: () => now, delayMs: 600_000 })
    await indexer.sweep()
    expect(reads.sort()).toEqual(['large', 'small'])
    reads.length = 0
    // Teachers type into both.
    stale.add('large').add('small')
    indexer.documentChanged('large')
    indexer.documentChanged('small')
    now += 5000
    await indexer.sweep()
    expect(reads).toEqual(['small'])
    reads.length = 0
    stale.add('small')
    now += 55_000
    await indexer.sweep()
    expect(reads.sort()).toEqual(['large', 'small'])
    await indexer.stop()
  })

  it('[SEARCH-10] after a write, asks the store about the announced document only', async () => {
    const { store, reads, asked } = fakeStore({ typed: 30_000, other: 30_000 })
    const indexer = new SearchIndexer(store, { delayMs: 0, restMs: 0 })
    indexer.documentChanged('typed')
    await vi.waitFor(() => expect(reads).toEqual(['typed']))
    expect(asked).toEqual([{ documentIds: ['typed'] }])
    await indexer.stop()
  })
})
