import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { attendanceDuring } from '../../../shared/meetings/attendance.ts'
import { defaultPresenceHeartbeatMs } from '../../../server/presence/presence-log.ts'
import { openStore } from '../../../server/store/open-store.ts'
import type { PresenceRecord, Store } from '../../../server/store/store.ts'
import { connectClient, waitForSync, wsToken } from '../../helpers/collab-client.ts'
import { spawnServer } from '../../helpers/server-process.ts'
import { createTempDataDir, type TempDataDir } from '../../helpers/sqlite.ts'
import { startTestServer } from '../../helpers/test-server.ts'

const ever = [new Date(0), new Date(Date.now() + 24 * 3_600_000)] as const

/** Polls the presence log until `done` holds; the log is written in the background. */
async function presenceUntil(
  store: Store,
  documentId: string,
  done: (entries: PresenceRecord[]) => boolean,
): Promise<PresenceRecord[]> {
  const deadline = Date.now() + 5000
  for (;;) {
    const entries = await store.presence.presenceOnDocuments([documentId], ...ever)
    if (done(entries)) return entries
    if (Date.now() > deadline) throw new Error(`presence log never matched: ${JSON.stringify(entries)}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

let dataDir: TempDataDir
beforeEach(async () => {
  dataDir = await createTempDataDir()
})
afterEach(() => dataDir.remove())

describe('the presence log of a running server', () => {
  it('records each y-websocket connection from join to leave, and ends the rest on shutdown', async () => {
    const server = await startTestServer({ dataDir: dataDir.dir })
    const documentId = server.sampleDocumentId
    const teacher2 = (await server.store.accounts.findUserByUsername('teacher2'))!.id
    const li = connectClient(server.url, documentId, await wsToken(server.url, 'teacher1'))
    const zhang = connectClient(server.url, documentId, await wsToken(server.url, 'teacher2'))
    await Promise.all([waitForSync(li), waitForSync(zhang)])
    await presenceUntil(server.store, documentId, (entries) => entries.length === 2)

    zhang.destroy()
    const entries = await presenceUntil(server.store, documentId, (all) =>
      all.some((entry) => entry.userId === teacher2 && entry.leftAt !== null),
    )
    expect(entries.find((entry) => entry.userId !== teacher2)?.leftAt).toBeNull()

    await server.stop()
    li.destroy()
    const store = await openStore({ dataDir: dataDir.dir })
    const stored = await store.presence.presenceOnDocuments([documentId], ...ever)
    await store.close()
    expect(stored).toHaveLength(2)
    expect(stored.every((entry) => entry.leftAt !== null)).toBe(true)
  })

  it('keeps the join of a connection open at a kill -9, bounded by its last heartbeat when read', async () => {
    const server = await spawnServer(dataDir.dir)
    let documentId: string
    try {
      const store = await openStore({ dataDir: dataDir.dir })
      const admin = (await store.accounts.findUserByUsername('admin'))!
      documentId = (await store.documents.listDocumentsOfSchool(admin.schoolId))[0]!.id
      const client = connectClient(server.url, documentId, await wsToken(server.url, 'teacher1'))
      await waitForSync(client)
      await presenceUntil(store, documentId, (entries) => entries.length === 1)
      await store.close()
      await server.kill('SIGKILL')
      client.destroy()
    } finally {
      await server.kill('SIGKILL')
    }

    const store = await openStore({ dataDir: dataDir.dir })
    const [entry] = await store.presence.presenceOnDocuments([documentId], ...ever)
    await store.close()
    expect(entry!.leftAt).toBeNull()
    const joinedAt = entry!.joinedAt.getTime()
    const interval = { userId: entry!.userId, joinedAt, leftAt: null, seenAt: entry!.seenAt.getTime() }
    const aDayLater = joinedAt + 24 * 3_600_000
    const rule = { now: aDayLater, staleAfterMs: 2 * defaultPresenceHeartbeatMs }
    // Not counted as present at a meeting the next day, and at most two heartbeats at the one it was in.
    expect(attendanceDuring([interval], { start: aDayLater - 3_600_000, end: aDayLater }, rule)).toEqual([])
    const [attended] = attendanceDuring([interval], { start: joinedAt, end: joinedAt + 3_600_000 }, rule)
    expect(attended!.minutesPresent).toBeLessThanOrEqual((2 * defaultPresenceHeartbeatMs) / 60_000)
  })
})
