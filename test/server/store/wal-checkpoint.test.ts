import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openSqliteStore, sqliteFileName } from '../../../server/store/sqlite-store.ts'
import { WalCheckpointer } from '../../../server/store/wal-checkpointer.ts'
import { type TempDataDir, createTempDataDir } from '../../helpers/sqlite.ts'
import { createFixture } from './store-fixture.ts'

const updateBytes = 8192
const rounds = 150
const appendsPerRound = 20

describe('WAL checkpoints on a worker thread', () => {
  let dataDir: TempDataDir
  beforeEach(async () => {
    dataDir = await createTempDataDir()
  })
  afterEach(() => dataDir.remove())

  it('keeps the WAL small under a stream of appends and loses none of them', async () => {
    const store = await openSqliteStore(dataDir.dir, { checkpointIntervalMs: 10 })
    const wal = join(dataDir.dir, `${sqliteFileName}-wal`)
    const documentId = (await createFixture(store)).document.id
    let largestWal = 0
    for (let round = 0; round < rounds; round++) {
      const appends = Array.from({ length: appendsPerRound }, (_, i) =>
        store.updates.appendUpdates(documentId, [new Uint8Array(updateBytes).fill((round + i) % 256)]),
      )
      await Promise.all(appends)
      largestWal = Math.max(largestWal, statSync(wal).size)
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
    // Without checkpoints the WAL would hold every page written, more than the 24 MB of updates; the
    // worker's checkpoints let commits restart it, and the main connection's backstop by 2000 pages (8 MB).
    expect(largestWal).toBeLessThan((rounds * appendsPerRound * updateBytes) / 2)
    await store.close()

    const reopened = await openSqliteStore(dataDir.dir)
    try {
      const state = await reopened.updates.loadDocumentState(documentId)
      expect(state.updates).toHaveLength(rounds * appendsPerRound)
      expect(state.lastSeq).toBe(rounds * appendsPerRound)
    } finally {
      await reopened.close()
    }
  })

  it('restarts the WAL long before the backstop under a steady stream of commits, by pausing them', async () => {
    // A commit every few milliseconds, as under many typing teachers: the worker's checkpoints seldom
    // finish between two commits, so without a pause the WAL grew to the backstop (2000 frames) before
    // a commit restarted it; with one, shortly after 1000.
    const store = await openSqliteStore(dataDir.dir, { checkpointIntervalMs: 50 })
    const wal = join(dataDir.dir, `${sqliteFileName}-wal`)
    const { groupId, schoolId, user } = await createFixture(store)
    const documentIds: string[] = []
    for (let i = 0; i < 20; i++) {
      const title = `第${i}课`
      const document = await store.documents.createDocument({
        groupId,
        schoolId,
        title,
        kind: 'lesson-plan',
        createdBy: user.id,
      })
      documentIds.push(document.id)
    }
    let largestWal = 0
    let appended = 0
    const stopAt = performance.now() + 4000
    while (performance.now() < stopAt) {
      const documents = [0, 5, 10, 15].map((offset) => documentIds[(appended + offset) % documentIds.length]!)
      await Promise.all(
        documents.map((id) => store.updates.appendUpdates(id, [new Uint8Array(60).fill(appended % 256)])),
      )
      appended += documents.length
      largestWal = Math.max(largestWal, statSync(wal).size)
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
    const frameBytes = 4096 + 24
    expect(largestWal / frameBytes).toBeLessThan(1400)
    await store.close()
    const reopened = await openSqliteStore(dataDir.dir)
    try {
      expect((await reopened.updates.loadDocumentState(documentIds[0]!)).updates.length).toBeGreaterThan(0)
    } finally {
      await reopened.close()
    }
  })

  it('has stopped the worker thread when close resolves, and removed the WAL', async () => {
    const threadsBefore = threadCount()
    const store = await openSqliteStore(dataDir.dir, { checkpointIntervalMs: 10 })
    const documentId = (await createFixture(store)).document.id
    await store.updates.appendUpdates(documentId, [new Uint8Array([1, 2, 3])])
    expect(threadCount()).toBeGreaterThan(threadsBefore)
    await store.close()
    expect(threadCount()).toBe(threadsBefore)
    expect(existsSync(join(dataDir.dir, `${sqliteFileName}-wal`))).toBe(false)
  })

  it('reports a worker that cannot run, so that the store checkpoints itself', async () => {
    const failure = new Promise<unknown>((resolve) => {
      new WalCheckpointer({
        file: join(dataDir.dir, 'missing', 'x.sqlite'),
        intervalMs: 10,
        gapFrames: 1000,
        onFailure: resolve,
      })
    })
    expect(String(await failure)).toMatch(/directory does not exist/)
  })
})

/** The threads of this process, the worker's among them while it runs (Linux). */
function threadCount(): number {
  return readdirSync('/proc/self/task').length
}
