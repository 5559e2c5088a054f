/**
 * Regression: through a slow link, a keystroke typed while the connection opened reached the room before
 * the sync step 2 with the offline edits it was typed after; the room refused it (「这次修改依赖服务器还
 * 没有收到的内容」) and that connection's save acks stopped for good. The frames here are sent by hand, in
 * the order such a link delivers them.
 */
import * as decoding from 'lib0/decoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { encodeSyncStep2, encodeUpdate } from '../../../server/collab/outgoing-message.ts'
import { limits } from '../../../shared/limits.ts'
import { CloseCode } from '../../../shared/protocol/close-codes.ts'
import { MessageType, readSaveAck } from '../../../shared/protocol/messages.ts'
import { contentOf } from '../../../shared/threads/thread-anchor.ts'
import { createThread } from '../../../shared/threads/thread-edits.ts'
import { threadsOf } from '../../../shared/threads/thread-model.ts'
import { connectClient, type TestClient, waitFor, waitForSync, wsToken } from '../../helpers/collab-client.ts'
import { draftWithPassage, passageOf } from '../../helpers/draft-with-passage.ts'
import { userId } from '../../helpers/lesson-fixtures.ts'
import { openRawSocket, type RawSocket } from '../../helpers/raw-socket.ts'
import { createDocumentInDemoGroup, startTestServer, type TestServer } from '../../helpers/test-server.ts'
import { match } from '../../helpers/match.ts'

let server: TestServer
const clients: TestClient[] = []
const sockets: RawSocket[] = []

beforeAll(async () => {
  server = await startTestServer()
})

afterAll(async () => {
  for (const client of clients) client.destroy()
  for (const { ws } of sockets) ws.close()
  await server.stop()
})

async function rawSocket(documentId: string, username: string): Promise<RawSocket> {
  const socket = await openRawSocket(server.url, documentId, await wsToken(server.url, username), { ack: '1' })
  sockets.push(socket)
  return socket
}

async function watcher(documentId: string, username: string): Promise<TestClient> {
  const client = connectClient(server.url, documentId, await wsToken(server.url, username), { acks: true })
  clients.push(client)
  await waitForSync(client)
  return client
}

function acksOf(socket: RawSocket): number[] {
  return socket.received
    .filter((frame) => frame[0] === MessageType.saveAck)
    .map((frame) => {
      const decoder = decoding.createDecoder(frame)
      decoding.readVarUint(decoder)
      return readSaveAck(decoder)
    })
}

function denialsOf(socket: RawSocket): number {
  return socket.received.filter((frame) => frame[0] === MessageType.auth).length
}

async function storedDoc(documentId: string): Promise<Y.Doc> {
  const { snapshot, updates } = await server.store.updates.loadDocumentState(documentId)
  const doc = new Y.Doc()
  for (const update of snapshot ? [snapshot, ...updates] : updates) Y.applyUpdate(doc, update)
  return doc
}

/** A copy with an edit made offline, and a keystroke typed after it. */
function offlineThenTyped(offline: string, typed: string) {
  const doc = new Y.Doc()
  const text = doc.getText('t')
  const before = Y.encodeStateVector(doc)
  text.insert(0, offline)
  const offlineEdit = Y.encodeStateAsUpdate(doc, before)
  const afterOffline = Y.encodeStateVector(doc)
  text.insert(text.length, typed)
  return { offlineEdit, keystroke: Y.encodeStateAsUpdate(doc, afterOffline) }
}

describe('an update that builds on one the room has not received yet', () => {
  it('[SYNC-1] is held, then stored, relayed and acknowledged once what it builds on arrives', async () => {
    const documentId = await createDocumentInDemoGroup(server)
    const colleague = await watcher(documentId, 'teacher2')
    const socket = await rawSocket(documentId, 'teacher1')
    const { offlineEdit, keystroke } = offlineThenTyped('离线写的导入环节。', '上线后接着打的字')
    const elsewhere = new Y.Doc()
    elsewhere.getText('u').insert(0, '另一处')

    socket.ws.send(encodeUpdate(keystroke))
    // Handled in order after the keystroke: once it reaches the colleague, the keystroke has been dealt with.
    socket.ws.send(encodeUpdate(Y.encodeStateAsUpdate(elsewhere)))
    await waitFor(() => colleague.doc.getText('u').toString() === '另一处', 'the later frame relayed')
    expect(denialsOf(socket)).toBe(0)
    expect(colleague.text()).toBe('')
    expect((await storedDoc(documentId)).getText('t').toString()).toBe('')

    socket.ws.send(encodeSyncStep2(offlineEdit))
    await waitFor(() => acksOf(socket).at(-1) === 3, 'all three frames acknowledged')
    expect(denialsOf(socket)).toBe(0)
    await waitFor(() => colleague.text() === '离线写的导入环节。上线后接着打的字', 'the colleague sees both')
    expect((await storedDoc(documentId)).getText('t').toString()).toBe('离线写的导入环节。上线后接着打的字')
  })

  it('[SYNC-2] has no ack cover it, nor any frame after it, until it is stored', async () => {
    const documentId = await createDocumentInDemoGroup(server)
    const colleague = await watcher(documentId, 'teacher2')
    const socket = await rawSocket(documentId, 'teacher1')
    const { offlineEdit, keystroke } = offlineThenTyped('离线', '在线')
    const independent = new Y.Doc()
    independent.getText('u').insert(0, '另一处')

    socket.ws.send(encodeUpdate(keystroke))
    socket.ws.send(encodeUpdate(Y.encodeStateAsUpdate(independent)))
    // Frame 2 is stored (it reached the colleague), frame 1 is not: no ack may say "the first 2 are stored".
    await waitFor(() => colleague.doc.getText('u').toString() === '另一处', 'frame 2 stored and relayed')
    expect(acksOf(socket)).toEqual([])

    socket.ws.send(encodeSyncStep2(offlineEdit))
    await waitFor(() => acksOf(socket).at(-1) === 3, 'all acknowledged once frame 1 is stored')
    expect(acksOf(socket).every((ack, index, all) => index === 0 || ack > all[index - 1]!)).toBe(true)
    expect((await storedDoc(documentId)).getText('t').toString()).toBe('离线在线')
  })

  it('[SYNC-3] closes the connection with 4505 past the bound, storing none of what waited', async () => {
    const documentId = await createDocumentInDemoGroup(server)
    const author = await watcher(documentId, 'teacher2')
    author.doc.getText('t').insert(0, '已保存的正文')
    await waitFor(() => author.frames.acked === author.frames.sent, 'the text stored')
    const socket = await rawSocket(documentId, 'teacher1')
    const doc = new Y.Doc()
    doc.getText('t').insert(0, '从未送达')
    let previous = Y.encodeStateVector(doc)
    for (let index = 0; index <= limits.maxHeldUpdatesPerConnection; index++) {
      doc.getText('t').insert(0, '字')
      socket.ws.send(encodeUpdate(Y.encodeStateAsUpdate(doc, previous)))
      previous = Y.encodeStateVector(doc)
    }
    expect(await socket.closed).toEqual({ code: CloseCode.tooManyWaiting, reason: match.any(String) })
    const stored = await storedDoc(documentId)
    expect(stored.getText('t').toString()).toBe('已保存的正文')
    expect(stored.store.pendingStructs).toBeNull()
    const late = await watcher(documentId, 'teacher3')
    expect(late.text()).toBe('已保存的正文')
  })
})

describe('a commenter’s update that builds on one the room has not received yet', () => {
  it('[SYNC-4] is held and judged once complete: threads are stored, a change to the text refused', async () => {
    const draft = await draftWithPassage(server, 'teacher1', '用天平演示等式的性质')
    try {
      const editor = await draft.join('teacher1')
      const commenterId = await userId(server, 'teacher2')
      const socket = await rawSocket(draft.lesson.documentId, 'teacher2')
      const doc = new Y.Doc()
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(editor.doc))
      const change = (edit: () => void): Uint8Array => {
        const before = Y.encodeStateVector(doc)
        edit()
        return Y.encodeStateAsUpdate(doc, before)
      }
      const thread = (id: string) => () => {
        const text = passageOf(doc)
        createThread(doc, {
          id,
          kind: 'question',
          authorId: commenterId,
          body: '为什么用天平？',
          start: { text, offset: 0 },
          end: { text, offset: 3 },
        })
      }
      const offline = change(thread('offline'))
      const online = change(thread('online'))
      const intoText = change(() => passageOf(doc).insert(0, '【改】'))

      socket.ws.send(encodeUpdate(online))
      socket.ws.send(encodeUpdate(intoText))
      socket.ws.send(encodeSyncStep2(offline))
      await waitFor(() => denialsOf(socket) === 1, 'the change to the text refused')
      await waitFor(
        () => threadsOf(editor.doc).has('online') && threadsOf(editor.doc).has('offline'),
        'both threads relayed',
      )
      // Frame 2 was refused: acks stop below it, however much after it was stored.
      await waitFor(() => acksOf(socket).at(-1) === 1, 'frame 1 acknowledged')
      const stored = await storedDoc(draft.lesson.documentId)
      expect([threadsOf(stored).has('online'), threadsOf(stored).has('offline')]).toEqual([true, true])
      expect(contentOf(stored).toString()).not.toContain('【改】')
    } finally {
      draft.disconnectAll()
    }
  })
})
