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
import { applyOperation, digestOf, isSeeded, progressOf, seedSections, writerOfKey } from './bench-doc.ts'
import { serveRequests } from './ipc.ts'
import type { Patch } from './workload.ts'

export interface DocumentLoad {
  room: string
  /** URL query parameters of each client (e.g. its token); clients 0..W-1 are the writers. */
  clientParams: Record<string, string>[]
  initialTexts: string[]
  ops: Patch[][][]
}

export interface ConnectArgs {
  serverUrl: string
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
  /** Per writer: the last sequence number this client has seen. */
  seen: number[]
}

interface Room {
  load: DocumentLoad
  clients: Client[]
  /** Per writer: when each operation was sent (performance.now()). */
  sentAt: Float64Array[]
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
let deliveredInWindow = 0

function onProgress(room: Room, client: Client, event: Y.YMapEvent<number>): void {
  if (event.transaction.local) return
  const now = performance.now()
  const progress = progressOf(client.doc)
  for (const key of event.keysChanged) {
    const writer = writerOfKey(key)
    const seq = progress.get(key) ?? 0
    const sentAt = room.sentAt[writer]!
    for (let s = client.seen[writer]! + 1; s <= seq; s++) {
      const sent = sentAt[s - 1]!
      if (sent >= measured.start && sent < measured.end) latencies.push(now - sent)
      if (now >= measured.start && now < measured.end) deliveredInWindow++
    }
    client.seen[writer] = Math.max(client.seen[writer]!, seq)
  }
}

function connectClient(serverUrl: string, room: Room, params: Record<string, string>): Promise<Client> {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(serverUrl, room.load.room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params,
    disableBc: true,
  })
  const client: Client = { doc, provider, seen: room.load.ops.map(() => 0) }
  progressOf(doc).observe((event) => onProgress(room, client, event))
  doc.on('update', (_update: Uint8Array, origin: unknown) => {
    const now = performance.now()
    if (origin === provider && now >= measured.start && now < measured.end) updateMessages++
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

async function connect({ serverUrl, documents, ...args }: ConnectArgs): Promise<void> {
  phase = args.phase
  phases = args.phases
  for (const load of documents) {
    const room: Room = {
      load,
      clients: [],
      sentAt: load.ops.map((ops) => new Float64Array(ops.length)),
      sent: load.ops.map(() => 0),
    }
    rooms.push(room)
    room.clients = await Promise.all(load.clientParams.map((params) => connectClient(serverUrl, room, params)))
    seedSections(room.clients[0]!.doc, load.initialTexts)
  }
  const writers = (room: Room): number => room.load.initialTexts.length
  const seeded = await waitUntil(() => rooms.every((r) => r.clients.every((c) => isSeeded(c.doc, writers(r)))), 30_000)
  if (!seeded) throw new Error('not every client received the seeded sections within 30 s')
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
        const seq = ++room.sent[writer]!
        room.sentAt[writer]![seq - 1] = performance.now()
        applyOperation(room.clients[writer]!.doc, writer, ops[seq - 1]!, seq)
      }
    })
  }
}

function lostPairs(room: Room): number {
  let lost = 0
  room.clients.forEach((client, index) => {
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
  // Every operation sets its writer's progress in the same transaction as its edit, so once every
  // client has seen every writer's last sequence number it has seen every edit.
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
