import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { limits } from '../../../shared/limits.ts'
import { CloseCode } from '../../../shared/protocol/close-codes.ts'
import { encodeUpdate } from '../../../server/collab/outgoing-message.ts'
import { openStore } from '../../../server/store/open-store.ts'
import type { Store } from '../../../server/store/store.ts'
import { connectClient, waitFor, wsToken } from '../../helpers/collab-client.ts'
import { openRawSocket } from '../../helpers/raw-socket.ts'
import { createDocumentInDemoGroup, startTestServer, type TestServer } from '../../helpers/test-server.ts'
import { storeWithOverrides } from '../../helpers/store-overrides.ts'

const dataDir = mkdtempSync(join(tmpdir(), 'gongbei-load-'))
let store: Store
let server: TestServer
let loads = 0
let failLoads = false
/** While set, loads wait for it: the document is "still loading". */
let loadGate: Promise<void> | null = null

beforeAll(async () => {
  store = await openStore({ dataDir })
  // Counts loads and can make them fail, like a database that is down.
  const loadDocumentState: Store['updates']['loadDocumentState'] = async (id) => {
    loads++
    await new Promise((resolve) => setTimeout(resolve, 50))
    await loadGate
    if (failLoads) throw new Error('database unreachable')
    return store.updates.loadDocumentState(id)
  }
  const instrumented = storeWithOverrides(store, 'updates', { loadDocumentState })
  server = await startTestServer({ dataDir, store: instrumented })
})

/** Holds every load until the returned function is called: meanwhile the document is "still loading". */
function holdLoads(): () => void {
  let open!: () => void
  loadGate = new Promise((resolve) => (open = resolve))
  return () => {
    open()
    loadGate = null
  }
}

afterAll(async () => {
  await server.stop()
  await store.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('loading a document', () => {
  it('shares one load between clients that connect at the same time', async () => {
    const documentId = await createDocumentInDemoGroup(server)
    const token = await wsToken(server.url, 'teacher1')
    // Search reads new and changed documents from the store too (SEARCH-8): done with them first, so
    // only the rooms' loads are counted.
    await server.searchIndexer.sweep()
    loads = 0
    const clients = [1, 2, 3].map(() => connectClient(server.url, documentId, token))
    await waitFor(() => clients.every((c) => c.provider.synced), 'all synced')
    expect(loads).toBe(1)
    for (const client of clients) client.destroy()
  })

  it('refuses the connection with a close code when the store cannot load, never serving it empty', async () => {
    const documentId = await createDocumentInDemoGroup(server)
    const token = await wsToken(server.url, 'teacher1')
    failLoads = true
    const client = connectClient(server.url, documentId, token)
    await waitFor(() => client.closeCodes.includes(CloseCode.documentUnavailable), 'refusal')
    expect(client.provider.synced).toBe(false)
    client.destroy()
    failLoads = false
  })

  it('buffers frames that arrive while loading, up to a byte limit', async () => {
    const documentId = await createDocumentInDemoGroup(server)
    const token = await wsToken(server.url, 'teacher1')
    const finishLoads = holdLoads()
    const patient = await openRawSocket(server.url, documentId, token)
    const author = new Y.Doc()
    author.getText('t').insert(0, '等待加载时写下的字')
    patient.ws.send(encodeUpdate(Y.encodeStateAsUpdate(author)))
    const greedy = await openRawSocket(server.url, documentId, token)
    const chunk = new Uint8Array(limits.maxFrameBytes - 1024)
    for (let sent = 0; sent <= limits.maxPendingBytesWhileLoading; sent += chunk.length) greedy.ws.send(chunk)
    expect((await greedy.closed).code).toBe(CloseCode.tooMuchWhileLoading)
    finishLoads()
    const reader = connectClient(server.url, documentId, token)
    await waitFor(() => reader.text() === '等待加载时写下的字', 'buffered update applied')
    reader.destroy()
    patient.ws.close()
  })

  it('refuses a document whose stored bytes are corrupt, and keeps those bytes', async () => {
    const documentId = await createDocumentInDemoGroup(server)
    const corrupt = new Uint8Array([3, 250, 1, 7, 7, 7, 7])
    await store.updates.compactDocument(documentId, corrupt, 0)
    const token = await wsToken(server.url, 'teacher1')
    const client = connectClient(server.url, documentId, token)
    await waitFor(() => client.closeCodes.includes(CloseCode.documentUnavailable), 'refusal')
    expect(client.provider.synced).toBe(false)
    expect(client.text()).toBe('')
    client.destroy()
    const kept = (await store.updates.loadDocumentState(documentId)).snapshot
    expect(kept && [...kept]).toEqual([...corrupt])
  })
})
