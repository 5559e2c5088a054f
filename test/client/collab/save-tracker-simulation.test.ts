/**
 * The tracker against real Yjs documents: a simulated browser that sends frames the way y-websocket
 * does, and a simulated server that numbers, stores and acknowledges them the way ours does. Whenever
 * the tracker says saved, the stored document must hold everything the browser has, deletions included.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { changedPlaces } from '../../../shared/sync/changed-places.ts'
import { SaveTracker } from '../../../client/src/collab/save-tracker.ts'
import { randomSource } from '../../helpers/random-source.ts'

interface Connection {
  id: number
  open: boolean
  /** Frames on the wire to the server, in order; lost if the socket drops. */
  toServer: Uint8Array[]
  /** Received, numbered, not yet stored; the server stores them even after the socket dropped. */
  received: { frame: number; update: Uint8Array }[]
  framesReceived: number
  /** Messages on the wire to the browser: the server's sync step 1 (its stored state vector) or an ack. */
  toBrowser: ({ kind: 'syncStep1'; stateVector: Uint8Array } | { kind: 'ack'; storedFrames: number })[]
}

class Simulation {
  readonly stored = new Y.Doc()
  doc = new Y.Doc()
  tracker = new SaveTracker()
  private connections: Connection[] = []
  private nextId = 1

  constructor() {
    this.listen()
  }

  get current(): Connection | undefined {
    return this.connections.find((connection) => connection.open)
  }

  get text(): Y.Text {
    return this.doc.getText('body')
  }

  type(index: number, text: string): void {
    this.text.insert(index, text)
  }

  erase(index: number, length: number): void {
    this.text.delete(index, length)
  }

  connect(): void {
    const connection: Connection = {
      id: this.nextId++,
      open: true,
      toServer: [],
      received: [],
      framesReceived: 0,
      toBrowser: [],
    }
    this.connections.push(connection)
    this.tracker.connected(connection.id)
    connection.toBrowser.push({ kind: 'syncStep1', stateVector: Y.encodeStateVector(this.stored) })
  }

  drop(): void {
    const connection = this.current
    if (!connection) return
    connection.open = false
    connection.toServer.length = 0
    connection.toBrowser.length = 0
    this.tracker.disconnected()
  }

  /** The next frame on the open socket reaches the server. */
  deliverToServer(): void {
    const connection = this.current
    const update = connection?.toServer.shift()
    if (!connection || !update) return
    connection.received.push({ frame: ++connection.framesReceived, update })
  }

  /** The next message on the open socket reaches the browser. */
  deliverToBrowser(): void {
    const connection = this.current
    const message = connection?.toBrowser.shift()
    if (!connection || !message) return
    if (message.kind === 'ack') {
      this.tracker.saveAck(connection.id, message.storedFrames)
      return
    }
    // y-websocket answers step 1 with step 2: all the server lacks, and the whole delete set.
    connection.toServer.push(Y.encodeStateAsUpdate(this.doc, message.stateVector))
    this.tracker.frameSent(connection.id, 'syncAnswer')
  }

  /** The server stores what one connection sent so far, and acks if that socket is still open. */
  store(connection = this.connections.find((candidate) => candidate.received.length > 0)): void {
    if (!connection || connection.received.length === 0) return
    let last = 0
    for (const { frame, update } of connection.received.splice(0)) {
      Y.applyUpdate(this.stored, update)
      last = frame
    }
    if (connection.open) connection.toBrowser.push({ kind: 'ack', storedFrames: last })
  }

  /** Closes the tab and opens it again: the local copy and the saved count survive, the rest is new. */
  reload(): void {
    this.drop()
    const localCopy = Y.encodeStateAsUpdate(this.doc)
    const restoredCount = this.tracker.pendingCount
    this.doc = new Y.Doc()
    Y.applyUpdate(this.doc, localCopy, 'local copy')
    this.tracker = new SaveTracker(restoredCount)
    this.listen()
  }

  /** Everything in flight arrives and is stored, until nothing moves. */
  settle(): void {
    for (let round = 0; round < 20; round++) {
      const connection = this.current
      while (connection && connection.toServer.length > 0) this.deliverToServer()
      for (const each of this.connections) this.store(each)
      while (connection && connection.toBrowser.length > 0) this.deliverToBrowser()
    }
  }

  /** What `saved` must mean: the stored document has all of ours (it has nothing we lack). */
  storedHasEverything(): boolean {
    const missing = Y.decodeUpdate(Y.diffUpdate(Y.encodeStateAsUpdate(this.doc), Y.encodeStateVector(this.stored)))
    return missing.structs.length === 0 && this.stored.getText('body').toString() === this.text.toString()
  }

  private listen(): void {
    const { doc, tracker } = this
    doc.on('update', (update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
      if (origin === 'local copy' || doc !== this.doc) return
      tracker.localChange(changedPlaces(transaction))
      const connection = this.current
      if (!connection) return
      connection.toServer.push(update)
      tracker.frameSent(connection.id, 'change')
    })
  }
}

describe('SaveTracker against a simulated server', () => {
  it('keeps a Backspace typed within the round trip of an insertion pending until its own frame is stored', () => {
    const sim = new Simulation()
    sim.connect()
    sim.settle()
    expect(sim.tracker.status).toBe('saved')
    sim.type(0, '学习目标')
    sim.erase(3, 1)
    sim.deliverToServer()
    sim.store()
    sim.deliverToBrowser()
    expect(sim.stored.getText('body').toString()).toBe('学习目标')
    expect(sim.tracker.pendingCount).toBe(1)
    expect(sim.tracker.status).toBe('saving')
    sim.settle()
    expect(sim.stored.getText('body').toString()).toBe('学习目')
    expect(sim.tracker.status).toBe('saved')
  })

  it('does not let an ack on a new socket save a change lost with the old one', () => {
    const sim = new Simulation()
    sim.connect()
    sim.settle()
    sim.type(0, '一')
    sim.drop()
    sim.connect()
    sim.type(1, '二')
    sim.deliverToServer()
    sim.store()
    // The sync answer that carries 一 goes out as frame 2; the ack of 二 (frame 1) arrives before it is stored.
    sim.deliverToBrowser()
    sim.deliverToBrowser()
    expect(sim.tracker.pendingCount).toBe(1)
    expect(sim.tracker.status).toBe('saving')
    sim.settle()
    expect(sim.tracker.status).toBe('saved')
    expect(sim.storedHasEverything()).toBe(true)
  })

  it('restores offline edits after a reload and saves them with the next sync answer', () => {
    const sim = new Simulation()
    sim.connect()
    sim.settle()
    sim.drop()
    sim.type(0, '课后反思')
    sim.erase(0, 2)
    sim.reload()
    expect(sim.tracker.status).toBe('offline')
    // Typed and erased in the one text: one place.
    expect(sim.tracker.pendingCount).toBe(1)
    sim.connect()
    expect(sim.tracker.status).toBe('saving')
    sim.settle()
    expect(sim.tracker.status).toBe('saved')
    expect(sim.stored.getText('body').toString()).toBe('反思')
  })

  it('never says saved before the server stored everything, over many random sessions', () => {
    const actions = [
      'type',
      'type',
      'erase',
      'connect',
      'drop',
      'toServer',
      'toServer',
      'toBrowser',
      'toBrowser',
      'store',
      'reload',
    ] as const
    for (let seed = 1; seed <= 1000; seed++) {
      const random = randomSource(seed)
      const sim = new Simulation()
      for (let step = 0; step < 100; step++) {
        const action = actions[Math.floor(random() * actions.length)]!
        const length = sim.text.length
        if (action === 'type') sim.type(Math.floor(random() * (length + 1)), '课')
        else if (action === 'erase' && length > 0) sim.erase(Math.floor(random() * length), 1)
        else if (action === 'connect' && !sim.current) sim.connect()
        else if (action === 'drop') sim.drop()
        else if (action === 'toServer') sim.deliverToServer()
        else if (action === 'toBrowser') sim.deliverToBrowser()
        else if (action === 'store') sim.store()
        else if (action === 'reload') sim.reload()
        if (sim.tracker.status === 'saved' && !sim.storedHasEverything()) {
          throw new Error(`seed ${seed}, step ${step} (${action}): saved, but the server lacks some of it`)
        }
      }
      if (!sim.current) sim.connect()
      sim.settle()
      expect(sim.tracker.status, `seed ${seed}`).toBe('saved')
      expect(sim.storedHasEverything(), `seed ${seed}`).toBe(true)
    }
  })
})
