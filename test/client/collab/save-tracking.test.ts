/**
 * trackSaves with a real y-websocket provider over real sockets, against a small server that speaks
 * the sync protocol and our save ack, and stores or loses frames when the test says so. This checks
 * what the tracker takes on trust from y-websocket: when it sends which frame, on which socket.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import { WebsocketProvider } from 'y-websocket'
import WebSocket, { WebSocketServer } from 'ws'
import * as Y from 'yjs'
import { SaveTracker } from '../../../client/src/collab/save-tracker.ts'
import { compositionSettleMs } from '../../../client/src/collab/composing-outbox.ts'
import { trackSaves } from '../../../client/src/collab/save-tracking.ts'
import { MessageType, encodeSaveAck, isUpdateFrame } from '../../../shared/protocol/messages.ts'

interface ServerConnection {
  socket: WebSocket
  /** Update frames received, in order; the frame number is the index + 1. */
  updates: Uint8Array[]
  /** Awareness frames received: a frame sent after another arrives after it, on one socket. */
  awarenessFrames: number
  stored: number
}

/** Stores and acknowledges only when told to, so a test can hold an ack back or lose frames. */
class AckServer {
  readonly doc = new Y.Doc()
  readonly connections: ServerConnection[] = []

  private constructor(private readonly wss: WebSocketServer) {
    wss.on('connection', (socket) => {
      const connection: ServerConnection = { socket, updates: [], awarenessFrames: 0, stored: 0 }
      this.connections.push(connection)
      socket.on('message', (data: Buffer) => this.receive(connection, new Uint8Array(data)))
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MessageType.sync)
      syncProtocol.writeSyncStep1(encoder, this.doc)
      socket.send(encoding.toUint8Array(encoder))
    })
  }

  static async start(): Promise<AckServer> {
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' })
    await new Promise((resolve) => wss.once('listening', resolve))
    return new AckServer(wss)
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.wss.address() as AddressInfo).port}`
  }

  get latest(): ServerConnection {
    return this.connections.at(-1)!
  }

  /** Stores the update frames of the latest connection up to `upTo` and acknowledges them. */
  storeAndAck(upTo = this.latest.updates.length): void {
    const connection = this.latest
    for (const update of connection.updates.slice(connection.stored, upTo)) Y.applyUpdate(this.doc, update)
    connection.stored = upTo
    connection.socket.send(encodeSaveAck(upTo))
  }

  /** The link breaks: whatever the latest connection sent and was not stored is lost. */
  breakLink(): void {
    this.latest.socket.terminate()
  }

  text(): string {
    return this.doc.getText('body').toString()
  }

  close(): Promise<void> {
    for (const { socket } of this.connections) socket.terminate()
    return new Promise((resolve) => this.wss.close(() => resolve()))
  }

  private receive(connection: ServerConnection, frame: Uint8Array): void {
    if (frame[0] === MessageType.awareness) connection.awarenessFrames++
    if (frame[0] !== MessageType.sync) return
    if (isUpdateFrame(frame)) {
      const decoder = decoding.createDecoder(frame)
      decoding.readVarUint(decoder)
      decoding.readVarUint(decoder)
      connection.updates.push(decoding.readVarUint8Array(decoder))
      return
    }
    const decoder = decoding.createDecoder(frame)
    decoding.readVarUint(decoder)
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.sync)
    syncProtocol.readSyncMessage(decoder, encoder, this.doc, null)
    connection.socket.send(encoding.toUint8Array(encoder))
  }
}

function openBrowserDoc(server: AckServer, restoredCount = 0, doc = new Y.Doc(), isComposing = () => false) {
  const localCopy = { name: 'local copy' }
  const tracker = new SaveTracker(restoredCount)
  const saveTracking = trackSaves(doc, tracker, {
    notChanges: [localCopy],
    onChange: () => {},
    baseSocketClass: WebSocket as unknown as typeof globalThis.WebSocket,
    isComposing,
  })
  const provider = new WebsocketProvider(server.url, 'doc-1', doc, {
    connect: false,
    disableBc: true,
    maxBackoffTime: 50,
    WebSocketPolyfill: saveTracking.socketClass,
  })
  const detach = saveTracking.attach(provider)
  const text = doc.getText('body')
  return {
    doc,
    text,
    tracker,
    provider,
    localCopy,
    destroy() {
      detach()
      provider.destroy()
    },
  }
}

type BrowserDoc = ReturnType<typeof openBrowserDoc>

describe('trackSaves with y-websocket', () => {
  let server: AckServer
  const opened: BrowserDoc[] = []

  beforeEach(async () => {
    server = await AckServer.start()
  })

  function open(restoredCount = 0, doc?: Y.Doc, isComposing?: () => boolean): BrowserDoc {
    const browserDoc = openBrowserDoc(server, restoredCount, doc, isComposing)
    opened.push(browserDoc)
    return browserDoc
  }

  /** Connects and waits until the sync answer reached the server. */
  async function connect(browserDoc: BrowserDoc): Promise<void> {
    const connectionsBefore = server.connections.length
    browserDoc.provider.connect()
    await vi.waitFor(() => {
      expect(server.connections.length).toBe(connectionsBefore + 1)
      expect(server.latest.updates.length).toBeGreaterThan(0)
    })
  }

  afterEach(async () => {
    for (const browserDoc of opened.splice(0)) browserDoc.destroy()
    await server.close()
  })

  it('says saved once the sync answer is acknowledged, and not before', async () => {
    const browserDoc = open()
    await connect(browserDoc)
    expect(browserDoc.tracker.status).toBe('saving')
    server.storeAndAck()
    await vi.waitFor(() => expect(browserDoc.tracker.status).toBe('saved'))
  })

  it('[EDIT-2] holds the frames made while composing and sends them as one, counted with all its changes', async () => {
    let composing = false
    let composingAskedAt = 0
    const browserDoc = open(0, undefined, () => {
      composingAskedAt = Date.now()
      return composing
    })
    await connect(browserDoc)
    server.storeAndAck()
    await vi.waitFor(() => expect(browserDoc.tracker.status).toBe('saved'))

    composing = true
    browserDoc.text.insert(0, 'z')
    browserDoc.text.insert(1, 'heng')
    browserDoc.text.delete(0, 5)
    browserDoc.text.insert(0, '正')
    const pending = browserDoc.tracker.pendingCount
    expect(pending).toBeGreaterThan(0)
    // The outbox has looked again once it would have sent what it holds, had the teacher stopped composing;
    // then a frame it does not hold (the caret's awareness) has gone out behind the held ones and arrived.
    const heldAt = Date.now()
    await vi.waitFor(() => expect(composingAskedAt - heldAt).toBeGreaterThan(compositionSettleMs))
    const awarenessBefore = server.latest.awarenessFrames
    browserDoc.provider.awareness.setLocalStateField('cursor', { at: 1 })
    await vi.waitFor(() => expect(server.latest.awarenessFrames).toBeGreaterThan(awarenessBefore))
    expect(server.latest.updates).toHaveLength(1)

    composing = false
    await vi.waitFor(() => expect(server.latest.updates).toHaveLength(2))
    const seen = new Y.Doc()
    const texts: string[] = []
    seen.getText('body').observe(() => texts.push(seen.getText('body').toString()))
    Y.applyUpdate(seen, server.latest.updates[1]!)
    expect(texts).toEqual(['正'])
    expect(browserDoc.tracker.pendingCount).toBe(pending)
    server.storeAndAck()
    await vi.waitFor(() => expect(browserDoc.tracker.status).toBe('saved'))
    expect(server.text()).toBe('正')
  })

  it('keeps a Backspace pending until the frame that carried it is acknowledged', async () => {
    const browserDoc = open()
    await connect(browserDoc)
    server.storeAndAck()
    await vi.waitFor(() => expect(browserDoc.tracker.status).toBe('saved'))

    browserDoc.text.insert(0, '学习目标')
    browserDoc.text.delete(3, 1)
    await vi.waitFor(() => expect(server.latest.updates).toHaveLength(3))
    server.storeAndAck(2)
    await vi.waitFor(() => expect(browserDoc.tracker.pendingCount).toBe(1))
    expect(server.text()).toBe('学习目标')
    expect(browserDoc.tracker.status).toBe('saving')
    server.storeAndAck(3)
    await vi.waitFor(() => expect(browserDoc.tracker.status).toBe('saved'))
    expect(server.text()).toBe('学习目')
  })

  it('sends changes lost with a socket in the next sync answer, which alone saves them', async () => {
    const browserDoc = open()
    await connect(browserDoc)
    server.storeAndAck()
    browserDoc.text.insert(0, '预习')
    await vi.waitFor(() => expect(server.latest.updates).toHaveLength(2))
    const lostSocket = server.latest
    server.breakLink()
    await vi.waitFor(() => expect(server.connections.length).toBeGreaterThan(1))
    expect(server.latest).not.toBe(lostSocket)
    expect(browserDoc.tracker.pendingCount).toBe(1)
    await vi.waitFor(() => expect(server.latest.updates.length).toBeGreaterThan(0))
    browserDoc.text.insert(2, '导学')
    await vi.waitFor(() => expect(server.latest.updates).toHaveLength(2))
    expect(browserDoc.tracker.pendingCount).toBe(2)

    server.storeAndAck()
    await vi.waitFor(() => expect(browserDoc.tracker.status).toBe('saved'))
    expect(server.text()).toBe('预习导学')
  })

  it('does not let an ack save a change typed after the frame it acknowledges', async () => {
    const browserDoc = open()
    await connect(browserDoc)
    server.storeAndAck()
    browserDoc.text.insert(0, '一')
    await vi.waitFor(() => expect(server.latest.updates).toHaveLength(2))
    browserDoc.text.insert(1, '二')
    await vi.waitFor(() => expect(server.latest.updates).toHaveLength(3))
    expect(browserDoc.tracker.pendingCount).toBe(2)
    server.storeAndAck(2)
    // The ack is read in one go: it takes the count from 2 to 1, and one that saved 「二」 too would reach 0.
    await vi.waitFor(() => expect(browserDoc.tracker.pendingCount).toBeLessThan(2))
    expect(browserDoc.tracker.pendingCount).toBe(1)
  })

  it('saves offline edits of a reloaded page with the first sync answer, not with content the local copy brings in', async () => {
    const before = new Y.Doc()
    before.getText('body').insert(0, '课后反思')
    before.getText('body').delete(0, 2)
    const doc = new Y.Doc()
    const browserDoc = open(2, doc)
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(before), browserDoc.localCopy)
    expect(browserDoc.tracker.pendingCount).toBe(2)
    await connect(browserDoc)
    // Another tab's edit, read from the local copy while connected: sent, numbered, not ours to count.
    const otherTab = new Y.Doc()
    Y.applyUpdate(otherTab, Y.encodeStateAsUpdate(before))
    otherTab.getText('body').insert(2, '。')
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(otherTab), browserDoc.localCopy)
    await vi.waitFor(() => expect(server.latest.updates).toHaveLength(2))
    expect(browserDoc.tracker.pendingCount).toBe(2)
    server.storeAndAck()
    await vi.waitFor(() => expect(browserDoc.tracker.status).toBe('saved'))
    expect(server.text()).toBe('反思。')
  })
})
