import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../../shared/protocol/close-codes.ts'
import { openStore } from '../../../server/store/open-store.ts'
import type { Store } from '../../../server/store/store.ts'
import { connectClient, waitFor, wsToken } from '../../helpers/collab-client.ts'
import { createDocumentInDemoGroup, startTestServer, type TestServer } from '../../helpers/test-server.ts'

const dataDir = mkdtempSync(join(tmpdir(), 'gongbei-load-'))
let store: Store
let server: TestServer
let loads = 0
let failLoads = false

beforeAll(async () => {
  store = await openStore({ dataDir })
  // Counts loads and can make them fail, like a database that is down.
  const loadDocumentState: Store['loadDocumentState'] = async (id) => {
    loads++
    await new Promise((resolve) => setTimeout(resolve, 50))
    if (failLoads) throw new Error('database unreachable')
    return store.loadDocumentState(id)
  }
  const instrumented = new Proxy(store, {
    get(target, property) {
      if (property === 'loadDocumentState') return loadDocumentState
      const value: unknown = Reflect.get(target, property, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  server = await startTestServer({ dataDir, store: instrumented })
})

afterAll(async () => {
  await server.stop()
  await store.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('loading a document', () => {
  it('shares one load between clients that connect at the same time', async () => {
    const documentId = await createDocumentInDemoGroup(server)
    const token = await wsToken(server.url, 'teacher1')
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

  it('refuses a document whose stored bytes are corrupt, and keeps those bytes', async () => {
    const documentId = await createDocumentInDemoGroup(server)
    const corrupt = new Uint8Array([3, 250, 1, 7, 7, 7, 7])
    await store.compactDocument(documentId, corrupt, 0)
    const token = await wsToken(server.url, 'teacher1')
    const client = connectClient(server.url, documentId, token)
    await waitFor(() => client.closeCodes.includes(CloseCode.documentUnavailable), 'refusal')
    expect(client.provider.synced).toBe(false)
    expect(client.text()).toBe('')
    client.destroy()
    const kept = (await store.loadDocumentState(documentId)).snapshot
    expect(kept && [...kept]).toEqual([...corrupt])
  })
})
