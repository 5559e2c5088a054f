/**
 * The contract of the updates area (`UpdateStore` in `server/store/store.ts`), run by `store-contract.ts` on every backend.
 */
import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Database } from '../../../server/store/database-schema.ts'
import type { Store } from '../../../server/store/store.ts'
import { bytes, createFixture, plain } from './store-fixture.ts'

export function describeUpdateContract(storeOf: () => Store): void {
  describe('document state', () => {
    let store: Store
    beforeEach(() => {
      store = storeOf()
    })

    it('loads a new document as empty', async () => {
      const { document } = await createFixture(store)
      expect(await store.updates.loadDocumentState(document.id)).toEqual({
        snapshot: null,
        snapshotStateVector: null,
        updates: [],
        lastSeq: 0,
      })
      expect(await store.updates.documentStorageStats(document.id)).toEqual({ bytes: 0, logLength: 0 })
    })

    it('refuses to load or append to a document that does not exist', async () => {
      await expect(store.updates.loadDocumentState('missing')).rejects.toThrow(/missing/)
      await expect(store.updates.appendUpdates('missing', [bytes(1)])).rejects.toThrow(/missing/)
      await expect(store.updates.appendUpdates('missing', [])).rejects.toThrow(/missing/)
    })

    it('loads updates in the order they were appended, numbered across batches', async () => {
      const { document } = await createFixture(store)
      expect(await store.updates.appendUpdates(document.id, [bytes(1), bytes(2, 2)])).toBe(2)
      expect(await store.updates.appendUpdates(document.id, [bytes(3, 3, 3)])).toBe(3)
      expect(await store.updates.appendUpdates(document.id, [])).toBe(3)
      const state = await store.updates.loadDocumentState(document.id)
      expect(state.snapshot).toBeNull()
      expect(plain(state.updates)).toEqual([[1], [2, 2], [3, 3, 3]])
      expect(state.lastSeq).toBe(3)
      expect(await store.updates.documentStorageStats(document.id)).toEqual({ bytes: 6, logLength: 3 })
    })

    it('keeps the logs of two documents apart', async () => {
      const { document, groupId, schoolId, user } = await createFixture(store)
      const other = await store.documents.createDocument({
        groupId,
        schoolId,
        title: '另一篇',
        kind: 'lesson-plan',
        createdBy: user.id,
      })
      await store.updates.appendUpdates(document.id, [bytes(1)])
      await store.updates.appendUpdates(other.id, [bytes(9), bytes(8)])
      await store.updates.appendUpdates(document.id, [bytes(2)])
      expect(plain((await store.updates.loadDocumentState(document.id)).updates)).toEqual([[1], [2]])
      expect(await store.updates.loadDocumentState(other.id)).toMatchObject({ lastSeq: 2 })
    })

    it('compaction replaces the log up to a sequence number and keeps the later updates', async () => {
      const { document } = await createFixture(store)
      await store.updates.appendUpdates(document.id, [bytes(1), bytes(2)])
      await store.updates.appendUpdates(document.id, [bytes(3)])
      await store.updates.compactDocument(document.id, bytes(12, 12), 2)
      let state = await store.updates.loadDocumentState(document.id)
      expect(plain([state.snapshot!])).toEqual([[12, 12]])
      expect(plain(state.updates)).toEqual([[3]])
      expect(state.lastSeq).toBe(3)
      expect(await store.updates.documentStorageStats(document.id)).toEqual({ bytes: 3, logLength: 1 })

      expect(await store.updates.appendUpdates(document.id, [bytes(4)])).toBe(4)
      await store.updates.compactDocument(document.id, bytes(123), 3)
      state = await store.updates.loadDocumentState(document.id)
      expect(plain([state.snapshot!])).toEqual([[123]])
      expect(plain(state.updates)).toEqual([[4]])
      expect(state.lastSeq).toBe(4)
    })

    it("keeps a snapshot's state vector with it, and refuses the snapshot once its bytes change", async () => {
      const { document } = await createFixture(store)
      await store.updates.appendUpdates(document.id, [bytes(1), bytes(2)])
      await store.updates.compactDocument(document.id, bytes(12), 2, bytes(1, 7, 2))
      expect(plain([(await store.updates.loadDocumentState(document.id)).snapshotStateVector!])).toEqual([[1, 7, 2]])
      await store.updates.compactDocument(document.id, bytes(12, 3), 2)
      expect((await store.updates.loadDocumentState(document.id)).snapshotStateVector).toBeNull()

      await store.updates.compactDocument(document.id, bytes(12, 3, 4), 2, bytes(1, 7, 4))
      const db = (store as unknown as { db: Kysely<Database> }).db
      await db
        .updateTable('document_snapshots')
        .set({ data: bytes(99) })
        .where('document_id', '=', document.id)
        .execute()
      await expect(store.updates.loadDocumentState(document.id)).rejects.toThrow(
        /snapshot that changed since it was written/,
      )
    })

    it('numbers appends on above a compaction that emptied the log', async () => {
      const { document } = await createFixture(store)
      await store.updates.appendUpdates(document.id, [bytes(1), bytes(2)])
      await store.updates.compactDocument(document.id, bytes(12), 2)
      expect(await store.updates.loadDocumentState(document.id)).toMatchObject({ updates: [], lastSeq: 2 })
      expect(await store.updates.appendUpdates(document.id, [])).toBe(2)
      expect(await store.updates.appendUpdates(document.id, [bytes(3)])).toBe(3)
      await expect(store.updates.compactDocument(document.id, bytes(9), 4)).rejects.toThrow(/last update is 3/)
      await store.updates.compactDocument(document.id, bytes(123), 3)
      expect(await store.updates.appendUpdates(document.id, [bytes(4)])).toBe(4)
    })

    it('appends to several documents at once, and one failing append does not fail the others', async () => {
      const { document, groupId, schoolId, user } = await createFixture(store)
      const other = await store.documents.createDocument({
        groupId,
        schoolId,
        title: '另一课',
        kind: 'lesson-plan',
        createdBy: user.id,
      })
      const results = await Promise.allSettled([
        store.updates.appendUpdates(document.id, [bytes(1)]),
        store.updates.appendUpdates('no-such-document', [bytes(2)]),
        store.updates.appendUpdates(other.id, [bytes(3), bytes(4)]),
        store.updates.appendUpdates(document.id, [bytes(5)]),
      ])
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled'])
      // Appends running at once may commit in either order (PostgreSQL uses one connection each).
      const ofDocument = plain((await store.updates.loadDocumentState(document.id)).updates)
      expect(ofDocument.sort((a, b) => a[0]! - b[0]!)).toEqual([[1], [5]])
      expect(plain((await store.updates.loadDocumentState(other.id)).updates)).toEqual([[3], [4]])
    })

    it('loads the log rows after a sequence number, in order, numbered', async () => {
      const { document } = await createFixture(store)
      await store.updates.appendUpdates(document.id, [bytes(1), bytes(2), bytes(3)])
      await store.updates.appendUpdates(document.id, [bytes(4)])
      const after = await store.updates.loadUpdatesAfter(document.id, 1)
      expect(after.map((row) => row.seq)).toEqual([2, 3, 4])
      expect(plain(after.map((row) => row.update))).toEqual([[2], [3], [4]])
      expect(await store.updates.loadUpdatesAfter(document.id, 4)).toEqual([])
    })

    it('[SCALE-5] leads with the snapshot when rows after the sequence number were folded', async () => {
      const { document } = await createFixture(store)
      await store.updates.appendUpdates(document.id, [bytes(1), bytes(2), bytes(3), bytes(4)])
      await store.updates.compactDocument(document.id, bytes(1, 2, 3), 3)
      const after = await store.updates.loadUpdatesAfter(document.id, 1)
      expect(after.map((row) => row.seq)).toEqual([3, 4])
      expect(plain(after.map((row) => row.update))).toEqual([[1, 2, 3], [4]])
      expect((await store.updates.loadUpdatesAfter(document.id, 3)).map((row) => row.seq)).toEqual([4])
    })

    it('tells the last sequence number of several documents, leaving out those that do not exist', async () => {
      const { document } = await createFixture(store)
      const { groupId, schoolId, kind, createdBy } = document
      const other = await store.documents.createDocument({ groupId, schoolId, kind, createdBy, title: '另一篇' })
      await store.updates.appendUpdates(document.id, [bytes(1), bytes(2)])
      await store.updates.compactDocument(document.id, bytes(1, 2), 2)
      await store.updates.appendUpdates(document.id, [bytes(3)])
      const seqs = await store.updates.lastSeqs([document.id, other.id, 'missing'])
      expect([...seqs].sort()).toEqual(
        [
          [document.id, 3],
          [other.id, 0],
        ].sort(),
      )
      expect(await store.updates.lastSeqs([])).toEqual(new Map())
    })

    it('ignores a compaction older than the stored snapshot', async () => {
      const { document } = await createFixture(store)
      await store.updates.appendUpdates(document.id, [bytes(1), bytes(2), bytes(3)])
      await store.updates.compactDocument(document.id, bytes(123), 3)
      await store.updates.compactDocument(document.id, bytes(12), 2)
      const state = await store.updates.loadDocumentState(document.id)
      expect(plain([state.snapshot!])).toEqual([[123]])
      expect(state.updates).toEqual([])
      expect(state.lastSeq).toBe(3)
    })

    it('refuses a snapshot that claims updates never written', async () => {
      const { document } = await createFixture(store)
      await store.updates.appendUpdates(document.id, [bytes(1)])
      await expect(store.updates.compactDocument(document.id, bytes(1, 2), 2)).rejects.toThrow()
      await expect(store.updates.compactDocument('missing', bytes(1), 0)).rejects.toThrow(/missing/)
      const state = await store.updates.loadDocumentState(document.id)
      expect(state.snapshot).toBeNull()
      expect(plain(state.updates)).toEqual([[1]])
    })

    it('stores every batch of concurrent appends, each batch contiguous and in order', async () => {
      const { document } = await createFixture(store)
      const batches = Array.from({ length: 40 }, (_, batch) =>
        Array.from({ length: 1 + (batch % 3) }, (_, index) => bytes(batch, index)),
      )
      const lastSeqs = await Promise.all(batches.map((batch) => store.updates.appendUpdates(document.id, batch)))
      expect(new Set(lastSeqs).size).toBe(batches.length)
      const total = batches.flat().length
      expect(Math.max(...lastSeqs)).toBe(total)

      const state = await store.updates.loadDocumentState(document.id)
      expect(state.lastSeq).toBe(total)
      const stored = plain(state.updates)
      expect(stored.length).toBe(total)
      batches.forEach((batch, index) => {
        const end = lastSeqs[index]!
        expect(stored.slice(end - batch.length, end)).toEqual(plain(batch))
      })
    })

    it('loses nothing when a compaction runs between concurrent appends', async () => {
      const { document } = await createFixture(store)
      await store.updates.appendUpdates(document.id, [bytes(0)])
      const appends = Array.from({ length: 30 }, (_, index) =>
        store.updates.appendUpdates(document.id, [bytes(1, index)]),
      )
      const seen = await store.updates.loadDocumentState(document.id)
      await store.updates.compactDocument(document.id, bytes(255), seen.lastSeq)
      await Promise.all(appends)
      const state = await store.updates.loadDocumentState(document.id)
      expect(plain([state.snapshot!])).toEqual([[255]])
      expect(state.lastSeq).toBe(31)
      expect(state.updates.length).toBe(31 - seen.lastSeq)
    })

    it('stores a batch of 25 000 updates in one call', async () => {
      const { document } = await createFixture(store)
      const batch = Array.from({ length: 25_000 }, (_, index) => bytes(index % 256, index >> 8))
      expect(await store.updates.appendUpdates(document.id, [bytes(0)])).toBe(1)
      expect(await store.updates.appendUpdates(document.id, batch)).toBe(25_001)
      const state = await store.updates.loadDocumentState(document.id)
      expect(state.lastSeq).toBe(25_001)
      expect(plain(state.updates.slice(1))).toEqual(plain(batch))
    })

    it('writes nothing of a batch that fails', async () => {
      const { document } = await createFixture(store)
      await store.updates.appendUpdates(document.id, [bytes(1)])
      const broken = [bytes(2), null as unknown as Uint8Array, bytes(3)]
      await expect(store.updates.appendUpdates(document.id, broken)).rejects.toThrow()
      const state = await store.updates.loadDocumentState(document.id)
      expect(plain(state.updates)).toEqual([[1]])
      expect(state.lastSeq).toBe(1)
      expect(await store.updates.appendUpdates(document.id, [bytes(4)])).toBe(2)
    })

    it('round-trips 1 MB updates and snapshots byte for byte, also from a view into a larger buffer', async () => {
      const { document } = await createFixture(store)
      const large = new Uint8Array(randomBytes(1024 * 1024))
      const frame = randomBytes(3 * 1024 * 1024)
      const view = new Uint8Array(frame.buffer, frame.byteOffset + 1000, 1024 * 1024 + 7)
      await store.updates.appendUpdates(document.id, [large, view])
      let state = await store.updates.loadDocumentState(document.id)
      expect(Buffer.from(state.updates[0]!).equals(Buffer.from(large))).toBe(true)
      expect(Buffer.from(state.updates[1]!).equals(Buffer.from(view))).toBe(true)
      expect(await store.updates.documentStorageStats(document.id)).toEqual({
        bytes: 2 * 1024 * 1024 + 7,
        logLength: 2,
      })

      await store.updates.compactDocument(document.id, view, 2)
      state = await store.updates.loadDocumentState(document.id)
      expect(Buffer.from(state.snapshot!).equals(Buffer.from(view))).toBe(true)
      expect(state.updates).toEqual([])
    })
  })
}
