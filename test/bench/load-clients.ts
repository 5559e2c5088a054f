/**
 * Child process: the simulated teachers of some documents. All clients of one document live in the same
 * process, so a receiver can compare its arrival time with the writer's send time on one clock.
 *
 * Requests: `connect` (connect, seed, resolve once every client has synced and sees the seed),
 * `type` (type for warm-up + measured window, drain, resolve with the measurements).
 */
import { performance } from 'node:perf_hooks'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { readFileSync } from 'node:fs'
import {
  digestOf,
  type Footprint,
  FootprintRecorder,
  hasSeen,
  isSeeded,
  type SectionAnchor,
  seedSections,
} from './bench-doc.ts'
import { serveRequests } from './ipc.ts'
import type { Patch } from './workload.ts'

export interface DocumentLoad {
  room: string
  /** URL query parameters of each client (e.g. its token); clients 0..W-1 are the writers. */
  clientParams: Record<string, string>[]
  initialTexts: string[]
  /** Per writer: the trace before its starting point, in batches, when the document is grown (else empty). */
  histories: Patch[][][][]
  ops: Patch[][][]
  /** A trace's finished Yjs document that the first client starts with, to type inside it. */
  largeDocumentPath: string | null
}

export interface ConnectArgs {
  /** One URL per instance; client i of each document connects to instance i mod their number. */
  serverUrls: string[]
  documents: DocumentLoad[]
  /** Index of this process among all load processes, to spread writers' start times. */
  phase: number
  phases: number
}

export interface TypeArgs {
  rate: number
  warmupMs: number
  durationMs: number
  drainMs: number
}

export interface DocumentOutcome {
  room: string
  /** The digest all clients agree on, or null if they differ. */
  digest: string | null
  /** (operation, receiver) pairs never seen by the receiver. */
  lost: number
}

export interface LoadOutcome {
  /** Edit-to-visible latency in ms of every (operation sent in the window, other client) pair. */
  latencies: Float64Array
  /** Of which the pairs whose writer and receiver are on different instances (none with one instance). */
  crossInstanceLatencies: Float64Array
  /** (operation, other client) pairs that became visible during the window. */
  deliveredInWindow: number
  /** Operations sent during the window. */
  sentInWindow: number
  /** Remote update messages clients applied during the window, including any echo of their own. */
  updateMessages: number
  disconnects: number
  documents: DocumentOutcome[]
}

interface Client {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Per writer: how many of its operations this client has seen (they arrive in order). */
  seen: number[]
}

interface Room {
  load: DocumentLoad
  clients: Client[]
  anchors: SectionAnchor[]
  recorders: FootprintRecorder[]
  /** Per writer: when each operation was sent (performance.now()), NaN for one that changed nothing. */
  sentAt: Float64Array[]
  /** Per writer: what each operation changed, null for one that changed nothing. */
  footprints: (Footprint | null)[][]
  sent: number[]
}

// 200 providers each add an exit listener.
process.setMaxListeners(0)

const rooms: Room[] = []
let phase = 0
let phases = 1
let disconnects = 0
let updateMessages = 0
/** The measured window, on this process's `performance.now()` clock. */
let measured = { start: Infinity, end: Infinity }
const latencies: number[] = []
const crossInstanceLatencies: number[] = []
let instances = 1
let deliveredInWindow = 0

/** After a remote update: which writers' next operations this client now holds, and when they arrived. */
function noteArrivals(room: Room, client: Client, clientIndex: number): void {
  const now = performance.now()
  for (let writer = 0; writer < room.sent.length; writer++) {
    if (writer === clientIndex) continue
    const footprints = room.footprints[writer]!
    const sentAt = room.sentAt[writer]!
    let seen = client.seen[writer]!
    while (seen < room.sent[writer]!) {
      const footprint = footprints[seen]
      if (footprint && !hasSeen(client.doc, footprint)) break
      const sent = sentAt[seen]!
      seen++
      if (Number.isNaN(sent)) continue
      if (sent >= measured.start && sent < measured.end) {
        latencies.push(now - sent)
        if (writer % instances !== clientIndex % instances) crossInstanceLatencies.push(now - sent)
      }
      if (now >= measured.start && now < measured.end) deliveredInWindow++
    }
    client.seen[writer] = seen
  }
}

function connectClient(serverUrls: string[], room: Room, index: number, start: Uint8Array | null): Promise<Client> {
  const doc = new Y.Doc()
  if (start) Y.applyUpdate(doc, start)
  const provider = new WebsocketProvider(serverUrls[index % serverUrls.length]!, room.load.room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: room.load.clientParams[index]!,
    disableBc: true,
  })
  const client: Client = { doc, provider, seen: room.load.ops.map(() => 0) }
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    if (transaction.local) return
    const now = performance.now()
    if (now >= measured.start && now < measured.end) updateMessages++
    noteArrivals(room, client, index)
  })
  provider.on('connection-close', () => disconnects++)
  return new Promise((resolve) => {
    if (provider.synced) resolve(client)
    else provider.once('sync', () => resolve(client))
  })
}

function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const deadline = performance.now() + timeoutMs
    const check = (): void => {
      if (condition()) resolve(true)
      else if (performance.now() > deadline) resolve(false)
      else setTimeout(check, 20)
    }
    check()
  })
}

async function connect({ serverUrls, documents, ...args }: ConnectArgs): Promise<void> {
  instances = serverUrls.length
  phase = args.phase
  phases = args.phases
  for (const load of documents) {
    const writers = load.ops.length
    const room: Room = {
      load,
      clients: [],
      anchors: [],
      recorders: [],
      sentAt: load.ops.map((ops) => new Float64Array(ops.length)),
      footprints: load.ops.map(() => []),
      sent: load.ops.map(() => 0),
    }
    rooms.push(room)
    // The first client brings a large document: to a server holding it already, nothing new; to one
    // keeping documents in memory, the document itself. The others join once it holds it.
    const start = load.largeDocumentPath ? new Uint8Array(readFileSync(load.largeDocumentPath)) : null
    const first = await connectClient(serverUrls, room, 0, start)
    await waitUntil(() => first.provider.synced, 30_000)
    room.anchors = seedSections(first.doc, load.initialTexts, start !== null)
    const others = await Promise.all(
      load.clientParams.slice(1).map((_, i) => connectClient(serverUrls, room, i + 1, null)),
    )
    room.clients = [first, ...others]
    room.recorders = room.clients.slice(0, writers).map((client) => new FootprintRecorder(client.doc))
  }
  const seeded = await waitUntil(() => rooms.every((r) => r.clients.every((c) => isSeeded(c.doc, r.anchors))), 60_000)
  if (!seeded) throw new Error('not every client received the seeded sections within 60 s')
  // A grown document: each writer replays its trace's history, a batch per update, before anyone measures.
  for (const room of rooms) {
    room.load.histories.forEach((batches, writer) => {
      for (const batch of batches) room.recorders[writer]!.apply(room.anchors[writer]!, batch.flat())
    })
  }
  const grown = await waitUntil(
    () => rooms.every((r) => new Set(r.clients.map((c) => digestOf(c.doc))).size === 1),
    120_000,
  )
  if (!grown) throw new Error('the clients of a grown document did not agree within 120 s')
}

/** Sends every operation that is due; writers are spread evenly over one operation interval. */
function typeDueOperations(startedAt: number, intervalMs: number, stopAt: number): void {
  const now = performance.now()
  if (now >= stopAt) return
  const writersPerProcess = rooms.reduce((n, r) => n + r.load.ops.length, 0)
  let index = 0
  for (const room of rooms) {
    room.load.ops.forEach((ops, writer) => {
      const offset = ((index++ * phases + phase) / (writersPerProcess * phases)) * intervalMs
      const due = Math.min(ops.length, Math.floor((now - startedAt - offset) / intervalMs) + 1)
      while (room.sent[writer]! < due) {
        const index = room.sent[writer]!
        const sentAt = performance.now()
        // Receivers hear of it only in a later turn: noting it after applying it is in time.
        const footprint = room.recorders[writer]!.apply(room.anchors[writer]!, ops[index]!)
        room.footprints[writer]!.push(footprint)
        room.sentAt[writer]![index] = footprint ? sentAt : Number.NaN
        room.sent[writer] = index + 1
      }
    })
  }
}

function lostPairs(room: Room): number {
  let lost = 0
  room.clients.forEach((client, index) => {
    // Passes over a last operation that changed nothing, which no update announces.
    noteArrivals(room, client, index)
    room.sent.forEach((sent, writer) => {
      if (writer !== index) lost += sent - client.seen[writer]!
    })
  })
  return lost
}

async function type({ rate, warmupMs, durationMs, drainMs }: TypeArgs): Promise<LoadOutcome> {
  const intervalMs = 1000 / rate
  const startedAt = performance.now()
  measured = { start: startedAt + warmupMs, end: startedAt + warmupMs + durationMs }
  const timer = setInterval(() => typeDueOperations(startedAt, intervalMs, measured.end), Math.min(10, intervalMs / 2))
  await new Promise((resolve) => setTimeout(resolve, warmupMs + durationMs))
  clearInterval(timer)
  await waitUntil(() => rooms.every((room) => lostPairs(room) === 0), drainMs)

  let sentInWindow = 0
  for (const room of rooms) {
    room.sentAt.forEach((times, writer) => {
      for (let s = 0; s < room.sent[writer]!; s++) {
        if (times[s]! >= measured.start && times[s]! < measured.end) sentInWindow++
      }
    })
  }
  return {
    latencies: Float64Array.from(latencies),
    crossInstanceLatencies: Float64Array.from(crossInstanceLatencies),
    deliveredInWindow,
    sentInWindow,
    updateMessages,
    disconnects,
    documents: rooms.map((room) => {
      const digests = new Set(room.clients.map((c) => digestOf(c.doc)))
      return { room: room.load.room, digest: digests.size === 1 ? [...digests][0]! : null, lost: lostPairs(room) }
    }),
  }
}

serveRequests({
  connect: (args: ConnectArgs) => connect(args),
  type: (args: TypeArgs) => type(args),
  disconnect: async () => {
    for (const room of rooms) for (const client of room.clients) client.provider.destroy()
  },
})
