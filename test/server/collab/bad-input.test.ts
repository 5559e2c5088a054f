import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { limits } from '../../../shared/limits.ts'
import { CloseCode, wsMessageTooBig } from '../../../shared/protocol/close-codes.ts'
import { encodeUpdate } from '../../../server/collab/outgoing-message.ts'
import { connectClient, type TestClient, waitFor, waitForSync, wsToken } from '../../helpers/collab-client.ts'
import { openRawSocket } from '../../helpers/raw-socket.ts'
import { createDocumentInDemoGroup, startTestServer, type TestServer } from '../../helpers/test-server.ts'

let server: TestServer
let token: string
const clients: TestClient[] = []

beforeAll(async () => {
  server = await startTestServer()
  token = await wsToken(server.url, 'teacher1')
})

afterAll(async () => {
  for (const client of clients) client.destroy()
  await server.stop()
})

async function bystander(documentId: string): Promise<TestClient> {
  const client = connectClient(server.url, documentId, await wsToken(server.url, 'teacher2'))
  clients.push(client)
  await waitForSync(client)
  return client
}

/** The bystander's connection still works: another client's edit reaches it. */
async function expectStillServed(documentId: string, client: TestClient, marker: string): Promise<void> {
  const other = connectClient(server.url, documentId, await wsToken(server.url, 'teacher3'))
  clients.push(other)
  await waitForSync(other)
  other.doc.getText('t').insert(0, marker)
  await waitFor(() => client.text().includes(marker), 'bystander still served')
  expect(client.closeCodes).toEqual([])
}

describe('malformed and oversized input closes only its own connection', () => {
  it('closes a connection sending garbage with the protocol-error code', async () => {
    const documentId = await createDocumentInDemoGroup(server)
    const watcher = await bystander(documentId)
    const raw = await openRawSocket(server.url, documentId, token)
    raw.ws.send(new Uint8Array([0, 2, 40, 1, 2, 3]))
    expect((await raw.closed).code).toBe(CloseCode.protocolError)
    await expectStillServed(documentId, watcher, '甲')
  })

  it('closes a connection sending an unknown message type', async () => {
    const documentId = await createDocumentInDemoGroup(server)
    const raw = await openRawSocket(server.url, documentId, token)
    raw.ws.send(new Uint8Array([99, 1, 2]))
    expect((await raw.closed).code).toBe(CloseCode.protocolError)
  })

  it('closes a connection sending text frames', async () => {
    const documentId = await createDocumentInDemoGroup(server)
    const raw = await openRawSocket(server.url, documentId, token)
    raw.ws.send('hello')
    expect((await raw.closed).code).toBe(CloseCode.protocolError)
  })

  it('survives an awareness state that is not JSON and whose error message is not ASCII', async () => {
    // Regression: the error message became a close reason over 123 bytes, and ws threw out of the handler.
    const documentId = await createDocumentInDemoGroup(server)
    const watcher = await bystander(documentId)
    const raw = await openRawSocket(server.url, documentId, await wsToken(server.url, 'guest'))
    const state = new TextEncoder().encode('中'.repeat(40))
    raw.ws.send(new Uint8Array([1, state.length + 4, 1, 7, 1, state.length, ...state]))
    expect((await raw.closed).code).toBe(CloseCode.protocolError)
    await expectStillServed(documentId, watcher, '丙')
  })

  it('closes a connection sending a malformed awareness update', async () => {
    const documentId = await createDocumentInDemoGroup(server)
    const raw = await openRawSocket(server.url, documentId, token)
    raw.ws.send(new Uint8Array([1, 3, 200, 200, 200]))
    expect((await raw.closed).code).toBe(CloseCode.protocolError)
  })

  it('closes a connection built against another editor schema', async () => {
    const documentId = await createDocumentInDemoGroup(server)
    const raw = await openRawSocket(server.url, documentId, token, { schema: '999' })
    expect((await raw.closed).code).toBe(CloseCode.schemaMismatch)
  })

  it('closes a connection whose frame exceeds the frame limit, storing none of it', async () => {
    const documentId = await createDocumentInDemoGroup(server)
    const watcher = await bystander(documentId)
    const raw = await openRawSocket(server.url, documentId, token)
    raw.ws.send(new Uint8Array(limits.maxFrameBytes + 1))
    expect((await raw.closed).code).toBe(wsMessageTooBig)
    await expectStillServed(documentId, watcher, '乙')
  })

  it('refuses an update that would make the document too large, keeping what was stored', async () => {
    const documentId = await createDocumentInDemoGroup(server)
    const raw = await openRawSocket(server.url, documentId, token)
    const author = new Y.Doc()
    const chunk = 'x'.repeat(limits.maxFrameBytes - 1024)
    const closed = raw.closed.then(({ code }) => code)
    for (let i = 0; i * chunk.length <= limits.maxDocumentBytes; i++) {
      const before = Y.encodeStateVector(author)
      author.getText('t').insert(0, chunk)
      raw.ws.send(encodeUpdate(Y.encodeStateAsUpdate(author, before)))
    }
    expect(await closed).toBe(CloseCode.documentTooLarge)
    const stats = await server.store.updates.documentStorageStats(documentId)
    expect(stats.bytes).toBeLessThanOrEqual(limits.maxDocumentBytes)
    const reader = await bystander(documentId)
    // Two chunks fit under the limit; the third, refused, left no trace.
    expect(reader.text().length).toBe(2 * chunk.length)
  })
})
