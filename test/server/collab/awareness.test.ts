/**
 * Awareness against a real server, sent by hand-built clients: a guest once made every joiner download
 * 120 MB of states and showed up in the online list as 王老师 and 周主任.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { encodeAwareness } from '../../../server/collab/outgoing-message.ts'
import { limits } from '../../../shared/limits.ts'
import { CloseCode } from '../../../shared/protocol/close-codes.ts'
import { connectClient, type TestClient, waitFor, waitForSync, wsToken } from '../../helpers/collab-client.ts'
import { openRawSocket, type RawSocket } from '../../helpers/raw-socket.ts'
import { createDocumentInDemoGroup, startTestServer, type TestServer } from '../../helpers/test-server.ts'

let server: TestServer
let documentId: string
const clients: TestClient[] = []
const sockets: RawSocket[] = []

beforeAll(async () => {
  server = await startTestServer()
  documentId = await createDocumentInDemoGroup(server)
})

afterAll(async () => {
  for (const client of clients) client.destroy()
  for (const socket of sockets) socket.ws.close()
  await server.stop()
})

async function join(username: string): Promise<TestClient> {
  const client = connectClient(server.url, documentId, await wsToken(server.url, username))
  clients.push(client)
  await waitForSync(client)
  return client
}

async function raw(username: string): Promise<RawSocket> {
  const socket = await openRawSocket(server.url, documentId, await wsToken(server.url, username))
  sockets.push(socket)
  return socket
}

/** An awareness frame speaking for `clientId`, as any client may build one. */
function awarenessFrame(clientId: number, clock: number, state: Record<string, unknown>): Uint8Array {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc())
  awareness.clientID = clientId
  awareness.meta.set(clientId, { clock, lastUpdated: 0 })
  awareness.states.set(clientId, state)
  const frame = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, [clientId]))
  awareness.destroy()
  return frame
}

function userOf(client: TestClient, clientId: number): unknown {
  return client.provider.awareness.getStates().get(clientId)?.['user']
}

describe('awareness is bounded', () => {
  it('[SEC-1] closes a guest that sends a state over the size limit, and nobody receives it', async () => {
    const watcher = await join('teacher2')
    const guest = await raw('guest')
    guest.ws.send(awarenessFrame(9001, 1, { pad: 'x'.repeat(limits.maxAwarenessStateBytes + 1) }))
    expect((await guest.closed).code).toBe(CloseCode.awarenessTooLarge)
    const latecomer = await join('teacher3')
    latecomer.provider.awareness.setLocalStateField('cursor', 'here')
    await waitFor(() => watcher.provider.awareness.getStates().has(latecomer.doc.clientID), 'later awareness relayed')
    expect(watcher.provider.awareness.getStates().has(9001)).toBe(false)
    expect(watcher.closeCodes).toEqual([])
  })

  it('[SEC-1] closes a guest that speaks for more client ids than one connection may', async () => {
    const watcher = await join('teacher2')
    const guest = await raw('guest')
    for (let id = 1; id <= limits.maxAwarenessClientsPerConnection + 1; id++) {
      guest.ws.send(awarenessFrame(8000 + id, 1, { n: id }))
    }
    expect((await guest.closed).code).toBe(CloseCode.awarenessTooLarge)
    // Its states leave with it.
    await waitFor(
      () => ![...watcher.provider.awareness.getStates().keys()].some((id) => id > 8000 && id < 9000),
      'states removed',
    )
    expect(watcher.closeCodes).toEqual([])
  })
})

describe('awareness tells the truth about who is there', () => {
  it('[SEC-3] shows a guest who calls itself 王老师 under its own name and colour', async () => {
    const watcher = await join('teacher1')
    const guest = await raw('guest')
    const guestUser = await server.store.accounts.findUserByUsername('guest')
    guest.ws.send(awarenessFrame(4242, 1, { user: { id: 'leader', name: '王老师', color: '#e03131' } }))
    await waitFor(() => userOf(watcher, 4242) !== undefined, 'guest awareness relayed')
    expect(userOf(watcher, 4242)).toEqual({ id: guestUser!.id, name: '孙老师', color: '#a61e4d' })
  })

  it('[SEC-3] refuses to let one user take over another’s caret', async () => {
    const watcher = await join('teacher2')
    const victim = await join('teacher1')
    victim.provider.awareness.setLocalStateField('cursor', 'victim')
    const victimId = victim.doc.clientID
    await waitFor(() => (userOf(watcher, victimId) as { name?: string } | undefined)?.name === '李老师', 'victim seen')
    const guest = await raw('guest')
    guest.ws.send(awarenessFrame(victimId, 1000, { cursor: 'hijacked', user: { name: '李老师' } }))
    // A later change of the guest's own is relayed after the refused one would have been.
    guest.ws.send(awarenessFrame(4343, 1, { cursor: 'own' }))
    await waitFor(() => watcher.provider.awareness.getStates().has(4343), 'guest’s own state relayed')
    expect(watcher.provider.awareness.getStates().get(victimId)).toMatchObject({
      cursor: 'victim',
      user: { name: '李老师' },
    })
  })
})
