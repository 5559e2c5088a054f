import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { encodeAwareness } from '../../../server/collab/outgoing-message.ts'
import { type AwarenessUser, readAwarenessEntries } from '../../../shared/protocol/awareness-update.ts'
import { MessageType } from '../../../shared/protocol/messages.ts'
import { connectClient, type TestClient, waitFor, waitForSync, wsToken } from '../../helpers/collab-client.ts'
import { openRawSocket } from '../../helpers/raw-socket.ts'
import { randomSource } from '../../helpers/random-source.ts'
import { createDocumentInDemoGroup, startTestServer, type TestServer } from '../../helpers/test-server.ts'

let server: TestServer
const clients: TestClient[] = []

beforeAll(async () => {
  server = await startTestServer()
})

afterAll(async () => {
  for (const client of clients) client.destroy()
  await server.stop()
})

async function join(documentId: string, username: string, acks = false): Promise<TestClient> {
  const client = connectClient(server.url, documentId, await wsToken(server.url, username), { acks })
  clients.push(client)
  await waitForSync(client)
  return client
}

describe('live co-editing', () => {
  it('converges when four editors type into the same text at once', async () => {
    const documentId = await createDocumentInDemoGroup(server)
    const editors = await Promise.all(['leader', 'teacher1', 'teacher2', 'teacher3'].map((u) => join(documentId, u)))
    const random = randomSource(7)
    const phrase = '探究有理数的加法法则并举例说明'
    for (let round = 0; round < 40; round++) {
      for (const editor of editors) {
        const text = editor.doc.getText('t')
        if (text.length > 5 && random() < 0.3) {
          text.delete(Math.floor(random() * (text.length - 2)), 2)
        } else {
          const at = Math.floor(random() * (text.length + 1))
          text.insert(at, phrase.slice(0, 1 + Math.floor(random() * 4)))
        }
      }
      if (round % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    }
    await waitFor(() => new Set(editors.map((e) => e.text())).size === 1, 'convergence')
    expect(editors[0]!.text().length).toBeGreaterThan(0)
    const stateVectors = editors.map((e) => Buffer.from(Y.encodeStateVector(e.doc)).toString('hex'))
    expect(new Set(stateVectors).size).toBe(1)
  })

  it('gives a late joiner the whole document', async () => {
    const documentId = await createDocumentInDemoGroup(server)
    const author = await join(documentId, 'teacher1')
    author.doc.getText('t').insert(0, '当堂检测：计算 (-3)+5')
    const late = await join(documentId, 'teacher2')
    await waitFor(() => late.text() === '当堂检测：计算 (-3)+5', 'late joiner content')
  })

  it('relays awareness and drops it when its client disconnects', async () => {
    const documentId = await createDocumentInDemoGroup(server)
    const watcher = await join(documentId, 'teacher1')
    const leaving = await join(documentId, 'teacher2')
    leaving.provider.awareness.setLocalStateField('user', { name: '李老师', color: '#d9480f' })
    const leavingId = leaving.doc.clientID
    // The name shown is the session's (teacher2), not the one the client wrote.
    const shownUser = () => watcher.provider.awareness.getStates().get(leavingId)?.user as AwarenessUser | undefined
    await waitFor(() => shownUser()?.name === '张老师', 'awareness')
    leaving.destroy()
    await waitFor(() => !watcher.provider.awareness.getStates().has(leavingId), 'awareness removal')
  })

  it('does not relay an awareness state the room already has, as every y-websocket peer passes it on', async () => {
    const documentId = await createDocumentInDemoGroup(server)
    const teacher = await wsToken(server.url, 'teacher1')
    const sender = await openRawSocket(server.url, documentId, teacher)
    const watcher = await openRawSocket(server.url, documentId, await wsToken(server.url, 'teacher2'))
    const awareness = new awarenessProtocol.Awareness(new Y.Doc())
    const currentState = (): Uint8Array =>
      encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]))
    const awarenessFrames = (): Uint8Array[] => watcher.received.filter((frame) => frame[0] === MessageType.awareness)

    awareness.setLocalStateField('user', { name: '王老师' })
    const first = currentState()
    sender.ws.send(first)
    await waitFor(() => awarenessFrames().length === 1, 'the state relayed')
    sender.ws.send(first)
    awareness.setLocalStateField('typing', true)
    const renewed = currentState()
    sender.ws.send(renewed)
    await waitFor(() => awarenessFrames().length >= 2, 'the renewed state relayed')

    const relayed = awarenessFrames().map((frame) => {
      const entries = readAwarenessEntries(decoding.readVarUint8Array(decoding.createDecoder(frame.subarray(1))))
      return entries.map(({ clock, stateJson }) => ({
        clock,
        state: JSON.parse(new TextDecoder().decode(stateJson)) as unknown,
      }))
    })
    const user = {
      id: (await server.store.accounts.findUserByUsername('teacher1'))!.id,
      name: '李老师',
      color: '#1971c2',
    }
    expect(relayed).toEqual([[{ clock: 1, state: { user } }], [{ clock: 2, state: { user, typing: true } }]])
    awareness.destroy()
    sender.ws.close()
    watcher.ws.close()
  })

  it('acknowledges stored updates to clients that opted in', async () => {
    const documentId = await createDocumentInDemoGroup(server)
    const writer = await join(documentId, 'teacher1', true)
    writer.doc.getText('t').insert(0, '课堂小结')
    const clientId = writer.doc.clientID
    await waitFor(() => writer.acked.get(clientId) === 4, 'save ack')
  })

  it('acknowledges a deletion in its own turn, not with the insertion before it', async () => {
    const documentId = await createDocumentInDemoGroup(server)
    const writer = await join(documentId, 'teacher1', true)
    const text = writer.doc.getText('t')
    text.insert(0, '当堂检测')
    text.delete(2, 2)
    await waitFor(
      () => writer.frames.sent >= 2 && writer.frames.acked === writer.frames.sent,
      'both frames acknowledged',
    )
    const late = await join(documentId, 'teacher2')
    expect(late.text()).toBe('当堂')
  })

  it('stores nothing when a client reconnects without new edits', async () => {
    // Regression: every reconnect stored and relayed the client's whole delete set again.
    const documentId = await createDocumentInDemoGroup(server)
    const writer = await join(documentId, 'teacher1', true)
    writer.doc.getText('t').insert(0, '课堂小结：今天学了什么？')
    writer.doc.getText('t').delete(0, 5)
    await waitFor(() => writer.frames.acked === writer.frames.sent, 'stored')
    const before = await server.store.updates.loadDocumentState(documentId)
    writer.provider.disconnect()
    writer.provider.connect()
    await waitForSync(writer)
    await waitFor(
      () => writer.frames.sent > 0 && writer.frames.acked === writer.frames.sent,
      'reconnect step 2 acknowledged',
    )
    const after = await server.store.updates.loadDocumentState(documentId)
    expect(after.lastSeq).toBe(before.lastSeq)
  })

  it('relays and keeps updates another writer stored behind the room’s back', async () => {
    // Regression: compaction deleted log rows the room had never loaded.
    const documentId = await createDocumentInDemoGroup(server)
    const writer = await join(documentId, 'teacher1', true)
    const elsewhere = new Y.Doc()
    elsewhere.getText('t').insert(0, '【另一台服务器写入】')
    await server.store.updates.appendUpdates(documentId, [Y.encodeStateAsUpdate(elsewhere)])
    writer.doc.getText('t').insert(0, '本机：')
    await waitFor(() => writer.text().includes('【另一台服务器写入】'), 'missed row relayed')
    writer.destroy()
    const late = await join(documentId, 'teacher2')
    expect(late.text()).toContain('【另一台服务器写入】')
    expect(late.text()).toContain('本机：')
  })

  it('sends nothing of its own to clients that did not opt in', async () => {
    const documentId = await createDocumentInDemoGroup(server)
    const plain = await join(documentId, 'teacher1')
    const received: number[] = []
    const original = plain.provider.messageHandlers.slice()
    for (let type = 0; type < 256; type++) {
      plain.provider.messageHandlers[type] = (...args) => {
        received.push(type)
        original[type]?.(...args)
      }
    }
    const other = await join(documentId, 'teacher2', true)
    other.doc.getText('t').insert(0, '拓展延伸')
    await waitFor(() => plain.text() === '拓展延伸', 'relay')
    expect(received.filter((type) => type > 3)).toEqual([])
  })
})
