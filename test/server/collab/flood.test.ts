/**
 * Cost before trust, against the real server: a reader's updates are dropped unread, an editor's flood
 * costs that editor its connection (retryable, nothing lost) and a pause before it may come back while
 * others keep editing, a burst is read in fair turns, and one user cannot open connections without end.
 */
import * as encoding from 'lib0/encoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { limits } from '../../../shared/limits.ts'
import { CloseCode, retryAfterMs } from '../../../shared/protocol/close-codes.ts'
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { MessageType, readAccess } from '../../../shared/protocol/messages.ts'
import { connectClient, login, type TestClient, waitFor, waitForSync, wsToken } from '../../helpers/collab-client.ts'
import { openRawSocket, type RawSocket } from '../../helpers/raw-socket.ts'
import { createDocumentInDemoGroup, startTestServer, type TestServer } from '../../helpers/test-server.ts'

let server: TestServer
let documentId: string
const clients: TestClient[] = []
const sockets: RawSocket[] = []

beforeAll(async () => {
  server = await startTestServer()
  documentId = server.sampleDocumentId
})

afterAll(async () => {
  for (const client of clients) client.destroy()
  for (const socket of sockets) socket.ws.terminate()
  await server.stop()
})

async function join(username: string): Promise<TestClient> {
  const client = connectClient(server.url, documentId, await wsToken(server.url, username), { acks: true })
  clients.push(client)
  await waitForSync(client)
  return client
}

/** `count` ws tokens from one sign-in. */
async function tokensOf(username: string, count: number): Promise<string[]> {
  const cookie = await login(server.url, username)
  const tokens: string[] = []
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${server.url}/api/auth/ws-token`, { method: 'POST', headers: { cookie } })
    tokens.push(((await response.json()) as { token: string }).token)
  }
  return tokens
}

function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  encoding.writeVarUint(encoder, 2)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** `count` updates of one new client, each typing one character at the end of the text `name`. */
function oneCharacterUpdates(name: string, count: number): Uint8Array[] {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  const text = doc.getText(name)
  for (let i = 0; i < count; i++) text.insert(text.length, name === 'calm' ? '静' : '洪')
  return updates
}

/** A sync step 1 with an empty state vector: answered with the whole document. */
const syncStep1 = new Uint8Array([MessageType.sync, 0, 1, 0])

function readAccessOf(frame: Uint8Array): string {
  const decoder = decoding.createDecoder(frame)
  decoding.readVarUint(decoder)
  return readAccess(decoder)
}

async function roundTrip(socket: RawSocket): Promise<void> {
  const before = socket.received.length
  socket.ws.send(syncStep1)
  await waitFor(
    () => socket.received.slice(before).some((frame) => frame[0] === MessageType.sync && frame[1] === 1),
    'sync step 2',
  )
}

describe('cost before trust', () => {
  it('[BOUNDS-6] a reader’s update frames are dropped unread: even a malformed one closes nothing', async () => {
    // A document of the group outside any lesson: the guest may only read it.
    const free = await createDocumentInDemoGroup(server)
    const reader = await openRawSocket(server.url, free, await wsToken(server.url, 'guest'), { ack: '1' })
    sockets.push(reader)
    await roundTrip(reader)
    // Claims structs, then is garbage: decoding it would fail as a malformed frame (4400).
    reader.ws.send(updateFrame(new Uint8Array([1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f, 7])))
    // A delete set of 400,000 ranges, several megabytes: read-only, it is not even decoded.
    const deletions = encoding.createEncoder()
    encoding.writeVarUint(deletions, 0)
    encoding.writeVarUint(deletions, 1)
    encoding.writeVarUint(deletions, 77)
    encoding.writeVarUint(deletions, 400_000)
    for (let i = 0; i < 400_000; i++) {
      encoding.writeVarUint(deletions, i * 2)
      encoding.writeVarUint(deletions, 1)
    }
    reader.ws.send(updateFrame(encoding.toUint8Array(deletions)))
    await roundTrip(reader)
    expect(reader.received.some((frame) => frame[0] === MessageType.access && readAccessOf(frame) === 'read')).toBe(
      true,
    )
    const denials = reader.received.filter((frame) => frame[0] === MessageType.auth)
    expect(denials).toHaveLength(1)
    expect(reader.ws.readyState).toBe(reader.ws.OPEN)
  })

  it('[BOUNDS-7] an editor’s flood closes its connection, retryable; others keep editing and nothing of the flood is lost', async () => {
    const flooder = await join('teacher1')
    const colleague = await join('teacher2')
    const observer = await join('leader')
    const text = flooder.doc.getText('flood')
    const flood = limits.maxFramesBurst * 3
    for (let i = 0; i < flood; i++) text.insert(text.length, '洪')
    colleague.doc.getText('calm').insert(0, '照常备课')
    await waitFor(() => flooder.closeCodes.includes(CloseCode.rateLimited), 'the flooder is cut off')
    await waitFor(() => observer.doc.getText('calm').toString() === '照常备课', 'the colleague’s edit arrives')
    expect(colleague.closeCodes).toEqual([])
    // The flooder's provider reconnects and syncs what the server did not store.
    await waitFor(
      () => observer.doc.getText('flood').length === flood,
      'every flooded character arrives in the end',
      30_000,
    )
    const fresh = await join('teacher3')
    expect(fresh.doc.getText('flood').length).toBe(flood)
  })

  it('[BOUNDS-11] a user cut off for a flood is refused at once on reconnecting, told how long; others are admitted', async () => {
    const [flooding, again] = await tokensOf('apprentice', 2)
    const flooder = await openRawSocket(server.url, documentId, flooding!)
    sockets.push(flooder)
    await roundTrip(flooder)
    const queryAwareness = new Uint8Array([MessageType.queryAwareness])
    // Well past the burst, so that what refills while they arrive cannot cover them on a busy machine.
    for (let i = 0; i < limits.maxFramesBurst * 3; i++) flooder.ws.send(queryAwareness)
    const cutOff = await flooder.closed
    expect(cutOff.code).toBe(CloseCode.rateLimited)
    // The real first pause, as the server says it.
    expect(retryAfterMs(cutOff.reason)).toBe(limits.rateLimitCooldownMs)

    const back = await openRawSocket(server.url, documentId, again!)
    sockets.push(back)
    const refused = await back.closed
    expect(refused.code).toBe(CloseCode.rateLimited)
    expect(refused.reason).toMatch(/retry after \d+ ms/)
    expect(retryAfterMs(refused.reason)).toBeGreaterThan(0)
    expect(retryAfterMs(refused.reason)).toBeLessThanOrEqual(limits.rateLimitCooldownMs)
    // Refused before the document was opened for it: not even the server's sync step 1 was sent.
    expect(back.received).toEqual([])

    const colleague = await openRawSocket(server.url, documentId, await wsToken(server.url, 'teacher2'))
    sockets.push(colleague)
    await roundTrip(colleague)
    expect(colleague.ws.readyState).toBe(colleague.ws.OPEN)
  })

  it('[BOUNDS-12] a colleague’s keystroke is relayed before a burst that arrived first has been read', async () => {
    const document = await createDocumentInDemoGroup(server, '轮流读取')
    const observer = connectClient(server.url, document, await wsToken(server.url, 'teacher3'))
    clients.push(observer)
    await waitForSync(observer)
    const burst = limits.maxFramesBurst - 10
    const flooder = await openRawSocket(server.url, document, await wsToken(server.url, 'leader'))
    const colleague = await openRawSocket(server.url, document, await wsToken(server.url, 'teacher2'))
    sockets.push(flooder, colleague)
    await Promise.all([roundTrip(flooder), roundTrip(colleague)])

    let backlogWhenCalmArrived: number | null = null
    observer.doc.getText('calm').observe(() => {
      backlogWhenCalmArrived ??= observer.doc.getText('backlog').length
    })
    for (const update of oneCharacterUpdates('backlog', burst)) flooder.ws.send(updateFrame(update))
    colleague.ws.send(updateFrame(oneCharacterUpdates('calm', 1)[0]!))

    await waitFor(() => observer.doc.getText('backlog').length === burst, 'the whole burst is relayed', 30_000)
    expect(backlogWhenCalmArrived).not.toBeNull()
    expect(backlogWhenCalmArrived!).toBeLessThan(burst)
    expect(flooder.ws.readyState).toBe(flooder.ws.OPEN)
  })

  it(`[BOUNDS-8] one user may hold ${limits.maxConnectionsPerUser} connections; the next is closed, retryable`, async () => {
    const tokens = await tokensOf('mentor', limits.maxConnectionsPerUser + 2)
    const open: RawSocket[] = []
    for (const token of tokens.slice(0, limits.maxConnectionsPerUser)) {
      const socket = await openRawSocket(server.url, documentId, token)
      sockets.push(socket)
      open.push(socket)
    }
    await Promise.all(open.map(roundTrip))
    const refused = await openRawSocket(server.url, documentId, tokens[limits.maxConnectionsPerUser]!)
    sockets.push(refused)
    expect((await refused.closed).code).toBe(CloseCode.rateLimited)
    open[0]!.ws.close()
    await open[0]!.closed
    const admitted = await openRawSocket(server.url, documentId, tokens[limits.maxConnectionsPerUser + 1]!)
    sockets.push(admitted)
    await roundTrip(admitted)
    expect(admitted.ws.readyState).toBe(admitted.ws.OPEN)
  })
})
